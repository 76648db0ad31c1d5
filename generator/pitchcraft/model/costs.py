"""The cost model as data: inputs, outputs, parsed formulas and the problems found in them.

Nothing here imports the rest of Pitchcraft, so the card model can hold a `CostModel`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Path_ = tuple[str | int, ...]
"""A place in the card's front matter, such as ('cost_model', 'outputs', 'x', 'formula')."""

ROOT: Path_ = ("cost_model",)


@dataclass(frozen=True)
class Num:
    value: float
    col: int


@dataclass(frozen=True)
class Ref:
    """An input or another output, by name."""

    name: str
    col: int


@dataclass(frozen=True)
class LedgerRef:
    """A ledger figure, spelled `ledger.<id>` in a formula."""

    id: str
    col: int


@dataclass(frozen=True)
class Neg:
    operand: Expr
    col: int


@dataclass(frozen=True)
class BinOp:
    op: Literal["+", "-", "*", "/"]
    left: Expr
    right: Expr
    col: int
    """Column of the operator, where a problem with the operation is shown."""


@dataclass(frozen=True)
class Call:
    func: Literal["min", "max"]
    args: tuple[Expr, ...]
    col: int


Expr = Num | Ref | LedgerRef | Neg | BinOp | Call


@dataclass(frozen=True)
class Input:
    """A number the buyer knows and the rep asks for, with a sensible range."""

    name: str
    label: str
    unit: str
    default: float
    min: float
    max: float
    decimals: int | None = None
    """How many decimals to show; None takes the unit's own."""


@dataclass(frozen=True)
class Output:
    name: str
    label: str
    unit: str
    formula: str
    decimals: int | None = None


@dataclass(frozen=True)
class DeclaredUnit:
    """A unit the content declares (the taxonomy's `units`), beside the built-in ones: a
    fleet vendor's `litres`, `km` or `trucks`. Each is its own unit in the unit check; its
    `dimension` (what it measures: volume, distance, count) names what two units of one
    dimension need when they are added: a conversion."""

    name: str
    dimension: str
    singular: str = ""
    """How it reads after 'per' ('$1.40 per litre'); '' takes the name."""
    decimals: int = 0
    line: int = 0


@dataclass(frozen=True)
class CostModel:
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    units: tuple[DeclaredUnit, ...] = ()
    """The units the content declares, put in by the loader once the taxonomy is read."""

    def input(self, name: str) -> Input | None:
        return next((i for i in self.inputs if i.name == name), None)

    def output(self, name: str) -> Output | None:
        return next((o for o in self.outputs if o.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return (*(i.name for i in self.inputs), *(o.name for o in self.outputs))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a cost model, placed for the loader to turn into a finding.

    `path` leads from the card's front matter to the field (look it up in the YAML positions);
    `column` is the 1-based column inside a formula (0 when the problem is the whole field) and
    `key` says the field's name, not its value, is at fault.
    """

    code: str
    message: str
    hint: str
    path: Path_ = ROOT
    column: int = 0
    key: bool = False
    severity: Literal["error", "warning"] = "error"


class FormulaError(ValueError):
    """A formula outside the language; `column` is 1-based within the formula."""

    def __init__(self, message: str, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.column, self.hint = message, column, hint
