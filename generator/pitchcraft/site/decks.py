"""Every persona's deck on an internal site, written into the built site after the build.

The pitch page links each persona's tab to `decks/<industry>--<problem>--<persona>.pptx`
(`paths.deck_href`) when the plugin's `decks` option is on; this module writes those files
from the same `Site` the pages come from, so a deck cannot say other than its page. Decks are
buyer-facing (no rep-only notes, no internal evidence): a rep downloads the presenter copy
(the talk track in its notes) to present and send. A public site has no pitches, so no decks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..deck.paths import FOLDER, deck_name
from ..deck.pptx_file import write_deck
from ..deck.slides import build_deck
from ..model import Content
from ..model.outputs import Output
from .options import groups
from .pages import SiteOptions, build_site


def write_site_decks(content: Content, options: SiteOptions, site_dir: Path,
                     today: dt.date) -> int:
    """Write the decks of every pitch page; the number written (none unless `options.decks`).

    Writing a deck takes python-pptx far longer than writing a page, so a large library's
    build grows by minutes with decks: that is why decks are an option."""
    if not options.decks:
        return 0
    site = build_site(content, options, today)
    company = site.taxonomy.company.name
    written = 0
    for pitches in site.pitches.values():
        for pitch in pitches:
            target = site_dir / FOLDER / f"{deck_name(pitch)}.pptx"
            write_deck(build_deck(pitch, company, Output.PRESENTER_DECK), target, author=company)
            written += 1
    return written


def after_build(content: Content | None, config: Any, site_dir: str, today: dt.date) -> int:
    """The plugin's one call after MkDocs has written the pages: `config` is the plugin's
    configuration (content, audience, drafts, pages, decks)."""
    if content is None or not config.decks:
        return 0
    options = SiteOptions(config.audience, config.drafts, groups(config), decks=True)
    return write_site_decks(content, options, Path(site_dir), today)
