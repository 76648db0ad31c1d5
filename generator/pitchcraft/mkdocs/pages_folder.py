"""Where a site's generated pages live on disk, and how MkDocs is told about them.

The folder sits beside `mkdocs.yml` (`.pitchcraft/` by default, one subfolder per audience and
drafts setting, so a public and an internal build never share pages). It is a cache: rewritten
by every build, never committed, never a link, never inside or around a source folder
(`site_guard.unsafe_pages_dir`); only files Pitchcraft wrote there are ever removed
(`pages_manifest`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..output.page_writer import cache_folder, pages_folder_of
from ..output.site_guard import sources_of, unsafe_pages_dir
from ..site import page_groups
from ..site.pages import SiteOptions

PAGES_DIR = ".pitchcraft"
GENERATED_BY = "pitchcraft"


def pages_folder(config: MkDocsConfig, plugin: Any, options: SiteOptions) -> Path:
    """This build's folder, under the cache folder (made, with its `.gitignore`, if new);
    `plugin` is the pitchcraft options. A folder that is a link, or lies in or around a source
    folder, is refused before anything is made."""
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    folder = pages_folder_of(config_file, plugin["pages_dir"], options.audience, options.drafts)
    reason = unsafe_pages_dir(folder, sources_of(config_file, config, plugin))
    if reason:
        raise PluginError(f"pages_dir: refusing to write the generated pages into {folder}: "
                          f"{reason}, and the folder is cleaned on every build. Set pages_dir "
                          "to a plain folder beside mkdocs.yml that holds no sources, such as "
                          f"{PAGES_DIR}, and remove any link there; nothing was deleted")
    cache_folder(folder.parent)
    return folder


def generated_file(config: MkDocsConfig, folder: Path, path: str) -> File:
    """A generated page as an ordinary file: `--dirty` rebuilds it only when its text
    changed. It has no edit link (its source is a card, not this file)."""
    file = File(path, str(folder), config.site_dir, config.use_directory_urls,
                inclusion=InclusionLevel.INCLUDED if path in page_groups.NAV_PAGES
                else InclusionLevel.NOT_IN_NAV)
    file.generated_by = GENERATED_BY
    return file


def generated(file: File) -> bool:
    """A page `generated_file` made, not one of the team's own."""
    return getattr(file, "generated_by", None) == GENERATED_BY
