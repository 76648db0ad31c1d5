"""Worked examples: a cost-model output as arithmetic with the values in effect.

"Demand charges a year: $1,200,000 x 38% = $456,000". The talk track says a computed figure
rounded ("about $460,000", `units.spoken`); the evidence table shows how it was computed, every
value exact, so a buyer or a reviewer can check the sum against the figures it rests on. A
ledger figure reads as the ledger writes it ("38%", "$14,800 per hour"), whose row in the
same table gives its source; an input reads in its unit, an output as its own row computes it.

A row is made for each output the texts quote and for each output those rest on, in the order
the model computes them, so no value in a row comes from nowhere.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..model.costs import BinOp, Call, CostModel, Expr, LedgerRef, Neg, Num, Ref
from .evaluate import Plan, Values
from .expr import walk
from .text import exact_span
from .units import format_for, format_value

_SIGNS = {"+": " + ", "-": " \u2212 ", "*": " \u00d7 ", "/": " \u00f7 "}
"""Operators as a person writes them: minus, times and divided-by signs."""
_BINDS = {"+": 1, "-": 1, "*": 2, "/": 2}
_ATOM = 3

FROM_BUYER = "Computed from your numbers"
FROM_DEFAULTS = "Computed from typical numbers"
FROM_BOTH = "Computed from your numbers and typical ones"
FROM_PAGE = "Computed from the numbers in the calculator on this page"
FROM_EVIDENCE = "Computed from the figures above"
"""What a row rests on: said in the evidence table's Source column, to the buyer."""


@dataclass(frozen=True)
class Term:
    """A piece of a row's arithmetic as written; `name` is the input or output whose value
    it is ('' for an operator, a plain number or a ledger figure), so a page can update it."""

    text: str
    name: str = ""


@dataclass(frozen=True)
class WorkedExample:
    """One output's arithmetic with the values in effect, every value exact."""

    name: str
    label: str
    terms: tuple[Term, ...]
    """The formula with each name replaced by its value, operators as a person writes them."""
    result: Term
    inputs: tuple[str, ...]
    """The inputs the result rests on, directly or through other outputs."""
    ledger: tuple[str, ...]
    """The ids of the ledger figures the result rests on, directly or through other
    outputs: a table that leaves one out (evidence the buyer may not see yet) leaves out
    the row."""
    basis: str
    """What the values come from, for the Source column (FROM_BUYER, FROM_DEFAULTS...)."""

    @property
    def figure(self) -> str:
        """The result, exact: '$456,000'."""
        return self.result.text

    @property
    def arithmetic(self) -> str:
        """'$1,200,000 x 38% = $456,000'."""
        return "".join(t.text for t in self.terms) + " = " + self.result.text

    @property
    def live_arithmetic(self) -> str:
        """The arithmetic with each value as a span the page's calculator updates (HTML,
        values escaped; the label and the ledger figures are Markdown as the card wrote)."""
        def shown(term: Term) -> str:
            return exact_span(term.name, term.text) if term.name else term.text
        return "".join(map(shown, self.terms)) + " = " + shown(self.result)

    @property
    def live_figure(self) -> str:
        return exact_span(self.result.name, self.result.text)

    @property
    def text(self) -> str:
        """'Demand charges a year: $1,200,000 x 38% = $456,000': the row as one line, for a
        slide or a terminal."""
        return f"{self.label}: {self.arithmetic}"


def worked_examples(prepared: Plan, values: Values, quoted: Collection[str],
                    figures: Mapping[str, str], given: Collection[str] = (),
                    live: bool = False) -> tuple[WorkedExample, ...]:
    """A row for each output in `quoted` and each output it rests on, in computing order.

    `figures` holds each ledger figure as written, by id; `given` names the inputs the buyer
    gave (the rest are the card's defaults); `live` says the page's calculator sets them.
    """
    trees = dict(prepared.steps)
    needed: set[str] = set()
    todo = [n for n in quoted if n in trees]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo += [r.name for r in walk(trees[name]) if isinstance(r, Ref) and r.name in trees]
    rows = []
    for name, tree in prepared.steps:
        if name not in needed:
            continue
        output = prepared.model.output(name)
        assert output is not None
        inputs, ledger = _rests_on(name, trees, prepared.model)
        rows.append(WorkedExample(
            name, output.label,
            tuple(_terms(tree, prepared.model, values, figures, output.unit == "percent")),
            _value(prepared.model, values, name), inputs, ledger,
            _basis(inputs, given, live)))
    return tuple(rows)


def _basis(inputs: tuple[str, ...], given: Collection[str], live: bool) -> str:
    if not inputs:
        return FROM_EVIDENCE
    if live:
        return FROM_PAGE
    mine = [i for i in inputs if i in given]
    if not mine:
        return FROM_DEFAULTS
    return FROM_BUYER if len(mine) == len(inputs) else FROM_BOTH


def _rests_on(name: str, trees: Mapping[str, Expr], model: CostModel
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The inputs (in the model's order) and ledger ids output `name` rests on."""
    found: dict[str, None] = {}
    ledger: dict[str, None] = {}
    todo = [name]
    seen: set[str] = set()
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        for node in walk(trees[current]):
            if isinstance(node, Ref):
                if model.input(node.name):
                    found.setdefault(node.name)
                elif node.name in trees:
                    todo.append(node.name)
            elif isinstance(node, LedgerRef):
                ledger.setdefault(node.id)
    return tuple(i.name for i in model.inputs if i.name in found), tuple(ledger)


def _value(model: CostModel, values: Values, name: str) -> Term:
    item = model.input(name) or model.output(name)
    assert item is not None
    return Term(format_value(values.get(name), format_for(item.unit, item.decimals, model.units)),
                name)


def _binds(node: Expr) -> int:
    return _BINDS[node.op] if isinstance(node, BinOp) else _ATOM


def _terms(node: Expr, model: CostModel, values: Values, figures: Mapping[str, str],
           percent: bool = False) -> list[Term]:
    """`percent`: the output is a percentage, so a plain number added to one is written as
    a percentage too."""
    def go(node: Expr) -> list[Term]:
        if isinstance(node, Num):
            return [Term(_number(node.value))]
        if isinstance(node, Ref):
            return [_value(model, values, node.name)]
        if isinstance(node, LedgerRef):
            return [Term(figures.get(node.id, node.id))]
        if isinstance(node, Neg):
            inner = go(node.operand)
            if isinstance(node.operand, BinOp):
                inner = _wrapped(inner)
            return [Term("\u2212"), *inner]
        if isinstance(node, Call):
            parts: list[Term] = [Term(f"{node.func}(")]
            for place, arg in enumerate(node.args):
                parts += ([Term(", ")] if place else []) + go(arg)
            return [*parts, Term(")")]
        binds = _BINDS[node.op]
        left, right = go(node.left), go(node.right)
        if percent and node.op in "+-":  # 1 - 38% reads 100% - 38%
            left, right = ([Term(_number(n.value * 100) + "%")] if isinstance(n, Num) else t
                           for n, t in ((node.left, left), (node.right, right)))
        if _binds(node.left) < binds:
            left = _wrapped(left)
        if _binds(node.right) < binds or (_binds(node.right) == binds and node.op in "-/"):
            right = _wrapped(right)
        return [*left, Term(_SIGNS[node.op]), *right]
    return go(node)


def _wrapped(terms: list[Term]) -> list[Term]:
    return [Term("("), *terms, Term(")")]


def _number(value: float) -> str:
    """A number the formula writes itself (52 weeks, 0.5), grouped by thousands."""
    text = format(Decimal(repr(value)).normalize(), "f")
    whole, dot, fraction = text.partition(".")
    return f"{int(whole):,}{dot}{fraction}"
