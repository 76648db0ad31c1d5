"""Which cards serve which buyer, and in what order.

Ranking is a sort key, not a score: each position in the key is a reason a rep can read, and
ties end on the card id so the same content always gives the same pitch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..model import (
    FACTORS,
    MEANINGFUL_FACTORS,
    TEACHING,
    Alternative,
    Card,
    Content,
    Item,
    Taxonomy,
)
from .result import Ranked
from .talk_time import spoken_words


class Combination(NamedTuple):
    industry: str
    problem: str
    persona: str


def covered_combinations(content: Content) -> list[Combination]:
    """Every industry x problem x persona that at least one published card serves, sorted."""
    taxonomy = content.taxonomy
    if taxonomy is None:
        return []
    industries = [i.id for i in taxonomy.industries]
    known_industries = set(industries)
    known_problems = {p.id for p in taxonomy.problems}
    known_personas = {p.id for p in taxonomy.personas}
    covered = {
        Combination(industry, problem, persona)
        for card in content.published_cards
        for industry in (industries if card.all_industries else card.industries)
        if industry in known_industries
        for problem in card.problems if problem in known_problems
        for persona in card.personas if persona in known_personas
    }
    return sorted(covered, key=_taxonomy_order(taxonomy))


def _taxonomy_order(taxonomy: Taxonomy) -> Callable[[Combination], tuple[int, int, int]]:
    """Sort as marketing listed things in the taxonomy, not alphabetically."""
    def first_places(items: Iterable[Item]) -> dict[str, int]:
        places: dict[str, int] = {}
        for place, item in enumerate(items):
            places.setdefault(item.id, place)  # as list.index: a duplicate id sorts first
        return places

    industry = first_places(taxonomy.industries)
    problem = first_places(taxonomy.problems)
    persona = first_places(taxonomy.personas)
    return lambda c: (industry[c.industry], problem[c.problem], persona[c.persona])


class CardIndex:
    """Published cards by industry, problem and persona, in their original order, for
    composing many pitches from the same cards (one site build).

    Ranking one combination then looks only at the cards that could serve it, instead of
    every card for every combination (which grows with the square of the content).
    """

    def __init__(self, cards: Iterable[Card]) -> None:
        self._words: dict[str, int] = {}
        self._for: dict[tuple[str, str, str], list[tuple[int, Card]]] = {}
        self._for_all: dict[tuple[str, str], list[tuple[int, Card]]] = {}
        for place, card in enumerate(cards):
            if not card.published:
                continue
            for problem, persona in dict.fromkeys(
                (p, q) for p in card.problems for q in card.personas
            ):
                if card.all_industries:
                    self._for_all.setdefault((problem, persona), []).append((place, card))
                    continue
                for industry in dict.fromkeys(card.industries):
                    self._for.setdefault((industry, problem, persona), []).append((place, card))

    def spoken_words(self, text: str) -> int:
        """`spoken_words`, counted once per text: every persona's pitch, in every industry a
        card serves, says the same card sections."""
        words = self._words.get(text)
        if words is None:
            words = self._words[text] = spoken_words(text)
        return words

    def candidates(self, combination: Combination) -> list[Card]:
        """The cards that may serve `combination`, in card order; `rank_cards` filters."""
        own = self._for.get(combination, [])
        every = self._for_all.get((combination.problem, combination.persona), [])
        if not every:
            return [card for _, card in own]
        return [card for _, card in sorted(own + every, key=lambda pair: pair[0])]


def rank_cards(
    cards: Iterable[Card], combination: Combination, review_interval_days: int, today: dt.date,
    against: Alternative | None = None,
) -> list[Ranked]:
    """Published cards that serve the combination, best first, each with its reasons.

    Pitched against an alternative, a card meaningfully different against it comes first:
    the method's test is the buyer's other choice. Then fit comes before freshness and
    evidence: a card with text written for this persona, then a card focused on this
    problem, then a card written for this industry.
    """
    industry, problem, persona = combination
    fitting = [
        c for c in cards
        if c.published and c.fits_industry(industry) and problem in c.problems
        and persona in c.personas
    ]

    def key(card: Card) -> tuple:
        return (
            against is not None and not card.meaningfully_different_against(against.id),
            not written_for(card, persona, industry),
            len(card.problems),
            card.all_industries,  # written for this industry beats written for all
            card.is_stale(review_interval_days, today),
            -len(card.evidence),
            -(card.reviewed or dt.date.min).toordinal(),
            card.id,
        )

    return [Ranked(card, _against(card, against)
                   + _reasons(card, combination, review_interval_days, today))
            for card in sorted(fitting, key=key)]


def _against(card: Card, against: Alternative | None) -> tuple[str, ...]:
    """Why the card ranks where it does against the alternative pitched against."""
    if against is None:
        return ()
    found = card.against_alternative(against.id)
    if found is None:
        return (f"does not address {against.name}",)
    shown = f"{len(found.shown_better)} of {len(FACTORS)} factors shown better"
    return ((f"meaningfully different against {against.name} ({shown})",)
            if found.meaningfully_different
            else (f"not meaningfully different against {against.name} ({shown},"
                  f" needs {MEANINGFUL_FACTORS})",))


def written_for(card: Card, persona: str, industry: str) -> tuple[str, ...]:
    """The teaching sections with a variant for this persona (alone or in this industry)."""
    return tuple(name for name in TEACHING
                 if (section := card.sections.get(name)) and section.written_for(persona, industry))


def _reasons(
    card: Card, combination: Combination, interval: int, today: dt.date
) -> tuple[str, ...]:
    industry, _, persona = combination
    own = written_for(card, persona, industry)
    due = card.review_due(interval)
    freshness = (
        f"stale: review was due {due}" if card.is_stale(interval, today)
        else f"fresh: reviewed {card.reviewed}, next review {due}"
    )
    count = len(card.evidence)
    problems = len(card.problems)
    return (
        f"written for this persona ({', '.join(own)})" if own
        else "no text written for this persona",
        "focused on this problem" if problems == 1
        else f"covers {problems} problems, this one among them",
        "written for every industry" if card.all_industries
        else f"written for this industry ({industry})",
        freshness,
        f"{count} sourced evidence item{'s' * (count != 1)}",
    )


def nearest_combinations(
    covered: Iterable[Combination], wanted: Combination, limit: int = 5
) -> list[Combination]:
    """Covered combinations sharing the most with `wanted`: what a rep could use instead."""
    return Coverage(covered).nearest(wanted, limit)


class Coverage:
    """Covered combinations, indexed to answer "what is nearest?" for many wanted ones (the
    site's pitch finder asks for every uncovered combination).

    Nearest means sharing the most of industry, problem and persona; among equals the same
    problem first, then the same industry (they matter more to the buyer than the role across
    the table), then covered order. That gives seven groups, tried in turn (the first is
    `wanted` itself, when covered).
    """

    _GROUPS = (  # (shares industry, shares problem, shares persona), nearest first
        (True, True, True), (True, True, False), (False, True, True), (True, False, True),
        (False, True, False), (True, False, False), (False, False, True),
    )

    def __init__(self, covered: Iterable[Combination]) -> None:
        self.covered = list(covered)
        self._all = set(self.covered)
        self._by: dict[tuple, list[Combination]] = {}
        for c in self.covered:
            for shares in self._GROUPS:
                self._by.setdefault(_shared_key(c, shares), []).append(c)

    def __contains__(self, combination: object) -> bool:
        return combination in self._all

    def nearest(self, wanted: Combination, limit: int = 5) -> list[Combination]:
        found: list[Combination] = []
        for shares in self._GROUPS:
            for c in self._by.get(_shared_key(wanted, shares), ()):
                if len(found) == limit:
                    return found
                if all((a == b) == same for a, b, same in zip(c, wanted, shares, strict=True)):
                    found.append(c)
        return found[:limit]


def _shared_key(c: Combination, shares: tuple[bool, bool, bool]) -> tuple:
    return (shares, *(part if same else None for part, same in zip(c, shares, strict=True)))
