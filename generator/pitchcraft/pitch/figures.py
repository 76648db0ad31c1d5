"""The cost model's figures in a pitch: computed once, written into every text that names them.

A pitch's texts say `{cost: name}`; the terminal, Markdown, print and the deck show the values
in effect (the defaults, or a rep's numbers from `--inputs` or the page's link), and the site
shows each as a span that the page's cost-model.js updates as the inputs change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..costs.browser import script_element
from ..costs.evaluate import Plan, Values, evaluate, inputs_from_query, plan
from ..costs.text import with_spans, with_values
from ..model import Card, Evidence


@dataclass(frozen=True)
class Figures:
    """A card's cost model with the values in effect."""

    card: str
    """The id of the card whose model this is: a page carries one model."""
    plan: Plan
    values: Values

    def plain(self, text: str) -> str:
        return with_values(text, self.plan.model, self.values)

    def spans(self, text: str) -> str:
        return with_spans(text, self.plan.model, self.values)

    def script(self) -> str:
        """The `<script type="application/json">` element cost-model.js reads."""
        return script_element(self.plan)


def figures_for(card: Card, ledger: Mapping[str, Evidence], query: str = "") -> Figures | None:
    """None for a card without a model, or with one `check` reports errors in (its texts then
    keep `{cost: ...}` as written, and the build has failed on those errors already)."""
    if card.cost_model is None:
        return None
    try:
        prepared = plan(card.cost_model, ledger)
    except ValueError:
        return None
    inputs = inputs_from_query(card.cost_model, query)
    return Figures(card.id, prepared, evaluate(prepared, inputs))
