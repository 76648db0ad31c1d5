"""Compose the six-step teaching pitch from a ranked card and the taxonomy.

The card supplies the teaching, with variants for some buyers; the taxonomy supplies the rest
of the tailoring (the persona's metrics, concerns and next step), so one card serves many
buyers. Nothing spoken is assembled from fragments: a card without a Warmer for a buyer gives
a pitch that opens at Reframe (and a `check` finding), never a sentence built from the
taxonomy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import (
    COST_OF_INACTION,
    DISCOVERY_QUESTIONS,
    NEXT_STEP,
    STEPS,
    Alternative,
    Card,
    Content,
    Evidence,
    Industry,
    Persona,
    Problem,
    section_key,
)
from .figures import Figures, figures_for
from .result import Part, Pitch, Ranked
from .scorecard import scorecard
from .select import CardIndex, Combination, rank_cards
from .talk_time import minutes, spoken_words

ALTERNATIVES_SHOWN = 3
"""Other cards whose complete pitch comes with each pitch (the site's "Other insights for
this buyer"); further serving cards are listed by name. Each costs one more composed pitch."""


def serving_cards(
    content: Content, combination: Combination, today: dt.date, index: CardIndex | None = None,
    against: Alternative | None = None,
) -> list[Ranked]:
    """Every published card that serves the buyer, best first: the choices a rep has (a
    card meaningfully different against `against` first)."""
    if content.taxonomy is None:
        return []
    cards = content.cards if index is None else index.candidates(combination)
    return rank_cards(cards, combination, content.taxonomy.review_interval_days, today,
                      against)


def compose_pitch(
    content: Content, combination: Combination, today: dt.date, index: CardIndex | None = None,
    card_id: str | None = None, alternatives: int = ALTERNATIVES_SHOWN,
    *, inputs: str = "", live: bool = False, against: str = "",
) -> Pitch | None:
    """The pitch for one buyer, or None when no published card serves the combination (or
    `card_id` names a card that does not serve it).

    The best-ranked card tells it unless `card_id` chooses another serving card. Up to
    `alternatives` other serving cards come along as complete pitches. `index` (of
    `content.cards`) saves scanning every card when composing many pitches.
    `inputs` is a query string of the buyer's numbers for the card's cost model (defaults
    otherwise); `live` writes each figure as a span the site's page updates, where print,
    Markdown and the deck get the value itself. Talk time counts the values as said.
    `against` (an alternative's id, known to the taxonomy) ranks first the cards meaningfully
    different against it and brings its battlecard into the pitch.
    """
    taxonomy = content.taxonomy
    if taxonomy is None:
        return None
    industry = taxonomy.industry(combination.industry)
    problem = taxonomy.problem(combination.problem)
    persona = taxonomy.persona(combination.persona)
    rival = taxonomy.alternative(against) if against else None
    if industry is None or problem is None or persona is None or (against and rival is None):
        return None
    ranking = tuple(serving_cards(content, combination, today, index, rival))
    ids = [r.card.id for r in ranking]
    if not ranking or (card_id is not None and card_id not in ids):
        return None
    lead = ids.index(card_id) if card_id is not None else 0
    buyer = _Buyer(content, industry, problem, persona, index, inputs, live, rival)
    others = [place for place in range(len(ranking)) if place != lead][:alternatives]
    return _told_by(buyer, ranking, lead, tuple(_told_by(buyer, ranking, o) for o in others))


class _Buyer:
    """Who a pitch is for, with what composing it needs from the taxonomy and ledger."""

    def __init__(self, content: Content, industry: Industry, problem: Problem,
                 persona: Persona, index: CardIndex | None, inputs: str, live: bool,
                 against: Alternative | None) -> None:
        assert content.taxonomy is not None
        self.taxonomy, self.industry, self.problem, self.persona = (
            content.taxonomy, industry, problem, persona)
        self.against = against
        self.ledger, self.index, self.inputs, self.live = content.ledger, index, inputs, live

    def words(self, text: str) -> int:
        return spoken_words(text) if self.index is None else self.index.spoken_words(text)

    def figures(self, card: Card) -> Figures | None:
        return figures_for(card, self.ledger, self.inputs, self.live, self.persona, self.industry)


def _told_by(
    buyer: _Buyer, ranking: tuple[Ranked, ...], lead: int, alternatives: tuple[Pitch, ...] = (),
) -> Pitch:
    card = ranking[lead].card
    persona, industry = buyer.persona, buyer.industry
    figures = buyer.figures(card)

    def shown(text: str) -> str:
        if figures is None:
            return text
        return figures.spans(text) if buyer.live else figures.plain(text)

    def part(title: str, fallback: str = "") -> Part:
        section = card.sections.get(title)
        variant = section.variant_for(persona.id, industry.id) if section else ""
        text = (section.for_buyer(persona.id, industry.id) if section else "") or fallback
        words = buyer.words(figures.plain(text) if figures else text)
        return Part(section_key(title), title, shown(text), words, minutes(words),
                    bool(variant), variant)

    steps = tuple(part(title) for title in STEPS)  # a Warmer is written, never assembled
    next_step = part(NEXT_STEP, persona.next_step)
    return Pitch(
        industry=industry,
        problem=buyer.problem,
        persona=persona,
        ranking=ranking,
        steps=steps,
        cost_of_inaction=part(COST_OF_INACTION),
        next_step=next_step,
        discovery_questions=part(DISCOVERY_QUESTIONS).text,
        objections=tuple(replace(o, answer=shown(o.answer)) for o in card.objections),
        evidence=_lead_with_metrics(card.evidence, persona),
        differentiators=tuple(
            d for d in (buyer.taxonomy.differentiator(i) for i in card.leads_to) if d is not None
        ),
        scorecard=scorecard(card, buyer.taxonomy, buyer.problem.id,
                            buyer.against.id if buyer.against else ""),
        generic_next_step=not _said_by(card, NEXT_STEP, persona.id, industry.id),
        lead=lead,
        alternatives=alternatives,
        figures=figures,
        against=buyer.against,
    )


def _said_by(card: Card, title: str, persona: str, industry: str) -> bool:
    section = card.sections.get(title)
    return bool(section and section.for_buyer(persona, industry))


_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _words(text: str) -> list[str]:
    """Lower-case words without a plural s, for matching a metric name in a claim."""
    return [w.removesuffix("s") if len(w) > 3 else w
            for w in _WORD.findall(text.casefold())]


def _lead_with_metrics(evidence: tuple[Evidence, ...], persona: Persona) -> tuple[Evidence, ...]:
    """Figures that name a metric the persona owns come first; the rest keep their order.

    The metric must appear as whole words, singular or plural ("call-out hours" matches a
    claim about "call-out hour"), so "OEE" does not match "coffee".
    """
    metrics = [_words(m) for m in persona.metrics]

    def speaks_to_persona(item: Evidence) -> bool:
        said = f" {' '.join(_words(f'{item.figure} {item.claim}'))} "
        return any(f" {' '.join(m)} " in said for m in metrics if m)

    return tuple(sorted(evidence, key=lambda e: not speaks_to_persona(e)))
