"""A figure with its source, and who may see it where: part of the model (re-exported by
`model`); kept apart to keep each module small."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Whose(StrEnum):
    """Whose result a figure is, which decides where in a pitch it may be shown.

    Research (third-party or market research, public statistics, our own studies of the market
    or of equipment) may teach from the Warmer on; our customers' results with our offering
    prove Our solution and show from there on; internal figures about our own business (win
    rates, pipeline) stay with the sales team.
    """

    RESEARCH = "research"
    OUR_RESULTS = "our-results"
    INTERNAL = "internal"


class Audience(StrEnum):
    """Who may see a card or a figure: internal stays with the sales team."""

    INTERNAL = "internal"
    PUBLIC = "public"


@dataclass(frozen=True)
class Evidence:
    """A figure with its source; `id` is set for ledger entries and for references to them."""

    figure: str
    claim: str
    source: str
    as_of: dt.date | None
    kind: str = "fact"
    url: str = ""
    audience: Audience = Audience.PUBLIC
    """internal evidence is left out of the public site, even on a public card."""
    id: str = ""
    line: int = 0
    whose: Whose = Whose.OUR_RESULTS
    """Unsaid counts as our results: the safe side, shown only from Our solution on."""
    whose_given: bool = True
    """False when the item does not say whose it is (a warning of its own)."""

    def __post_init__(self) -> None:
        # A figure about our own business is internal wherever it goes, whatever its audience
        # says: every rule that keeps internal evidence from buyers then applies to it.
        if self.whose == Whose.INTERNAL and self.audience != Audience.INTERNAL:
            object.__setattr__(self, "audience", Audience.INTERNAL)
