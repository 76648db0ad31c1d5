"""What a preview page is rendered from: when any of it changes, the page is stale.

Every page: its source file, the nav it shows, the build day, the site's address and the
configuration. A page of the team's own also lists which pages exist (its links may point to
any), so adding or removing a page makes those stale; a generated page's links are its text.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import get_build_date

from ..mkdocs.pages_folder import generated


def page_inputs(documents: list[File], nav: Navigation, config: MkDocsConfig,
                config_inputs: tuple | None, last_shared: tuple | None
                ) -> tuple[dict[str, tuple], tuple]:
    """Each page's inputs by source path, and the part all pages share. That part is the
    very `last_shared` tuple when equal to it, so comparing 11,600 pages' inputs with the last
    build's is an identity check each, not a comparison of the whole nav."""
    shared = (_nav_shape(nav.items), get_build_date(), config.site_url, config_inputs)
    if shared == last_shared:
        shared = last_shared
    listed = hash(tuple(sorted(f.src_uri for f in documents)))
    inputs = {f.src_uri: (stamp(f.abs_src_path), shared, None if generated(f) else listed)
              for f in documents}
    return inputs, shared


def stamp(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _nav_shape(items: list) -> tuple:
    """What every page shows of the nav: titles, addresses and sections."""
    return tuple((item.title, _nav_shape(item.children)) if isinstance(item, Section)
                 else (item.title, getattr(item, "url", None)) for item in items)


def remove_output(site_dir: Path, dest: str) -> None:
    """Delete a page's output, and the folders that leaves empty."""
    target = site_dir / dest
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
