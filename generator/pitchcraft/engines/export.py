"""The generated folder an engine builds without the plugin, and its configuration.

The folder holds every page the plugin would add (`site.pages`) and the team's own pages from
the docs folder (minus those the audience leaves out), each marked for Pitchcraft's Markdown
extension (`site.page_extension`), which every engine runs: it cleans the card text of
generated pages and unlinks left-out pages, as the plugin does. Links are relative, which every
engine resolves. Beside it, the theme overrides: the packaged ones with the site's own
`custom_dir` copied over them (an engine reads one overrides folder).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..output.engine_config import engine_config, relative_links
from ..output.page_writer import PageWriter, Written
from ..site import page_groups
from ..site.options import docs_left_out, groups
from ..site.page_extension import marked
from ..site.pages import Page
from ..theme_files import overrides_dir


def docs_pages(docs_dir: Path, options: Mapping[str, Any],
               generated: Sequence[Page]) -> list[Page]:
    """The team's own pages; a generated page of the same path wins, as in the plugin."""
    taken = {p.path for p in generated} | docs_left_out(options)
    return [Page(path.relative_to(docs_dir).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(docs_dir.rglob("*.md"))
            if path.relative_to(docs_dir).as_posix() not in taken]


def docs_assets(docs_dir: Path) -> list[tuple[str, Path]]:
    """The docs folder's other files (images, styles), by path under it."""
    return [(path.relative_to(docs_dir).as_posix(), path) for path in sorted(docs_dir.rglob("*"))
            if path.is_file() and path.suffix != ".md"]


def engine_pages(generated: Sequence[Page], docs: Sequence[Page]) -> list[Page]:
    """Every page of the folder, marked, with relative links."""
    return [Page(p.path, marked(p.path, relative_links(p.path, p.markdown), is_generated))
            for pages, is_generated in ((docs, False), (generated, True)) for p in pages]


def write_folder(folder: Path, pages: Sequence[Page], docs_dir: Path | None) -> Written:
    """The pages, and the docs folder's other files when `docs_dir` is given."""
    writer = PageWriter(folder)
    for page in pages:
        writer.write(page)
    for path, source in docs_assets(docs_dir) if docs_dir else ():
        writer.write_file(path, source, source.read_bytes)
    return writer.finish()


def site_overrides(config_file: Path, site: Mapping[str, Any]) -> Path | None:
    """The site's own theme overrides (`theme.custom_dir`), if it has any."""
    theme = site.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return (config_file.parent / custom).resolve() if custom else None


OVERRIDES_MARK = ".pitchcraft-overrides"
"""In an overrides folder Pitchcraft wrote: the only kind it replaces."""


class NotOurs(Exception):
    """The overrides folder exists and Pitchcraft did not write it; nothing was touched."""


def write_overrides(folder: Path, site_overrides: Path | None) -> Path:
    """The packaged overrides with the site's own copied over them, in `folder`, which is
    replaced only if Pitchcraft wrote it (a site's own `overrides/` is never deleted)."""
    if folder.exists() and not (folder / OVERRIDES_MARK).is_file():
        raise NotOurs(f"{folder} exists and was not written by Pitchcraft; it is replaced on "
                      "every run, so choose another folder for the generated pages")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(overrides_dir(), folder)
    if site_overrides is not None:
        shutil.copytree(site_overrides, folder, dirs_exist_ok=True)
    (folder / OVERRIDES_MARK).write_text("Written by pitchcraft; replaced on every run.\n",
                                         encoding="utf-8")
    return folder


def write_config(target: Path, site: Mapping[str, Any], folder: Path, docs_dir: Path,
                 options: Mapping[str, Any], overrides: Path, search_off: Sequence[dict],
                 site_dir: str | None = None) -> None:
    """The configuration that builds `folder` without the plugin; paths relative to it."""
    docs = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    built = groups(options)
    nav = page_groups.site_nav(site.get("nav"), built, docs, docs_left_out(options))
    where = target.resolve().parent
    config = engine_config(site, _relative(folder, where), nav, _relative(overrides, where),
                           options["audience"], built, sorted(docs - docs_left_out(options)),
                           search_off)
    if site_dir is not None:
        config["site_dir"] = site_dir
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")


def _relative(path: Path, where: Path) -> Path:
    return Path(os.path.relpath(path.resolve(), where))
