"""The calculators on site pages: each card's cost model, its figures as spans that update.

A card page carries its card's model (the JSON element with id `pc-cost-model`) and one
calculator; cost-model.js updates every `[data-cost-output]` on the page from it.

A pitch page carries one model per card whose pitch it tells (each persona tab's lead card and
the alternatives shown), in one JSON element (`pc-cost-models`): the first tab's lead card
first, then the other tabs' leads, then the alternatives, so the first entry is the card whose
calculator the page had alone before. Each live span names its card (`data-cost-card`), and
each card's pitch has that card's calculator at its top: folded at the top of the tab for the
lead card, inside the fold of an alternative for that one. A span is updated only by its own
card's calculator; where a card's pitch is told on several tabs, its calculators share the
card's numbers, so a figure never depends on which tab the rep typed into.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from ..costs.browser import browser_data
from ..costs.worked import WorkedExample
from ..model import Card, Evidence, Section
from ..pitch import Pitch
from ..pitch.figures import Figures, figures_for

META_KEY = "pc_cost_model"
"""The page meta field main.html prints as the models' JSON element and script."""
MODELS_ID = "pc-cost-models"
"""The id of a pitch page's JSON element: a list of {card, title, model}."""
CALCULATOR = ('<details class="pc-calculator"><summary>The buyer\'s numbers: change them and'
              ' every figure on this page follows</summary>'
              '<div data-cost-inputs data-cost-legend="The buyer\'s numbers"></div></details>')
"""Where cost-model.js puts the input fields, folded so that on a phone the pitch's summary
stays on the first screen; the script opens it when the page's link carries numbers.
Markdown keeps it as raw HTML."""

_SPAN = re.compile(
    r'<span class="pc-cost" data-cost-output="[^"]*"(?: data-cost-card="[^"]*")?'
    r'(?: data-cost-exact)?>([^<]*)</span>')
_OPEN = re.compile(r'(<span class="pc-cost" data-cost-output="[^"]*")(?! data-cost-card=)')


def page_meta(figures: Figures | PageModels | None) -> dict[str, Any]:
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


@dataclass(frozen=True)
class PageModels:
    """The cost models of a pitch page, one per card, first told first."""

    cards: tuple[tuple[Card, Figures], ...]

    def script(self) -> str:
        """The `<script type="application/json">` element cost-model.js reads: '<', '>' and
        '&' escaped, so no label or title can close the element."""
        text = json.dumps([{"card": c.id, "title": c.title, "model": browser_data(f.plan)}
                           for c, f in self.cards],
                          ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return f'<script type="application/json" id="{MODELS_ID}">{text}</script>'

    def calculators(self) -> dict[str, str]:
        """Each card's calculator, by card id, to put at the top of each pitch it tells."""
        return {c.id: calculator(c.id) for c, _ in self.cards}


def calculator(card: str) -> str:
    """The folded calculator of one card on a pitch page (raw HTML, one line). Search leaves
    it out: a page tells many cards, and its calculators' words are not the pitch's."""
    name = html.escape(card)
    return (f'<details class="pc-calculator" data-cost-card="{name}" data-search-exclude>'
            "<summary>The buyer's"
            " numbers for this card: change them and every figure from it follows</summary>"
            f'<div data-cost-inputs data-cost-card="{name}"'
            ' data-cost-legend="The buyer\'s numbers"></div></details>')


def pitch_page_figures(pitches: tuple[Pitch, ...]) -> tuple[tuple[Pitch, ...], PageModels | None]:
    """The page's models, and the pitches with each live span naming its card."""
    told = [*pitches, *(a for p in pitches for a in p.alternatives)]
    found: dict[str, tuple[Card, Figures]] = {}
    for pitch in told:
        if pitch.figures is not None and pitch.card.id not in found:
            found[pitch.card.id] = (pitch.card, pitch.figures)
    if not found:
        return pitches, None
    return tuple(_tagged(p) for p in pitches), PageModels(tuple(found.values()))


def plain_text(text: str) -> str:
    """`text` with each live figure as its value alone."""
    return _SPAN.sub(lambda m: m[1], text)


def tagged_text(text: str, card: str) -> str:
    """`text` with each live span naming `card`, the card whose calculator updates it."""
    return _OPEN.sub(lambda m: f'{m[1]} data-cost-card="{html.escape(card)}"', text)


@dataclass(frozen=True)
class _CardWorked(WorkedExample):
    """A worked example whose live spans name their card."""

    card: str = ""

    @property
    def live_arithmetic(self) -> str:
        return tagged_text(super().live_arithmetic, self.card)

    @property
    def live_figure(self) -> str:
        return tagged_text(super().live_figure, self.card)


@dataclass(frozen=True)
class _CardFigures(Figures):
    """A card's figures whose worked examples' live spans name the card."""

    @property
    def worked_examples(self) -> tuple[WorkedExample, ...]:
        return tuple(_CardWorked(**{f.name: getattr(w, f.name) for f in fields(w)},
                                 card=self.card) for w in super().worked_examples)


def _tagged(pitch: Pitch) -> Pitch:
    figures = pitch.figures
    if figures is None:
        return replace(pitch, alternatives=tuple(_tagged(a) for a in pitch.alternatives))
    card = pitch.card.id

    def part(p):  # type: ignore[no-untyped-def]
        return replace(p, text=tagged_text(p.text, card))
    return replace(
        pitch, steps=tuple(part(s) for s in pitch.steps),
        cost_of_inaction=part(pitch.cost_of_inaction), next_step=part(pitch.next_step),
        discovery_questions=tagged_text(pitch.discovery_questions, card),
        objections=tuple(replace(o, answer=tagged_text(o.answer, card))
                         for o in pitch.objections),
        alternatives=tuple(_tagged(a) for a in pitch.alternatives),
        figures=_CardFigures(**{f.name: getattr(figures, f.name) for f in fields(figures)}),
    )
