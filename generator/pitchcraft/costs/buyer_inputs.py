"""The buyer's numbers as a rep types them (`pitch --inputs`, `deck --inputs`), read strictly.

A page's link is forgiving (a value it cannot read keeps the default, as the calculator's box
does), but a rep who types numbers on the command line is about to speak or send them: a
misspelt name, a value that is not a plain number or one outside the input's range would leave
the defaults in a pitch the rep believes is tailored. So every such value is a problem to
report, and the command stops before anything is written.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import unquote_plus

from ..model.costs import CostModel, Input
from .evaluate import PLAIN_NUMBER
from .units import format_for, format_value


def input_problems(model: CostModel | None, query: str) -> list[str]:
    """What is wrong with `query` (`name=value&name=value`) for `model`: one line per problem,
    in the order given; empty when every value can be used as typed."""
    pairs = [p for p in query.removeprefix("?").split("&") if p]
    if pairs and model is None:
        return ["this card has no cost model, so it takes no inputs"]
    assert model is not None or not pairs
    problems: list[str] = []
    seen: set[str] = set()
    for pair in pairs:
        name, equals, raw = pair.partition("=")
        name, value = unquote_plus(name), unquote_plus(raw)
        item = model.input(name) if model else None
        if not equals:
            problems.append(f"'{name}' has no value: write {name}=NUMBER")
        elif item is None:
            problems.append(f"'{name}' is not an input of this card's cost model")
        elif name in seen:
            problems.append(f"'{name}' is given twice")
        elif not PLAIN_NUMBER.fullmatch(value):
            problems.append(
                f"{name}={value!r} is not a plain number: digits, an optional '-' and"
                " decimal point, no thousands separators or words (inputs are separated"
                " by '&')")
        elif not item.min <= float(value) <= item.max:
            problems.append(f"{name}={value} is outside {_range(item, model)}")
        seen.add(name)
    return problems


def valid_inputs(model: CostModel) -> list[str]:
    """Each input as a rep needs to type it: name, what it is, range and default."""
    return [f"{i.name}: {i.label} in {i.unit}, {_range(i, model)}, default"
            f" {_written(i, i.default, model)}" for i in model.inputs]


def _range(item: Input, model: CostModel | None) -> str:
    return f"{_written(item, item.min, model)} to {_written(item, item.max, model)}"


def _written(item: Input, value: float, model: CostModel | None) -> str:
    """As typed (no separators, no symbols), with the unit; a scaled unit such as a percent
    also shows how the page writes it, so 0.38 is not mistaken for 38."""
    typed = format(Decimal(repr(value)).normalize(), "f")
    fmt = format_for(item.unit, item.decimals, model.units if model else ())
    shown = f" ({format_value(value, fmt)})" if fmt.scale != 1 else ""
    return f"{typed}{shown}"
