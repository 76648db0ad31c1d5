"""What marketing should do next: reviews due per owner, coverage gaps, weak differentiation.

A plain transform of loaded content into a `Report`; renderers print it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import FACTORS, MEANINGFUL_FACTORS, Card, Content, Industry, Persona, Problem
from ..pitch import covered_combinations


@dataclass(frozen=True)
class Review:
    card: Card
    due: dt.date
    stale: bool


@dataclass(frozen=True)
class OwnerReviews:
    owner: str
    reviews: tuple[Review, ...]


@dataclass(frozen=True)
class Gap:
    industry: Industry
    problem: Problem
    missing_personas: tuple[Persona, ...]
    covered_personas: tuple[Persona, ...]

    @property
    def uncovered(self) -> bool:
        """No card serves the pair for anyone: a whole pitch page is missing."""
        return not self.covered_personas


@dataclass(frozen=True)
class Thin:
    card: Card
    held: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    today: dt.date
    soon_days: int
    owners: tuple[OwnerReviews, ...]
    gaps: tuple[Gap, ...]
    thin: tuple[Thin, ...]
    published: int
    factors: int = len(FACTORS)
    """How many factors a card can hold, and how many make it meaningfully different."""
    factors_needed: int = MEANINGFUL_FACTORS


def build_report(content: Content, today: dt.date, soon_days: int = 30) -> Report:
    taxonomy = content.taxonomy
    if taxonomy is None:
        return Report(today, soon_days, (), (), (), 0)
    published = content.published_cards
    horizon = today + dt.timedelta(days=soon_days)
    by_owner: dict[str, list[Review]] = {}
    for card in published:
        due = card.review_due(taxonomy.review_interval_days)
        if due is not None and due <= horizon:
            stale = card.is_stale(taxonomy.review_interval_days, today)
            by_owner.setdefault(card.owner, []).append(Review(card, due, stale))
    owners = tuple(
        OwnerReviews(owner, tuple(sorted(reviews, key=lambda r: (r.due, r.card.id))))
        for owner, reviews in sorted(by_owner.items())
    )
    covered = covered_combinations(content)
    gaps = []
    for industry in taxonomy.industries:
        for problem in taxonomy.problems:
            have = {c.persona for c in covered
                    if (c.industry, c.problem) == (industry.id, problem.id)}
            missing = tuple(p for p in taxonomy.personas if p.id not in have)
            if missing:
                gaps.append(Gap(industry, problem, missing,
                                tuple(p for p in taxonomy.personas if p.id in have)))
    thin = tuple(
        Thin(card, tuple(f for f in FACTORS if f in card.differentiation),
             tuple(f for f in FACTORS if f not in card.differentiation))
        for card in published if len(card.differentiation) < MEANINGFUL_FACTORS
    )
    return Report(today, soon_days, owners, tuple(gaps), thin, len(published))
