"""What the search box can narrow by: the Pagefind filters and metadata a page carries.

Pagefind reads them from attributes in the built HTML (`data-pagefind-filter="industry"` on an
element whose text is the value), so they are written into each page's Markdown by the
templates (`theme/templates/site/facets.html.j2`) and reach every engine's output alike. The
sanitiser (`sanitize.py`) lets through exactly the names listed here, so card text can never
set Pagefind's other keys (`url`, `image`, a body or weight of its own choosing).

Freshness is decided here, once, from the cards' own review rule (`Card.is_stale`, the
taxonomy's interval): a card past its review date is "Review due" in the search box exactly when
its page says it is stale. A pitch page is as fresh as the least fresh card it leads with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

FILTERS = ("kind", "industry", "problem", "persona", "freshness")
"""Pagefind filter keys, in the order the search box shows them."""

META = ("kind", "summary")
"""Pagefind metadata keys a page sets beside the title Pagefind takes from its H1."""

RECENT_DAYS = 90
REVIEW_DUE = "Review due"
NEVER_REVIEWED = "Never reviewed"
OLDER = f"Reviewed over {RECENT_DAYS} days ago"
RECENT = f"Reviewed in the last {RECENT_DAYS} days"
FRESHNESS = (REVIEW_DUE, NEVER_REVIEWED, OLDER, RECENT)
"""The freshness filter's values, least fresh first."""


class Reviewed(Protocol):
    """A card or an alternative: reviewed on a day, due again after an interval."""

    @property
    def reviewed(self) -> dt.date | None: ...

    def is_stale(self, default_interval: int, today: dt.date) -> bool: ...


def freshness(items: Iterable[Reviewed], interval: int, today: dt.date) -> str:
    """The freshness filter's value for a page made from `items`: the least fresh of them.
    Past its review date is "Review due" whatever the interval; otherwise how long ago it
    was reviewed."""
    found = [_one(item, interval, today) for item in items]
    return min(found, key=FRESHNESS.index) if found else NEVER_REVIEWED


def _one(item: Reviewed, interval: int, today: dt.date) -> str:
    if item.is_stale(interval, today):
        return REVIEW_DUE
    if item.reviewed is None:
        return NEVER_REVIEWED
    return RECENT if (today - item.reviewed).days <= RECENT_DAYS else OLDER
