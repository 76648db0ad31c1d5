"""`pitchcraft build --engine properdocs|zensical`: the site built without the plugin.

The same guards as the plugin's build (`output.site_folder`, `output.site_guard`): the site is
checked against the sources, built into a fresh folder and swapped in only when the engine and
every step after it succeeded. Content is loaded and checked, and the pages generated, by the
same code as the plugin's; the engine builds them in a work folder beside the site
(`export`), and the steps after it (`finish`) check the pages, index them and write decks.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..output.incremental import SiteGenerator, build_date
from ..output.loading import ContentErrors, load_checked
from ..output.page_writer import NotGenerated
from ..output.site_folder import BuildFailed, fresh_folder, target
from ..output.site_guard import Source, links_problem, unsafe_site_dir
from ..render.templates import TemplateError
from ..site.audience import empty_public_site
from ..site.config import shadowed
from ..site.options import options_for, template_dirs
from ..theme_files import overrides_dir
from . import export
from .engines import ENGINES, EngineFailed, run
from .finish import SiteIncomplete, finish

Say = Callable[[str], None]


def build_with(engine_name: str, config_file: Path, site: Mapping[str, Any],
               plugin: Mapping[str, Any], sources: list[Source], site_dir: Path | None,
               strict: bool, say: Say, on_wait: Say = lambda _: None) -> Path:
    """Build the site `config_file` describes with the engine; where it went. `site` is the
    configuration as loaded, `plugin` the pitchcraft options (audience and drafts set)."""
    engine = ENGINES[engine_name]
    published = (config_file.parent / site.get("site_dir", "site")).resolve()
    where = target(site_dir, published, plugin["drafts"], plugin["audience"])
    if reason := unsafe_site_dir(where, sources):
        raise BuildFailed(f"refusing to build into {where}: {reason}, and a build replaces "
                          "its site folder; pass -d with a folder outside the sources")
    docs_dir = config_file.parent / site.get("docs_dir", "docs")
    if problem := links_problem(docs_dir, "docs"):
        raise BuildFailed(problem)
    today, generator = build_date(), SiteGenerator()
    try:
        content = load_checked(generator, plugin["content"], today,
                               lambda text, error: say(text))
    except ContentErrors as errors:
        raise BuildFailed(str(errors)) from None
    options = options_for(plugin, site.get("site_url") or "", today)
    if options.drafts:
        say("drafts are shown: this preview goes to its own folder and is never published")
    if empty := empty_public_site(content, options):
        say(f"WARNING - {empty}")
        if strict:
            raise BuildFailed("1 warning(s) in strict mode")
    try:
        generated = generator.pages(content, options, today, template_dirs(plugin)).pages
    except TemplateError as exc:
        raise BuildFailed(f"template error: {exc}") from None
    custom = export.site_overrides(config_file, site)
    replaced = shadowed(overrides_dir(), [custom] if custom else [])
    with fresh_folder(where, plugin["drafts"], on_wait) as fresh:
        work = Path(tempfile.mkdtemp(prefix=f".{where.name}-", dir=where.parent))
        try:
            pages = export.engine_pages(generated,
                                        export.docs_pages(docs_dir, plugin, generated))
            export.write_folder(work / "pages", pages, docs_dir)
            overrides = export.write_overrides(work / "overrides", custom)
            config = work / "engine.yml"
            export.write_config(config, site, work / "pages", docs_dir, plugin, overrides,
                                engine.search_off, site_dir="site")
            run(engine, config, strict)
            indexed, decks = finish(work / "site", engine, content, options, today, replaced)
            fresh.rmdir()
            (work / "site").rename(fresh)
        except (EngineFailed, SiteIncomplete, NotGenerated, OSError) as exc:
            raise BuildFailed(str(exc)) from None
        finally:
            shutil.rmtree(work, ignore_errors=True)
    say(f"{engine.name}: {len(pages)} pages built, {indexed} indexed by Pagefind"
        + (f", {decks} decks" if decks else ""))
    return where

