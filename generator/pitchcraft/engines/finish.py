"""The steps on an engine's built site that the plugin takes inside MkDocs: check every page,
replace the engine's search index by Pagefind's, and write the decks.

A built page must hold Pitchcraft's stylesheet, script and Pagefind search box (the overrides
render on the engine), and no page-extension mark (the extension ran: card text was cleaned).
A page that fails either stops the build, naming the page and what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from ..model import Content
from ..output.engine_config import SEARCH
from ..output.pagefind_index import index_site
from ..site.config import page_problems
from ..site.decks import write_site_decks
from ..site.page_extension import MARK_PREFIX
from ..site.pages import SiteOptions
from .engines import Engine


class SiteIncomplete(Exception):
    """A built page lacks what Pitchcraft needs; the message names it."""


def check_pages(site_dir: Path, engine: Engine, replaced: Mapping[str, Path]) -> int:
    """Raise `SiteIncomplete` for the first built page that lacks what it needs; the number
    of pages checked."""
    checked = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        where = page.relative_to(site_dir).as_posix()
        if MARK_PREFIX in html:
            raise SiteIncomplete(
                f"{where}: {engine.name} did not run Pitchcraft's Markdown extension "
                "(pitchcraft.site.page_extension), so card text was not cleaned; keep it in "
                "markdown_extensions")
        if problems := page_problems(html, SEARCH, replaced):
            raise SiteIncomplete(f"{where} on {engine.name}: " + "; ".join(problems))
        checked += 1
    return checked


def finish(site_dir: Path, engine: Engine, content: Content, options: SiteOptions,
           today: dt.date, replaced: Mapping[str, Path]) -> tuple[int, int]:
    """Check, then index and write decks; (pages indexed, decks written)."""
    check_pages(site_dir, engine, replaced)
    for name in engine.own_index:
        (site_dir / name).unlink(missing_ok=True)
    decks = write_site_decks(content, options, site_dir, today)
    return index_site(site_dir), decks
