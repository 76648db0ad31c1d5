"""The cost model's figures in a pitch: computed once, written into every text that names them.

A pitch's texts say `{cost: name}`; the terminal, Markdown, print and the deck show the values
in effect (the defaults, or a rep's numbers from `--inputs` or the page's link), and the site
shows each as a span that the page's cost-model.js updates as the inputs change. A computed
figure is said rounded (`costs.units.spoken`), an input as the buyer gave it; the evidence
table's worked examples (`Figures.worked_examples`) show each computed figure exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from ..costs.browser import script_element
from ..costs.evaluate import Plan, Values, evaluate, inputs_from_query, plan
from ..costs.text import references, with_spans, with_values
from ..costs.worked import WorkedExample, worked_examples
from ..model import Card, Evidence, Industry, Persona


@dataclass(frozen=True)
class Figures:
    """A card's cost model with the values in effect."""

    card: str
    """The id of the card whose model this is: a page carries one model."""
    plan: Plan
    values: Values
    quoted: tuple[str, ...] = ()
    """The outputs the texts of the pitch (or of the whole card) say."""
    given: frozenset[str] = frozenset()
    """The inputs the buyer gave (`--inputs`, a link); the others are the card's defaults."""
    live: bool = False
    """The page's calculator sets the values (the site), rather than the rep's `--inputs`."""
    ledger_figures: Mapping[str, str] = field(default_factory=dict)
    """Each ledger figure the model uses, as the ledger writes it."""

    @property
    def worked_examples(self) -> tuple[WorkedExample, ...]:
        """A computed row for each output the texts say (and each it rests on): the
        arithmetic with the values in effect, exact, for the evidence table and the deck's
        evidence slide (`WorkedExample.text`, `.figure`, `.basis`)."""
        return worked_examples(self.plan, self.values, self.quoted, self.ledger_figures,
                               self.given, self.live)

    def plain(self, text: str) -> str:
        return with_values(text, self.plan.model, self.values)

    def spans(self, text: str) -> str:
        return with_spans(text, self.plan.model, self.values)

    def script(self) -> str:
        """The `<script type="application/json">` element cost-model.js reads."""
        return script_element(self.plan)


def figures_for(card: Card, ledger: Mapping[str, Evidence], query: str = "",
                live: bool = False, persona: Persona | None = None,
                industry: Industry | None = None) -> Figures | None:
    """None for a card without a model, or with one `check` reports errors in (its texts then
    keep `{cost: ...}` as written, and the build has failed on those errors already).

    `live`: the site's page. `persona` and `industry` choose the texts whose figures get
    worked examples: those that buyer hears; without them, every text of the card."""
    model = card.cost_model
    if model is None:
        return None
    try:
        prepared = plan(model, ledger)
    except ValueError:
        return None
    inputs = inputs_from_query(model, query)
    given = frozenset(k for k, _ in parse_qsl(query.removeprefix("?"))
                      if model.input(k) is not None)
    buyer = (persona.id, industry.id) if persona and industry else None
    said = {r.name for text in _texts(card, buyer) for r in references(text)}
    quoted = tuple(o.name for o in model.outputs if o.name in said)
    return Figures(card.id, prepared, evaluate(prepared, inputs), quoted, given, live,
                   {i: ledger[i].figure for i in prepared.ledger if i in ledger})


def _texts(card: Card, buyer: tuple[str, str] | None) -> Iterator[str]:
    for section in card.sections.values():
        if buyer is None:
            yield from (section.text, *section.variants.values())
        else:
            yield section.for_buyer(*buyer)
    yield from (o.answer for o in card.objections)
