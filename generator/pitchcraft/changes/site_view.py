"""What the site's pages and feeds get from the change log: the log this build may show (a
public build: public cards only) and the helpers its templates call. `site/pages.py` asks
this module, so the page renderer knows nothing of git."""

from __future__ import annotations

from typing import Any

from ..model import Taxonomy
from .feeds import alternative_changed, card_changed, feed_path, site_feeds, what_changed
from .history import ChangeLog


def shown_log(log: ChangeLog | None, public: bool) -> ChangeLog | None:
    if log is None:
        return None
    return log.public() if public else log


def change_globals(site: Any) -> dict[str, Any]:
    """Template globals for a `site.pages.Site`: `changes` (the log or None), how to say one
    change, and whether a pitch or card of an older change still has a page to link to."""
    pitches = {(*key, p.persona.id) for key, group in site.pitches.items() for p in group}
    cards = {c.id for c in site.cards}
    alternatives = {a.id for a in site.taxonomy.alternatives}
    return {"changes": shown_log(site.options.changes, site.public),
            "pitch_changed": what_changed, "card_changed": card_changed,
            "alternative_changed": alternative_changed,
            "has_battlecard": lambda alt_id: alt_id in alternatives,
            "feed_path": feed_path, "has_pitch": lambda key: tuple(key) in pitches,
            "has_card": lambda card_id: card_id in cards}


def change_files(log: ChangeLog | None, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """The feeds, as (path, XML); none when the build has no change log at all."""
    return [] if log is None else site_feeds(log, taxonomy)
