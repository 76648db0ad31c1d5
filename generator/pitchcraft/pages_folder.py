"""Where a site's generated pages live on disk, and how MkDocs is told about them.

The folder sits beside `mkdocs.yml` (`.pitchcraft/` by default, one subfolder per audience and
drafts setting, so a public and an internal build never share pages). It is a cache: rewritten
by every build, never committed, never inside the docs folder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from .generate import cache_folder
from .render import page_groups
from .render.site import SiteOptions

PAGES_DIR = ".pitchcraft"
GENERATED_BY = "pitchcraft"


def pages_folder(config: MkDocsConfig, pages_dir: str, options: SiteOptions) -> Path:
    """This build's folder, under the cache folder (made, with its `.gitignore`, if new)."""
    root = Path(config.config_file_path or ".").resolve().parent / pages_dir
    folder = root / (options.audience + ("-drafts" if options.drafts else ""))
    docs = Path(config.docs_dir).resolve()
    if folder == docs or docs in folder.parents:
        raise PluginError(f"pages_dir: {pages_dir} is inside the docs folder; choose a folder "
                          "beside mkdocs.yml, such as .pitchcraft")
    cache_folder(root)
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
