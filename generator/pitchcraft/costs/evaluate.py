"""The outputs' values for the inputs in effect: the defaults, or a rep's numbers from a link.

The arithmetic is IEEE double arithmetic, as in the page's cost-model.js, and a result that is
not a finite number (a division by zero, an overflow) is None there and null in the browser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl

from ..model import Evidence
from ..model.costs import BinOp, Call, CostModel, Expr, FormulaError, LedgerRef, Neg, Num, Ref
from .expr import parse, walk
from .figures import ledger_numbers
from .graph import order

PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
"""What a typed or linked value may look like; cost-model.js accepts exactly the same."""
Values = dict[str, float | None]


@dataclass(frozen=True)
class Plan:
    """A model ready to compute: formulas parsed, in dependency order, ledger figures as numbers."""

    model: CostModel
    steps: tuple[tuple[str, Expr], ...]
    ledger: dict[str, float]


def plan(model: CostModel, ledger: Mapping[str, Evidence]) -> Plan:
    """Raises ValueError for a model that `analyse` finds errors in: check runs first."""
    try:
        trees = {o.name: parse(o.formula) for o in model.outputs}
    except FormulaError as exc:
        raise ValueError(f"cost model formula: {exc.message}") from exc
    placed, _ = order(trees)
    nodes = [n for tree in trees.values() for n in walk(tree)]
    used = {n.id for n in nodes if isinstance(n, LedgerRef)}
    numbers = {k: v for k, v in ledger_numbers(ledger).items() if k in used}
    known = {*model.names}
    unplaced = {o.name for o in model.outputs} - set(placed)
    unknown = {n.name for n in nodes if isinstance(n, Ref) and n.name not in known}
    if unplaced or unknown or used - set(numbers):
        problems = sorted(unplaced | unknown | (used - set(numbers)))
        raise ValueError(f"cost model cannot be computed, run check: {problems}")
    return Plan(model, tuple((name, trees[name]) for name in placed), numbers)


def read_inputs(model: CostModel, given: Mapping[str, str]) -> dict[str, float]:
    """Every input's value: `given` where it is a plain number (kept inside the input's
    range), the default otherwise."""
    values = {}
    for item in model.inputs:
        raw = given.get(item.name, "")  # not stripped: what counts as a space differs in JS
        value = float(raw) if PLAIN_NUMBER.fullmatch(raw) else item.default
        values[item.name] = min(max(value, item.min), item.max)
    return values


def inputs_from_query(model: CostModel, query: str) -> dict[str, float]:
    """Inputs from a link's query string (`annual_spend=2500000&...`); the first value wins."""
    given: dict[str, str] = {}
    for key, value in parse_qsl(query.removeprefix("?"), keep_blank_values=True):
        given.setdefault(key, value)
    return read_inputs(model, given)


def evaluate(prepared: Plan, inputs: Mapping[str, float] | None = None) -> Values:
    """Every input and output by name; inputs not given take their defaults."""
    values: Values = {i.name: i.default for i in prepared.model.inputs}
    values.update(inputs or {})
    for name, tree in prepared.steps:
        values[name] = _compute(tree, values, prepared.ledger)
    return values


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _compute(node: Expr, values: Values, ledger: Mapping[str, float]) -> float | None:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        return values[node.name]
    if isinstance(node, LedgerRef):
        return ledger[node.id]
    if isinstance(node, Neg):
        operand = _compute(node.operand, values, ledger)
        return None if operand is None else -operand
    if isinstance(node, Call):
        args = [_compute(a, values, ledger) for a in node.args]
        if any(a is None for a in args):
            return None
        return (min if node.func == "min" else max)(args)  # type: ignore[type-var]
    assert isinstance(node, BinOp)
    left, right = _compute(node.left, values, ledger), _compute(node.right, values, ledger)
    if left is None or right is None:
        return None
    if node.op == "+":
        return _finite(left + right)
    if node.op == "-":
        return _finite(left - right)
    if node.op == "*":
        return _finite(left * right)
    return None if right == 0 else _finite(left / right)
