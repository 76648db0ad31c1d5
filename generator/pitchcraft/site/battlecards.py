"""A battlecard per alternative: what the site's battlecard pages and the pitch page's
"pitch against" control show, computed once from the taxonomy and the cards.

Every card the site shows that addresses an alternative (`against:`) adds its verdict on each
factor, with the reason and the proof; the page lists them factor by factor, wins first. The
freshness rule is the cards' own (`Alternative.is_stale`, the taxonomy's review interval), so
a battlecard goes stale exactly when a card would. Alternatives are internal: a public site
has none (`site.pages.build_site` drops them), and nothing here is ever made for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import FACTORS, Against, Alternative, Card, Evidence, FactorVerdict, Taxonomy

KIND_NAMES = {
    "status-quo": "Status quo",
    "do-it-yourself": "Do it yourself",
    "free-option": "Free option",
    "competitor-category": "Competitor category",
    "named-competitor": "Named competitor",
}
"""How a page names each kind of alternative."""

ORDER = {"better": 0, "equal": 1, "worse": 2}


@dataclass(frozen=True)
class CardVerdict:
    """One card's verdict on one factor against the alternative."""

    card: Card
    verdict: FactorVerdict

    @property
    def standing(self) -> str:
        """`shown` (better, with proof), `claimed` (better, no proof), `equal` or `worse`."""
        if self.verdict.shown:
            return "shown"
        if self.verdict.claimed:
            return "claimed"
        return str(self.verdict.verdict)


@dataclass(frozen=True)
class FactorRow:
    """Every card's verdict on one factor: wins (shown, then claimed), ties, losses."""

    factor: str
    verdicts: tuple[CardVerdict, ...]

    def count(self, standing: str) -> int:
        return sum(1 for v in self.verdicts if v.standing == standing)


@dataclass(frozen=True)
class Teaching:
    """A card that addresses the alternative, and how far it is meaningfully different."""

    card: Card
    against: Against

    @property
    def shown_better(self) -> int:
        return len(self.against.shown_better)

    @property
    def different(self) -> bool:
        return self.against.meaningfully_different


@dataclass(frozen=True)
class Battlecard:
    alternative: Alternative
    kind_name: str
    teaching: tuple[Teaching, ...]
    """The cards that address the alternative, meaningfully different ones first."""
    factors: tuple[FactorRow, ...]
    due: dt.date | None
    stale: bool
    problems: tuple[tuple[str, str], ...]
    """(id, name) of the problems it is chosen for that the taxonomy knows."""

    @property
    def path(self) -> str:
        return battlecard_path(self.alternative.id)

    @property
    def ledger_proofs(self) -> tuple[Evidence, ...]:
        """Each ledger entry given as proof, once, in the order the factors first quote it:
        the page lists them in one table instead of repeating a claim under every card."""
        found: dict[str, Evidence] = {}
        for row in self.factors:
            for v in row.verdicts:
                proof = v.verdict.proof
                if proof is not None and proof.id:
                    found.setdefault(proof.id, proof)
        return tuple(found.values())


def battlecard_path(alternative_id: str) -> str:
    return f"battlecards/{alternative_id}.md"


def battlecards(taxonomy: Taxonomy, cards: Iterable[Card],
                today: dt.date) -> tuple[Battlecard, ...]:
    """One battlecard per alternative of the taxonomy, in its order."""
    cards = tuple(cards)
    interval = taxonomy.review_interval_days
    known = {p.id: p.name for p in taxonomy.problems}
    made = []
    for alternative in taxonomy.alternatives:
        teaching = [Teaching(c, a) for c in cards
                    if (a := c.against_alternative(alternative.id)) is not None]
        teaching.sort(key=lambda t: (not t.different, -t.shown_better, t.card.title))
        made.append(Battlecard(
            alternative, KIND_NAMES.get(str(alternative.kind), str(alternative.kind)),
            tuple(teaching), _factors(teaching), alternative.review_due(interval),
            alternative.is_stale(interval, today),
            tuple((p, known[p]) for p in alternative.problems if p in known)))
    return tuple(made)


def _factors(teaching: list[Teaching]) -> tuple[FactorRow, ...]:
    rows = []
    for factor in FACTORS:
        found = [CardVerdict(t.card, v) for t in teaching if (v := t.against.factor(factor))]
        found.sort(key=lambda v: (ORDER.get(str(v.verdict.verdict), 3), not v.verdict.shown))
        rows.append(FactorRow(factor, tuple(found)))
    return tuple(rows)


def pitch_alternatives(taxonomy: Taxonomy, card: Card,
                       problem: str) -> tuple[Alternative, ...]:
    """The alternatives a pitch of `card` for `problem` may be pitched against: those the card
    addresses, then those buyers choose for that problem, in the taxonomy's order."""
    addressed = tuple(a for a in taxonomy.alternatives
                      if card.against_alternative(a.id) is not None)
    return addressed + tuple(a for a in taxonomy.alternatives
                             if a not in addressed and problem in a.problems)
