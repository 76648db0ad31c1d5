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
from .units import Format, format_for, format_value, spoken

REFERENCE = re.compile(r"\{cost:\s*(?P<name>[^{}\s]*)\s*\}")
"""`{cost: startup_charge}`; spaces after the colon are optional."""
ATTRIBUTE = "data-cost-output"
EXACT = "data-cost-exact"
"""On a span whose value keeps every digit (a worked example), not said rounded."""


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


def said_format(model: CostModel, name: str) -> Format | None:
    """How the talk track says a figure: an output (computed, so an estimate) rounded as a
    person says it (`units.spoken`), an input as the buyer gave it."""
    if (found := model.output(name)) is not None:
        return spoken(format_for(found.unit, found.decimals, model.units))
    if (given := model.input(name)) is not None:
        return format_for(given.unit, given.decimals, model.units)
    return None


def exact_format(model: CostModel, name: str) -> Format | None:
    """How a figure is written where every digit counts: a worked example's arithmetic."""
    item = model.input(name) or model.output(name)
    return None if item is None else format_for(item.unit, item.decimals, model.units)


def _formatted(model: CostModel, values: Mapping[str, float | None], name: str,
               exact: bool = False) -> str | None:
    fmt = exact_format(model, name) if exact else said_format(model, name)
    if fmt is None or name not in values:
        return None
    return format_value(values[name], fmt)


def with_values(text: str, model: CostModel, values: Mapping[str, float | None], *,
                exact: bool = False) -> str:
    """`text` with each reference written as its value, as said (`said_format`) or `exact`:
    for print, the deck and talk time. A reference to no figure stays as written (check has
    reported it)."""
    def value(match: re.Match[str]) -> str:
        return _formatted(model, values, match["name"], exact) or match[0]
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


def exact_span(name: str, shown: str) -> str:
    """A worked example's value as a span the page updates with every digit."""
    return (f'<span class="pc-cost" {ATTRIBUTE}="{html.escape(name)}" {EXACT}>'
            f"{html.escape(shown)}</span>")


_SAID_AS = {"USD": ("dollars", "dollar"), "EUR": ("euros", "euro"), "GBP": ("pounds", "pound"),
            "percent": ("%", "percent", "per cent")}
_AFTER = re.compile(r"[*_\s]*")


def doubled_units(text: str, model: CostModel) -> tuple[tuple[Reference, str], ...]:
    """References followed by their own unit's word ("{cost: idle_hours} hours" when the value
    already reads "2 hours"), each with the word written twice."""
    found = []
    for reference, match in zip(references(text), REFERENCE.finditer(text), strict=True):
        words = _unit_words(model, reference.name)
        rest = text[_AFTER.match(text, match.end()).end():]
        said = next((w for w in words if rest[:len(w)].casefold() == w.casefold()
                     and not rest[len(w):len(w) + 1].isalnum()), None)
        if said:
            found.append((reference, rest[:len(said)]))
    return tuple(found)


def _unit_words(model: CostModel, name: str) -> list[str]:
    """The words a reader would take for the unit of figure `name`, longest first."""
    item = model.input(name) or model.output(name)
    if item is None:
        return []
    fmt = format_for(item.unit, item.decimals, model.units)
    suffix = fmt.suffix.strip()
    words = {suffix, *_SAID_AS.get(item.unit, ())} if suffix else set(_SAID_AS.get(item.unit, ()))
    if (suffix and " " not in suffix) or item.unit in _SAID_AS:
        words.add(item.unit)
        if suffix.endswith("s") and len(suffix) > 3:
            words.add(suffix[:-1])
    return sorted((w for w in words if w), key=len, reverse=True)
