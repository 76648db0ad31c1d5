"""The warning for an evidence item that does not say whose figure it is.

Where a figure may appear in a pitch depends on whose it is (`model.Whose`): research teaches
from the Warmer on, our customers' results only from Our solution on. An item that does not
say is treated as our results, the safe side, so it never leads a pitch; the warning asks the
author to say, or a piece of research would stay out of the teaching without anyone knowing.
"""

from __future__ import annotations

from ..model import Finding, Severity, Whose

HINT = ("add 'whose: research' (market or third-party research, our studies of the market),"
        " 'whose: our-results' (what our customers achieved with our offering) or"
        " 'whose: internal' (figures about our own business)")


def missing_whose(item: object, path: str, line: int, label: str) -> Finding | None:
    """A warning at `line` when `item` (an evidence mapping as written) has no `whose`; a
    reference to a ledger entry takes its `whose` from the entry. `label` names the item."""
    if not isinstance(item, dict) or "ref" in item or "whose" in item:
        return None
    return Finding(path, line, 1, Severity.WARNING,
                   f"{label} does not say whose figure it is: counted as"
                   f" '{Whose.OUR_RESULTS}', shown only from Our solution on", HINT)
