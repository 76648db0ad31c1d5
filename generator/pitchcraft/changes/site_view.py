"""What the site's pages and feeds get from the change log: the log this build may show (a
public build: public cards only) and the helpers its templates call. `render/site.py` asks
this module, so the page renderer knows nothing of git."""

from __future__ import annotations

from typing import Any

from ..model import Taxonomy
from .feeds import card_changed, feed_path, site_feeds, what_changed
from .history import ChangeLog


def shown_log(log: ChangeLog | None, public: bool) -> ChangeLog | None:
    if log is None:
        return None
    return log.public() if public else log


def change_globals(log: ChangeLog | None, public: bool) -> dict[str, Any]:
    """Template globals: `changes` (the log or None) and how to say one change."""
    return {"changes": shown_log(log, public), "pitch_changed": what_changed,
            "card_changed": card_changed, "feed_path": feed_path}


def change_files(log: ChangeLog | None, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """The feeds, as (path, XML); none when the build has no change log at all."""
    return [] if log is None else site_feeds(log, taxonomy)
