"""The buyer's other choices, and how a card compares with each: part of the model
(re-exported by `model`).

An alternative is what a buyer would do instead of buying from us: carry on as today (the
status quo), do it themselves, use a free option they already have, or buy from a competitor.
Alternatives are internal: they live in the taxonomy for the sales team, and no buyer-facing
output or public page ever holds an alternative's name or text (`model.outputs`).

A card states, per alternative it addresses and per factor, whether the buyer sees us as
better, equal or worse, why, and the proof. A `better` with proof is *shown*; without proof it
is only *claimed*. A card is meaningfully different against an alternative when at least
`MEANINGFUL_FACTORS` factors are shown better: the method's test, relative to the buyer's real
choices instead of to nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .evidence import Evidence

FACTORS = ("offering", "commercials", "value", "risk", "ease")
"""The five factors on which a buyer judges whether a pitch is meaningfully different."""
MEANINGFUL_FACTORS = 4


class Kind(StrEnum):
    """What sort of choice an alternative is."""

    STATUS_QUO = "status-quo"
    DO_IT_YOURSELF = "do-it-yourself"
    FREE_OPTION = "free-option"
    COMPETITOR_CATEGORY = "competitor-category"
    NAMED_COMPETITOR = "named-competitor"


FREE_FIX_KINDS = frozenset({Kind.DO_IT_YOURSELF, Kind.FREE_OPTION})
"""Alternatives that cost the buyer nothing to buy: a card against one must say why the fix
does not last without what we sell (see `load.alternative_checks`)."""


class Verdict(StrEnum):
    BETTER = "better"
    EQUAL = "equal"
    WORSE = "worse"


@dataclass(frozen=True)
class Trap:
    """A discovery question that makes an alternative's weakness visible without naming it."""

    question: str
    listen_for: str = ""
    """What the buyer's answer tells the rep."""


@dataclass(frozen=True)
class AlternativeObjection:
    """What a buyer says when weighing the alternative, and the rep's answer."""

    objection: str
    answer: str


@dataclass(frozen=True)
class Alternative:
    """One of the buyer's other choices, with the rep's battlecard for it."""

    id: str
    name: str
    kind: Kind
    description: str
    chosen_when: str
    problems: tuple[str, ...]
    owner: str
    reviewed: dt.date | None
    traps: tuple[Trap, ...] = ()
    objections: tuple[AlternativeObjection, ...] = ()
    where_we_lose: str = ""
    concede: str = ""
    landmines: tuple[str, ...] = ()
    line: int = 0

    @property
    def status_quo(self) -> bool:
        return self.kind is Kind.STATUS_QUO

    @property
    def free_fix(self) -> bool:
        return self.kind in FREE_FIX_KINDS

    def chosen_for(self, problem: str) -> bool:
        return problem in self.problems

    def review_due(self, default_interval: int) -> dt.date | None:
        if self.reviewed is None:
            return None
        try:
            return self.reviewed + dt.timedelta(days=default_interval)
        except OverflowError:
            return dt.date.max

    def is_stale(self, default_interval: int, today: dt.date) -> bool:
        """Past its review date: the same rule as a card's (`Card.is_stale`)."""
        due = self.review_due(default_interval)
        return due is not None and due < today

    def texts(self) -> tuple[str, ...]:
        """Every text of the alternative: what no buyer-facing output may hold."""
        return (self.name, self.description, self.chosen_when, self.where_we_lose,
                self.concede, *self.landmines,
                *(t for trap in self.traps for t in (trap.question, trap.listen_for)),
                *(t for o in self.objections for t in (o.objection, o.answer)))


@dataclass(frozen=True)
class FactorVerdict:
    """How the buyer sees us on one factor against one alternative."""

    factor: str
    verdict: Verdict
    reason: str
    proof: Evidence | None = None
    """A ledger entry (resolved when loaded) or an inline evidence item."""
    line: int = 0

    @property
    def shown(self) -> bool:
        """Better, with proof: what counts towards meaningfully different."""
        return self.verdict is Verdict.BETTER and self.proof is not None

    @property
    def claimed(self) -> bool:
        """Better, but without proof: the rep says it, the buyer has no reason to believe it."""
        return self.verdict is Verdict.BETTER and self.proof is None


@dataclass(frozen=True)
class Against:
    """A card's differentiation relative to one alternative, factor by factor."""

    alternative: str
    factors: tuple[FactorVerdict, ...]
    line: int = 0

    def factor(self, name: str) -> FactorVerdict | None:
        return next((f for f in self.factors if f.factor == name), None)

    @property
    def shown_better(self) -> tuple[str, ...]:
        return tuple(f.factor for f in self.factors if f.shown)

    @property
    def meaningfully_different(self) -> bool:
        return len(self.shown_better) >= MEANINGFUL_FACTORS
