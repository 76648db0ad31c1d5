"""Compose the six-step teaching pitch from a ranked card and the taxonomy.

The card supplies the teaching; the taxonomy supplies the tailoring (the industry's context,
the persona's priorities, metrics, concerns and next step), so one card serves many buyers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import (
    COST_OF_INACTION,
    DISCOVERY_QUESTIONS,
    FACTORS,
    NEXT_STEP,
    STEPS,
    WARMER,
    Card,
    Content,
    Evidence,
    Persona,
    section_key,
)
from .figures import figures_for
from .result import Factor, Part, Pitch
from .select import CardIndex, Combination, rank_cards
from .talk_time import minutes, spoken_words


def compose_pitch(
    content: Content, combination: Combination, today: dt.date, index: CardIndex | None = None,
    *, inputs: str = "", live: bool = False,
) -> Pitch | None:
    """The pitch for one buyer, or None when no published card serves the combination.

    `index` (of `content.cards`) saves scanning every card when composing many pitches.
    `inputs` is a query string of the buyer's numbers for the card's cost model (defaults
    otherwise); `live` writes each figure as a span the site's page updates, where print,
    Markdown and the deck get the value itself. Talk time counts the values as said.
    """
    taxonomy = content.taxonomy
    if taxonomy is None:
        return None
    industry = taxonomy.industry(combination.industry)
    problem = taxonomy.problem(combination.problem)
    persona = taxonomy.persona(combination.persona)
    if industry is None or problem is None or persona is None:
        return None
    cards = content.cards if index is None else index.candidates(combination)
    ranking = rank_cards(cards, combination, taxonomy.review_interval_days, today)
    if not ranking:
        return None
    card = ranking[0].card
    figures = figures_for(card, content.ledger, inputs)

    def shown(text: str) -> str:
        if figures is None:
            return text
        return figures.spans(text) if live else figures.plain(text)

    def part(title: str, fallback: str = "") -> Part:
        section = card.sections.get(title)
        text = section.for_persona(persona.id) if section else fallback
        tailored = bool(section and persona.id in section.variants)
        said = figures.plain(text) if figures else text
        words = spoken_words(said) if index is None else index.spoken_words(said)
        return Part(section_key(title), title, shown(text), words, minutes(words), tailored)

    default_warmer = _default_warmer(
        industry.name, industry.context, persona, problem.symptoms
    )
    steps = tuple(part(title, default_warmer if title == WARMER else "") for title in STEPS)
    return Pitch(
        industry=industry,
        problem=problem,
        persona=persona,
        ranking=tuple(ranking),
        steps=steps,
        cost_of_inaction=part(COST_OF_INACTION),
        next_step=part(NEXT_STEP, persona.next_step),
        discovery_questions=part(DISCOVERY_QUESTIONS).text,
        objections=tuple(replace(o, answer=shown(o.answer)) for o in card.objections),
        evidence=_lead_with_metrics(card.evidence, persona),
        differentiators=tuple(
            d for d in (taxonomy.differentiator(i) for i in card.leads_to) if d is not None
        ),
        scorecard=scorecard(card),
        figures=figures,
    )


def scorecard(card: Card) -> tuple[Factor, ...]:
    return tuple(Factor(f, f in card.differentiation, card.differentiation.get(f, ""))
                 for f in FACTORS)


def _default_warmer(
    industry: str, context: tuple[str, ...], persona: Persona, symptoms: tuple[str, ...]
) -> str:
    """Hypothesis-based opener from the taxonomy, for cards without a warmer of their own."""
    lines = [f"What we are seeing across {industry.lower()}:", ""]
    lines += [f"- {c}" for c in context]
    if persona.priorities:
        lines += ["", f"For a {persona.name.lower()}, that lands on "
                      f"{_series(persona.priorities).lower()}."]
    if symptoms:
        lines += ["", "Other teams in your position tell us:", ""]
        lines += [f"- {s}" for s in symptoms]
    lines += ["", "Is that what you are seeing too?"]
    return "\n".join(lines)


def _series(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
