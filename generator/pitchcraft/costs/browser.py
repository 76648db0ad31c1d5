"""The cost model as JSON data for the page's cost-model.js: no formula text, no eval.

Each output's formula becomes reverse Polish notation, a flat list the script runs with a
stack; ledger figures are numbers already, and every number carries the `Format` decided in
`units`, so the page writes values exactly as the printed pitch does.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..model.costs import BinOp, Call, Expr, LedgerRef, Neg, Num, Ref
from .evaluate import Plan
from .units import format_for, spoken

SCRIPT_ID = "pc-cost-model"
"""The id of the `<script type="application/json">` element that carries the data."""


def rpn(tree: Expr, ledger: dict[str, float]) -> list[list[Any]]:
    """`tree` as steps: ["n", 0.38] pushes a number, ["v", name] a value, ["neg"] negates,
    ["+"] etc. combine the top two, ["min", 3] / ["max", 3] reduce the top three."""
    steps: list[list[Any]] = []

    def go(node: Expr) -> None:
        if isinstance(node, Num):
            steps.append(["n", node.value])
        elif isinstance(node, LedgerRef):
            steps.append(["n", ledger[node.id]])
        elif isinstance(node, Ref):
            steps.append(["v", node.name])
        elif isinstance(node, Neg):
            go(node.operand)
            steps.append(["neg"])
        elif isinstance(node, Call):
            for arg in node.args:
                go(arg)
            steps.append([node.func, len(node.args)])
        else:
            assert isinstance(node, BinOp)
            go(node.left)
            go(node.right)
            steps.append([node.op])
    go(tree)
    return steps


def browser_data(prepared: Plan) -> dict[str, Any]:
    model = prepared.model
    return {
        "version": 1,
        "inputs": [
            {"name": i.name, "label": i.label, "unit": i.unit, "default": i.default,
             "min": i.min, "max": i.max,
             "format": asdict(format_for(i.unit, i.decimals, model.units))}
            for i in model.inputs
        ],
        "outputs": [
            {"name": name, "label": output.label, "unit": output.unit,
             "format": asdict(spoken(format_for(output.unit, output.decimals, model.units))),
             "rpn": rpn(tree, prepared.ledger)}
            for name, tree in prepared.steps
            for output in [model.output(name)] if output
        ],
    }


def script_json(prepared: Plan) -> str:
    """The data, safe inside `<script type="application/json">`: '<', '>' and '&' are
    escaped, so no label can close the element or open a comment."""
    text = json.dumps(browser_data(prepared), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_element(prepared: Plan) -> str:
    """The whole element a template places once on the page, outside the sanitised card HTML
    (the sanitiser removes every script element)."""
    return (f'<script type="application/json" id="{SCRIPT_ID}">'
            f"{script_json(prepared)}</script>")
