"""Where a build may write: never onto, around or into the project's own sources.

`pitchcraft build` replaces its site folder wholesale, so a site folder that is the project
root, or holds the content or `.git`, would be deleted with it. The rule lives here, as plain
path arithmetic on resolved paths, so it is tested without MkDocs and decided once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
