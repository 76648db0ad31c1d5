"""The calculator on site pages: one cost model per page, its figures as spans that update.

cost-model.js reads one model per page (the JSON element with id `pc-cost-model`) and updates
every `[data-cost-output]` on it. A card page carries its card's model. A pitch page carries
the model of the first persona's lead card that has one; a persona tab led by another card
with a model of its own shows that card's default values as plain text, so no figure on the
page is updated by a model it does not belong to.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Card, Evidence, Section
from ..pitch import Pitch
from ..pitch.figures import Figures, figures_for

META_KEY = "pc_cost_model"
"""The page meta field main.html prints as the model's JSON element and script."""
CALCULATOR = ('<details class="pc-calculator"><summary>The buyer\'s numbers: change them and'
              ' every figure on this page follows</summary>'
              '<div data-cost-inputs data-cost-legend="The buyer\'s numbers"></div></details>')
"""Where cost-model.js puts the input fields, folded so that on a phone the pitch's summary
stays on the first screen; the script opens it when the page's link carries numbers.
Markdown keeps it as raw HTML."""

_SPAN = re.compile(
    r'<span class="pc-cost" data-cost-output="[^"]*"(?: data-cost-exact)?>([^<]*)</span>')


def page_meta(figures: Figures | None) -> dict[str, Any]:
    return {META_KEY: figures.script()} if figures else {}


def card_with_spans(card: Card, ledger: dict[str, Evidence]) -> tuple[Card, Figures | None]:
    """The card with every `{cost: name}` in its sections and answers as a live span."""
    figures = figures_for(card, ledger, live=True)
    if figures is None:
        return card, None

    def section(s: Section) -> Section:
        return replace(s, text=figures.spans(s.text),
                       variants={p: figures.spans(t) for p, t in s.variants.items()})
    return replace(
        card, sections={k: section(s) for k, s in card.sections.items()},
        objections=tuple(replace(o, answer=figures.spans(o.answer)) for o in card.objections),
    ), figures


def pitch_page_figures(pitches: tuple[Pitch, ...]) -> tuple[tuple[Pitch, ...], Figures | None]:
    """The page's model, and the pitches with spans only where that model computes them."""
    chosen = next((p.figures for p in pitches if p.figures is not None), None)
    if chosen is None:
        return pitches, None
    return tuple(p if p.figures is None or p.figures.card == chosen.card else _plain(p)
                 for p in pitches), chosen


def plain_text(text: str) -> str:
    """`text` with each live figure as its value alone."""
    return _SPAN.sub(lambda m: m[1], text)


def _plain(pitch: Pitch) -> Pitch:
    def part(p):  # type: ignore[no-untyped-def]
        return replace(p, text=plain_text(p.text))
    return replace(
        pitch, steps=tuple(part(s) for s in pitch.steps),
        cost_of_inaction=part(pitch.cost_of_inaction), next_step=part(pitch.next_step),
        discovery_questions=plain_text(pitch.discovery_questions),
        objections=tuple(replace(o, answer=plain_text(o.answer)) for o in pitch.objections),
        figures=pitch.figures and replace(pitch.figures, live=False),
    )
