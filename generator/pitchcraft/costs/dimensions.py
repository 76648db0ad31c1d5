"""The unit check: adding dollars to kilowatt-hours, or an output whose formula gives dollars
per hour while its unit says dollars.

Cheap on purpose: a plain number takes the unit its neighbours need when added (1000 in
`spend + 1000`) and is a ratio when multiplied; a ledger figure is a ratio when it is a
percentage and unknown otherwise, and anything unknown is never reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model.costs import Call, Expr, LedgerRef, Neg, Num, Ref
from .units import Dimension, divide, multiply

ANY = "any"
"""A plain number in a sum: fits whichever unit it is added to."""
Dim = Dimension | None | str
"""A dimension, None when unknown, or ANY."""


def dimension_of(tree: Expr, names: Mapping[str, Dimension | None],
                 ratios: frozenset[str],
                 on_mismatch: Callable[[int, Dimension, Dimension], None]) -> Dim:
    """The dimension `tree` computes; `on_mismatch(column, a, b)` hears of each sum of two
    different known dimensions."""
    def go(node: Expr) -> Dim:
        if isinstance(node, Num):
            return ANY
        if isinstance(node, Ref):
            return names.get(node.name)
        if isinstance(node, LedgerRef):
            return () if node.id in ratios else None
        if isinstance(node, Neg):
            return go(node.operand)
        if isinstance(node, Call):
            return _same([go(a) for a in node.args], node.col, on_mismatch)
        left, right = go(node.left), go(node.right)
        if node.op in "+-":
            return _same([left, right], node.col, on_mismatch)
        if left is None or right is None:
            return None
        a = () if left == ANY else left
        b = () if right == ANY else right
        if left == ANY and right == ANY:
            return ANY
        return multiply(a, b) if node.op == "*" else divide(a, b)  # type: ignore[arg-type]
    return go(tree)


def _same(dims: list[Dim], col: int,
          on_mismatch: Callable[[int, Dimension, Dimension], None]) -> Dim:
    known = [d for d in dims if d is not None and d != ANY]
    if None in dims:
        return None
    for other in known[1:]:
        if other != known[0]:
            on_mismatch(col, known[0], other)  # type: ignore[arg-type]
            return None
    return known[0] if known else ANY
