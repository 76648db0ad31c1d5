"""Interval arithmetic: the range each formula can take while every input stays in its range.

This is how a division that can be by zero is found before any buyer types a number: if the
divisor's range includes zero, some allowed inputs make it zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from ..model.costs import BinOp, Call, Expr, LedgerRef, Neg, Num, Ref

Interval = tuple[float, float]
EVERYTHING: Interval = (-math.inf, math.inf)


def _times(a: float, b: float) -> float:
    """A product where 0 x infinity is 0: a zero factor wins over an unbounded one."""
    return 0.0 if a == 0 or b == 0 else a * b


def _mul(a: Interval, b: Interval) -> Interval:
    products = [_times(x, y) for x in a for y in b]
    return min(products), max(products)


def _div(a: Interval, b: Interval) -> Interval:
    if b[0] <= 0 <= b[1]:
        return EVERYTHING
    return _mul(a, (1 / b[1], 1 / b[0]))


def _add(a: Interval, b: Interval) -> Interval:
    low, high = a[0] + b[0], a[1] + b[1]
    return (-math.inf if math.isnan(low) else low, math.inf if math.isnan(high) else high)


def span(tree: Expr, names: Mapping[str, Interval], ledger: Mapping[str, float],
         on_division: Callable[[BinOp, Interval], None] | None = None) -> Interval:
    """The interval of `tree`; `on_division` sees each division with its divisor's interval.

    Unknown names and ledger ids count as any number: they are reported on their own.
    """
    def go(node: Expr) -> Interval:
        if isinstance(node, Num):
            return node.value, node.value
        if isinstance(node, Ref):
            return names.get(node.name, EVERYTHING)
        if isinstance(node, LedgerRef):
            value = ledger.get(node.id)
            return EVERYTHING if value is None else (value, value)
        if isinstance(node, Neg):
            low, high = go(node.operand)
            return -high, -low
        if isinstance(node, Call):
            spans = [go(arg) for arg in node.args]
            pick = min if node.func == "min" else max
            return pick(s[0] for s in spans), pick(s[1] for s in spans)
        left, right = go(node.left), go(node.right)
        if node.op == "+":
            return _add(left, right)
        if node.op == "-":
            return _add(left, (-right[1], -right[0]))
        if node.op == "*":
            return _mul(left, right)
        if on_division:
            on_division(node, right)
        return _div(left, right)
    return go(tree)
