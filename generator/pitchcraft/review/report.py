"""What marketing should do next: reviews due per owner (cards and battlecards), coverage
gaps, weak differentiation, and the buyers' alternatives no card answers.

A plain transform of loaded content into a `Report`; renderers print it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import (
    FACTORS,
    MEANINGFUL_FACTORS,
    Alternative,
    Card,
    Content,
    Industry,
    Persona,
    Problem,
    Taxonomy,
)
from ..pitch import covered_combinations, scorecard


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
    """A published card not meaningfully different against the status quo (or naming no
    alternative at all): `held` are the factors shown better, with proof."""

    card: Card
    held: tuple[str, ...]
    missing: tuple[str, ...]
    against: Alternative | None = None


@dataclass(frozen=True)
class Unanswered:
    """An industry x problem whose buyers choose these alternatives, and no published card
    serving it is meaningfully different against them: a rep there has nothing to win with."""

    industry: Industry
    problem: Problem
    alternatives: tuple[Alternative, ...]
    cards: int
    """Published cards serving the pair (0: a coverage gap as well)."""


@dataclass(frozen=True)
class AlternativeReview:
    alternative: Alternative
    due: dt.date
    stale: bool


@dataclass(frozen=True)
class Report:
    today: dt.date
    soon_days: int
    owners: tuple[OwnerReviews, ...]
    gaps: tuple[Gap, ...]
    thin: tuple[Thin, ...]
    published: int
    unanswered: tuple[Unanswered, ...] = ()
    battlecards: tuple[AlternativeReview, ...] = ()
    """Alternatives whose review is due within `soon_days` (stale ones past due)."""
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
    return Report(today, soon_days, owners, tuple(gaps), _thin(published, taxonomy),
                  len(published), _unanswered(published, taxonomy),
                  _battlecards(taxonomy, today, horizon))


def _thin(published: tuple[Card, ...], taxonomy: Taxonomy) -> tuple[Thin, ...]:
    found = []
    for card in published:
        matrix = scorecard(card, taxonomy)
        if matrix.meaningfully_different:
            continue
        judged = matrix.judged
        held = judged.against.shown_better if judged and judged.against else ()
        found.append(Thin(card, held, tuple(f for f in FACTORS if f not in held),
                          judged.alternative if judged else None))
    return tuple(found)


def _unanswered(published: tuple[Card, ...], taxonomy: Taxonomy) -> tuple[Unanswered, ...]:
    found = []
    for industry in taxonomy.industries:
        for problem in taxonomy.problems:
            chosen = [a for a in taxonomy.alternatives if a.chosen_for(problem.id)]
            if not chosen:
                continue
            serving = [c for c in published
                       if c.fits_industry(industry.id) and problem.id in c.problems]
            open_ = tuple(a for a in chosen
                          if not any(c.meaningfully_different_against(a.id) for c in serving))
            if open_:
                found.append(Unanswered(industry, problem, open_, len(serving)))
    return tuple(found)


def _battlecards(taxonomy: Taxonomy, today: dt.date,
                 horizon: dt.date) -> tuple[AlternativeReview, ...]:
    interval = taxonomy.review_interval_days
    due = [(a, a.review_due(interval)) for a in taxonomy.alternatives]
    return tuple(AlternativeReview(a, when, a.is_stale(interval, today))
                 for a, when in sorted(due, key=lambda pair: (pair[1] or dt.date.max,
                                                              pair[0].id))
                 if when is not None and when <= horizon)
