"""Everything `check` reports about a cost model, as `Problem` values with their places."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping

from ..model import Evidence
from ..model.costs import (
    BinOp,
    CostModel,
    Expr,
    FormulaError,
    Input,
    LedgerRef,
    Output,
    Problem,
    Ref,
)
from . import dimensions, intervals
from .expr import LANGUAGE, RESERVED, TOO_LARGE, parse, walk
from .figures import figure_number, is_percentage, is_too_large
from .graph import order
from .units import UNIT_HELP, Declared, Dimension, dimension_name, spell, table, unit

NEAR_ZERO = 1e-9
"""A divisor this close to zero is zero that rounding missed (1 - 71% - 29%)."""


def analyse(model: CostModel, ledger: Mapping[str, Evidence], *,
            public: bool = False, cited: frozenset[str] | None = None) -> tuple[Problem, ...]:
    """Problems in `model`, inputs first; `public` for a card buyers can read, whose figures
    must not come from internal evidence; `cited`, the ledger ids the card's evidence cites:
    a figure a formula uses shows its source beside the computed row only when cited."""
    problems = [*_inputs(model), *_names(model)]
    trees: dict[str, Expr] = {}
    for output in model.outputs:
        if unit(output.unit, model.units) is None:
            problems.append(_unknown_unit(("outputs", output.name, "unit"), output.unit,
                                          model.units))
        try:
            trees[output.name] = parse(output.formula)
        except FormulaError as exc:
            problems.append(_at(output.name, exc.column, "syntax",
                                f"{output.name}: {exc.message}", exc.hint or LANGUAGE))
    for name, tree in trees.items():
        problems += _references(model, name, tree, ledger, public, cited)
    computable, cycles = order(trees)
    for cycle in cycles:
        ref = next(r for r in walk(trees[cycle[0]])
                   if isinstance(r, Ref) and r.name == cycle[1])
        problems.append(_at(cycle[0], ref.col, "cycle",
                            "outputs use each other in a circle: " + " -> ".join(cycle),
                            "compute one of them from inputs and ledger figures only"))
    if not problems:  # ranges and units mean something once every name resolves
        problems += _divisions(model, trees, computable, ledger)
        problems += _units(model, trees, computable, ledger)
    return tuple(problems)


def _at(output: str, column: int, code: str, message: str, hint: str,
        severity: str = "error") -> Problem:
    return Problem(code, message, hint, ("cost_model", "outputs", output, "formula"), column,
                   severity=severity)  # type: ignore[arg-type]


def _unknown_unit(path: tuple[str, ...], name: str, declared: Declared) -> Problem:
    """Names the units there are, built-in and declared, with the nearest as a guess."""
    known = list(table(declared))
    top, slash, bottom = name.partition("/")
    if slash:
        near_top = difflib.get_close_matches(top, known, n=1)
        near_bottom = difflib.get_close_matches(bottom, known, n=1)
        near = ([f"{(near_top or [top])[0]}/{(near_bottom or [bottom])[0]}"]
                if near_top or near_bottom else [])
    else:
        near = difflib.get_close_matches(name, known, n=1)
    guess = f"did you mean '{near[0]}'? " if near else ""
    own = (f"; declared in taxonomy.yml: {', '.join(d.name for d in declared)}"
           if declared else "; declare your own under `units:` in taxonomy.yml")
    return Problem("unknown-unit", f"unknown unit '{name}'",
                   f"{guess}built-in units: {UNIT_HELP}{own}", ("cost_model", *path))


def _inputs(model: CostModel) -> list[Problem]:
    problems = []
    for item in model.inputs:
        here = ("cost_model", "inputs", item.name)
        if unit(item.unit, model.units) is None:
            problems.append(_unknown_unit(("inputs", item.name, "unit"), item.unit,
                                          model.units))
        not_finite = [(field, value) for field in ("default", "min", "max")
                      if not math.isfinite(value := getattr(item, field))]
        for field, value in not_finite:
            problems.append(Problem(
                "number-too-large", f"{item.name}: {field} is "
                + ("not a number" if math.isnan(value) else "too large to compute with"),
                TOO_LARGE, (*here, field)))
        if not_finite:
            continue
        if item.min > item.max:
            problems.append(Problem(
                "min-above-max", f"{item.name}: min {item.min:g} is above max {item.max:g}",
                "swap them, or correct the one that is wrong", (*here, "min")))
        elif not item.min <= item.default <= item.max:
            problems.append(Problem(
                "default-outside-range",
                f"{item.name}: default {item.default:g} is outside {item.min:g} to {item.max:g}",
                "choose a default a typical buyer has, inside the range", (*here, "default")))
    return problems


def _names(model: CostModel) -> list[Problem]:
    problems = []
    inputs = {i.name for i in model.inputs}
    for kind, name in [*(("inputs", i.name) for i in model.inputs),
                       *(("outputs", o.name) for o in model.outputs)]:
        if name in RESERVED:
            problems.append(Problem("reserved-name", f"'{name}' is a word formulas use",
                                    "choose another name", ("cost_model", kind, name), key=True))
        elif kind == "outputs" and name in inputs:
            problems.append(Problem("duplicate-name", f"'{name}' is both an input and an output",
                                    "rename one of them", ("cost_model", kind, name), key=True))
    return problems


def _references(model: CostModel, output: str, tree: Expr, ledger: Mapping[str, Evidence],
                public: bool, cited: frozenset[str] | None) -> list[Problem]:
    problems = []
    known = model.names
    for node in sorted(walk(tree), key=lambda n: n.col):
        if isinstance(node, Ref) and node.name not in known:
            near = difflib.get_close_matches(node.name, known, n=1)
            problems.append(_at(output, node.col, "unknown-name",
                                f"{output}: unknown name '{node.name}'",
                                f"did you mean '{near[0]}'?" if near else
                                "use an input or output of this cost model"))
        elif isinstance(node, LedgerRef):
            entry = ledger.get(node.id)
            if entry is None:
                near = difflib.get_close_matches(node.id, list(ledger), n=1)
                problems.append(_at(output, node.col, "unknown-ledger",
                                    f"{output}: no ledger evidence with id '{node.id}'",
                                    f"did you mean 'ledger.{near[0]}'?" if near else
                                    "add it to evidence.yml or correct the id; to subtract,"
                                    " put spaces around '-'"))
            elif is_too_large(entry.figure):
                problems.append(_at(output, node.col, "number-too-large",
                                    f"{output}: ledger figure '{node.id}' is too large to"
                                    " compute with", TOO_LARGE))
            elif figure_number(entry.figure) is None:
                problems.append(_at(output, node.col, "ledger-not-number",
                                    f"{output}: ledger figure '{entry.figure}' ({node.id}) is"
                                    " not one number",
                                    "write the figure as one number with its unit, such as"
                                    " '38%' or '$1.2 million'"))
            elif public and entry.audience == "internal":
                problems.append(_at(output, node.col, "internal-ledger",
                                    f"{output}: '{node.id}' is internal evidence, and this"
                                    " public card would show numbers computed from it",
                                    "use public evidence, or make the card internal"))
            elif cited is not None and node.id not in cited:
                problems.append(_at(output, node.col, "uncited-ledger",
                                    f"{output}: uses ledger figure '{node.id}', which the"
                                    " card's evidence does not cite",
                                    f"add '- ref: {node.id}' under evidence:, so its source"
                                    " shows beside the computed row", "warning"))
    return problems


def _divisions(model: CostModel, trees: Mapping[str, Expr], computable: tuple[str, ...],
               ledger: Mapping[str, Evidence]) -> list[Problem]:
    numbers = {i: figure_number(e.figure) for i, e in ledger.items()}
    spans = {i.name: (i.min, i.max) for i in model.inputs}
    problems: list[Problem] = []
    for name in computable:
        def zero(node: BinOp, divisor: intervals.Interval, name: str = name) -> None:
            if divisor[0] <= NEAR_ZERO and divisor[1] >= -NEAR_ZERO:
                problems.append(_at(
                    name, node.col, "zero-divisor",
                    f"{name}: the divisor can be zero (it ranges from {divisor[0]:g} to"
                    f" {divisor[1]:g} over the inputs' ranges)",
                    "narrow the inputs' ranges so it cannot reach zero, or write the"
                    " divisor with each input once (spend * 0.5, not spend - spend * 0.5)"))
        spans[name] = intervals.span(trees[name], spans, numbers, zero)  # type: ignore[arg-type]
    return problems


def _units(model: CostModel, trees: Mapping[str, Expr], computable: tuple[str, ...],
           ledger: Mapping[str, Evidence]) -> list[Problem]:
    declared: dict[str, Dimension | None] = {}
    items: list[Input | Output] = [*model.inputs, *model.outputs]
    for item in items:
        found = unit(item.unit, model.units)
        declared[item.name] = found.dimension if found else None
    ratios = frozenset(i for i, e in ledger.items() if is_percentage(e.figure))
    problems: list[Problem] = []
    for name in computable:
        def mismatch(col: int, a: Dimension, b: Dimension, name: str = name) -> None:
            problems.append(_at(name, col, "unit-mismatch",
                                f"{name}: adds {spell(a)} to {spell(b)}",
                                _convert(a, b, model.units), "warning"))
        got = dimensions.dimension_of(trees[name], declared, ratios, mismatch)
        want = declared[name]
        if want is not None and got not in (None, dimensions.ANY) and got != want:
            problems.append(_at(name, 1, "unit-mismatch",
                                f"{name}: the formula gives {spell(got)} but the unit"  # type: ignore[arg-type]
                                f" says {spell(want)}",
                                "correct the unit, or the formula", "warning"))
    return problems


def _convert(a: Dimension, b: Dimension, declared: Declared) -> str:
    """The hint for a sum of two units: a conversion when both measure the same thing."""
    what = {dimension_name(spell(d), declared) for d in (a, b)}
    if len(what) == 1 and "" not in what:
        return (f"both measure {what.pop()}: convert one to the other first (a rate such as"
                " km/miles makes the conversion a figure of its own)")
    return "convert one side first, or check the units of the inputs"
