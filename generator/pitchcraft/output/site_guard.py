"""Where a build may write: never onto, around or into the project's own sources.

`pitchcraft build` replaces its site folder wholesale, so a site folder that is the project
root, or holds the content or `.git`, would be deleted with it. The generated pages' folder is
cleaned on every run, so the same rule holds for it, and it must also be a plain folder: a
symbolic link to it, or to a folder above it, inside the project (one commit can add such a
link) would send the pages and their clean-up wherever it points. The rules live here, as plain
path arithmetic, so they are tested without MkDocs and decided once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Source:
    """A folder the build reads and must never delete, and how the site may sit beside it."""

    name: str
    path: Path
    may_hold_site: bool
    """True for the project root: `site/` inside it is normal; the root itself is not."""


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git` (a folder or a worktree file)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def project_sources(config_file: Path, docs_dir: Path, folders: dict[str, Path | None]
                    ) -> list[Source]:
    """The configuration's folder, docs_dir, the repository and its `.git`, and `folders`
    (named: the content, the templates, the theme overrides, the packaged theme)."""
    root = config_file.resolve().parent
    sources = [Source("the folder of the configuration file", root, True),
               Source("the docs folder (docs_dir)", docs_dir.resolve(), False)]
    sources += [Source(name, path.resolve(), False) for name, path in folders.items() if path]
    repo = repository_root(root)
    if repo is not None:
        sources.append(Source("the repository root", repo, True))
        sources.append(Source("the .git folder", repo / ".git", False))
    return sources


def unsafe_site_dir(site_dir: Path, sources: list[Source]) -> str | None:
    """Why `site_dir` must not be built into, or None when it is safe.

    A build replaces the site folder, so it must neither be a source nor contain one; only the
    project root may contain it (as `site/` usually is), no other source may.
    """
    target = site_dir.resolve()
    for source in sources:
        if target == source.path:
            return f"{target} is {source.name}"
        if source.path.is_relative_to(target):
            return f"{target} contains {source.name} ({source.path})"
        if not source.may_hold_site and target.is_relative_to(source.path):
            return f"{target} lies inside {source.name} ({source.path})"
    return None


def sources_of(config_file: Path, config: Any, plugin: Any) -> list[Source]:
    """`project_sources` of a loaded MkDocs configuration and its pitchcraft options (a
    mapping): the content, the site's own templates, the theme's custom_dir, and Pitchcraft's
    packaged theme."""
    from ..theme_files import theme_dir

    def path(value: object) -> Path | None:
        return Path(str(value)) if value else None

    return project_sources(config_file, Path(config.docs_dir), {
        "the content folder": path(plugin.get("content")),
        "the templates folder": path(plugin.get("templates")),
        "the theme's custom_dir": path(config.theme.custom_dir),
        "Pitchcraft's packaged theme": theme_dir(),
    })


def unsafe_pages_dir(folder: Path, sources: list[Source]) -> str | None:
    """Why the generated pages must not be written into `folder`, or None when it is safe.

    It must not be a symbolic link, nor sit under one inside the project (the repository, or
    the configuration's folder without one); and, as a site folder, it must be neither a
    source, nor hold one, nor lie inside one other than the project root."""
    project = [s.path for s in sources if s.may_hold_site]
    lexical = Path(os.path.abspath(folder))
    for place in (lexical, *lexical.parents):
        if place.is_symlink() and (place == lexical or any(
                place.parent.resolve().is_relative_to(root) for root in project)):
            what = "is" if place == lexical else f"lies under {place}, which is"
            return f"{lexical} {what} a symbolic link (to {os.readlink(place)})"
    return unsafe_site_dir(folder, sources)


def links_under(folder: Path) -> list[str]:
    """Every symbolic link at or below `folder` (files and folders, never entered), as paths
    relative to it: what a build must not follow. A docs page committed as a link would
    publish whatever file it points at, on any machine that builds the site."""
    if folder.is_symlink():
        return ["."]
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = Path(top, name)
            if path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def links_problem(folder: Path, what: str) -> str | None:
    """The error for a folder a build reads that holds links, or None."""
    links = links_under(folder)
    if not links:
        return None
    shown = ", ".join(links[:10]) + (f" and {len(links) - 10} more" if len(links) > 10 else "")
    return (f"the {what} folder {folder} holds symbolic links, which are never followed: "
            f"{shown}; put the file itself there, or remove the link")
