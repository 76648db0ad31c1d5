"""Units the content declares in `taxonomy.yml` (`units:`), read, checked and put into every
card's cost model.

A fleet vendor's cost model counts `litres`, `km` and `trucks`; the built-in table
(`costs.units`) knows money, energy, time and emissions. A declared unit is checked like a
built-in one (each is its own unit in the dimension arithmetic) and written with its name
('64,000 litres', '$1.40 per litre'). The loader puts the declared units into each card's
`CostModel`, so every stage that writes or checks a figure finds them where the model is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..costs.units import UNITS
from ..model import Finding, Severity, Taxonomy
from ..model.costs import DeclaredUnit
from .cards import ParsedCard
from .coerce import items, text
from .yaml_positions import Positions


def declared_units(data: dict[str, Any], positions: Positions, path: str
                   ) -> tuple[tuple[DeclaredUnit, ...], list[Finding]]:
    """The `units:` entries the schema accepted, and a finding for a name that is built in
    or declared twice (the first declaration counts)."""
    units: list[DeclaredUnit] = []
    findings = []
    for index, raw in enumerate(items(data.get("units"))):
        if not isinstance(raw, dict) or not text(raw.get("name")):
            continue
        line = positions.at(("units", index))[0]
        name = text(raw.get("name"))
        if name in UNITS:
            findings.append(Finding(path, line, 1, Severity.ERROR,
                                    f"unit '{name}' is built in",
                                    "remove this declaration; cost models may use it as it is"))
            continue
        if any(u.name == name for u in units):
            first = next(u.line for u in units if u.name == name)
            findings.append(Finding(path, line, 1, Severity.ERROR,
                                    f"unit '{name}' is declared twice",
                                    f"the first is on line {first}; keep one"))
            continue
        decimals = raw.get("decimals")
        units.append(DeclaredUnit(name, text(raw.get("dimension")),
                                  text(raw.get("singular")),
                                  decimals if isinstance(decimals, int) else 0, line))
    return tuple(units), findings


def with_units(parsed: ParsedCard, taxonomy: Taxonomy | None) -> ParsedCard:
    """The card with the taxonomy's declared units in its cost model."""
    card = parsed.card
    if taxonomy is None or not taxonomy.units or card.cost_model is None:
        return parsed
    model = replace(card.cost_model, units=taxonomy.units)
    return replace(parsed, card=replace(card, cost_model=model))
