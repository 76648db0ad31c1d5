"""Front-matter data -> `CostModel`, for data the card schema has already accepted.

A number too large for a float (a YAML integer of 400 digits) is read as infinity and a YAML
`.nan` stays NaN, so the model keeps its shape and `analyse` reports the field by its line;
`check` errors stop every build before such a model is computed.
"""

from __future__ import annotations

import math
from typing import Any

from ..model.costs import CostModel, Input, Output


def _number(value: Any) -> float | None:
    """The value as a float (infinite when too large for one), or None when not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def cost_model(data: object) -> CostModel | None:
    """The model, or None when `data` is not the shape COST_MODEL_SCHEMA describes.

    The schema check reports what is wrong with the shape, with its line; analysing a model
    with half its inputs missing would only add a finding per formula that uses them.
    """
    if not isinstance(data, dict):
        return None
    raw_inputs, raw_outputs = data.get("inputs"), data.get("outputs")
    if not isinstance(raw_inputs, dict) or not isinstance(raw_outputs, dict):
        return None
    inputs, outputs = [], []
    for name, raw in raw_inputs.items():
        if not isinstance(raw, dict):
            return None
        default, low, high = (_number(raw.get(k)) for k in ("default", "min", "max"))
        if default is None or low is None or high is None:
            return None
        if not _texts(raw, "label", "unit") or not _decimals(raw):
            return None
        inputs.append(Input(str(name), raw["label"], raw["unit"], default, low, high,
                            raw.get("decimals")))
    for name, raw in raw_outputs.items():
        if not isinstance(raw, dict) or not _texts(raw, "label", "unit") or not _decimals(raw):
            return None
        formula = raw.get("formula")
        if _number(formula) is not None:  # YAML's .inf and .nan become names no model has
            formula = repr(float(formula)) if isinstance(formula, float) else str(formula)
        if not isinstance(formula, str):
            return None
        outputs.append(Output(str(name), raw["label"], raw["unit"], formula,
                              raw.get("decimals")))
    return CostModel(tuple(inputs), tuple(outputs))


def _texts(raw: dict[str, Any], *keys: str) -> bool:
    return all(isinstance(raw.get(k), str) and raw[k] for k in keys)


def _decimals(raw: dict[str, Any]) -> bool:
    value = raw.get("decimals")
    return value is None or (isinstance(value, int) and not isinstance(value, bool)
                             and 0 <= value <= 6)
