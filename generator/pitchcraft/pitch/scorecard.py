"""The differentiation scorecard: factors x alternatives, from a card's `against:`.

The method's test is relative: "in the eyes of the buyer, is that meaningfully different from
the other choices they have?" A column per alternative the buyer may choose instead (those the
card addresses, and those the taxonomy says buyers choose for the problem), a row per factor.
A cell is shown (better, with proof), claimed (better, without proof), equal, worse, or not
addressed. A pitch is judged against the alternative it is pitched against, or the status quo
when none is chosen; a card that addresses neither is not meaningfully different.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import (
    FACTORS,
    MEANINGFUL_FACTORS,
    Against,
    Alternative,
    Card,
    FactorVerdict,
    Taxonomy,
)


@dataclass(frozen=True)
class Column:
    """One alternative, and how the card compares with it factor by factor."""

    alternative: Alternative
    against: Against | None
    """None when the card does not address this alternative."""

    def cell(self, factor: str) -> FactorVerdict | None:
        return self.against.factor(factor) if self.against is not None else None

    @property
    def addressed(self) -> bool:
        return self.against is not None

    @property
    def shown(self) -> int:
        """Factors shown better (with proof)."""
        return len(self.against.shown_better) if self.against is not None else 0

    @property
    def meaningfully_different(self) -> bool:
        return self.against is not None and self.against.meaningfully_different


@dataclass(frozen=True)
class Scorecard:
    """Factors x alternatives for one card, judged against one alternative."""

    columns: tuple[Column, ...]
    judged_against: str = ""
    """The id of the alternative the verdict is relative to: the one pitched against, else the
    first status quo; '' when the taxonomy has neither."""
    factors: tuple[str, ...] = FACTORS
    needed: int = MEANINGFUL_FACTORS

    def column(self, alternative: str) -> Column | None:
        return next((c for c in self.columns if c.alternative.id == alternative), None)

    @property
    def judged(self) -> Column | None:
        return self.column(self.judged_against) if self.judged_against else None

    @property
    def shown(self) -> int:
        judged = self.judged
        return judged.shown if judged is not None else 0

    @property
    def meaningfully_different(self) -> bool:
        judged = self.judged
        return judged is not None and judged.meaningfully_different


def scorecard(card: Card, taxonomy: Taxonomy | None, problem: str = "",
              against: str = "") -> Scorecard:
    """The card's scorecard: a column for each alternative it addresses, each status quo and
    each alternative chosen for `problem` (every problem of the card when ''), in taxonomy
    order; judged against `against`, else the status quo the card addresses, else the first
    status quo."""
    if taxonomy is None:
        return Scorecard(())
    problems = (problem,) if problem else card.problems
    columns = tuple(
        Column(a, card.against_alternative(a.id)) for a in taxonomy.alternatives
        if card.against_alternative(a.id) is not None or a.status_quo
        or any(a.chosen_for(p) for p in problems))
    status_quo = [c for c in columns if c.alternative.status_quo]
    judged = against or next((c.alternative.id for c in status_quo if c.addressed),
                             status_quo[0].alternative.id if status_quo else "")
    return Scorecard(columns, judged)
