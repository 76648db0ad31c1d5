"""`{cost: name}` in card text: where a figure of the cost model appears in the pitch.

The spelling is plain text to Markdown and to the HTML sanitiser. It is replaced in the
Markdown source, before Markdown runs, because attr_list would take a `{...}` that ends a
paragraph or follows an inline element for attributes. The HTML variant wraps the value in a
span that cost-model.js finds by its data-cost-output attribute and updates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model.costs import CostModel
from .units import format_for, format_value

REFERENCE = re.compile(r"\{cost:\s*(?P<name>[^{}\s]*)\s*\}")
"""`{cost: startup_charge}`; spaces after the colon are optional."""
ATTRIBUTE = "data-cost-output"


@dataclass(frozen=True)
class Reference:
    name: str
    line: int
    """0-based line within the text (add the section's first line)."""
    column: int
    """1-based column on that line."""


def references(text: str) -> tuple[Reference, ...]:
    """Every `{cost: ...}` in `text`, so `check` can report names the model does not have."""
    found = []
    for match in REFERENCE.finditer(text):
        before = text[:match.start()]
        line = before.count("\n")
        column = match.start() - (before.rfind("\n") + 1) + 1
        found.append(Reference(match["name"], line, column))
    return tuple(found)


def unknown_references(text: str, model: CostModel | None) -> tuple[Reference, ...]:
    """References to no input or output; every reference is unknown without a model."""
    names = set(model.names) if model else set()
    return tuple(r for r in references(text) if r.name not in names)


def _formatted(model: CostModel, values: Mapping[str, float | None], name: str) -> str | None:
    item = model.input(name) or model.output(name)
    if item is None or name not in values:
        return None
    return format_value(values[name], format_for(item.unit, item.decimals))


def with_values(text: str, model: CostModel, values: Mapping[str, float | None]) -> str:
    """`text` with each reference written as its value: for print, the deck and talk time.
    A reference to no figure stays as written (check has reported it)."""
    def value(match: re.Match[str]) -> str:
        return _formatted(model, values, match["name"]) or match[0]
    return REFERENCE.sub(value, text)


def with_spans(text: str, model: CostModel, values: Mapping[str, float | None]) -> str:
    """Markdown `text` with each reference as an inline HTML span holding the value, which
    the page updates as the inputs change."""
    def span(match: re.Match[str]) -> str:
        shown = _formatted(model, values, match["name"])
        if shown is None:
            return match[0]
        return (f'<span class="pc-cost" {ATTRIBUTE}="{html.escape(match["name"])}">'
                f"{html.escape(shown)}</span>")
    return REFERENCE.sub(span, text)
