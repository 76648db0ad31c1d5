"""The formula language: numbers, names, `ledger.<id>`, + - * /, unary minus, parentheses,
min() and max(). A hand-written tokenizer and recursive-descent parser, so every error has the
column of the offending character and nothing a card says is ever handed to `eval`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model.costs import BinOp, Call, Expr, FormulaError, LedgerRef, Neg, Num, Ref

MAX_LENGTH = 500
"""A cost formula fits on a line; a longer one is a mistake or an attack on the parser."""
MAX_DEPTH = 32
"""Nesting beyond this would only exhaust the stack; no real formula comes close."""
FUNCTIONS = ("min", "max")
LEDGER = "ledger"
RESERVED = frozenset({*FUNCTIONS, LEDGER})
"""Words a formula gives meaning to, so no input or output may be called by them."""
LANGUAGE = ("formulas use numbers (0.38, 1200000, 38%), input and output names, "
            "ledger.<id>, + - * /, parentheses, min(a, b) and max(a, b)")

TOO_LARGE = ("a cost model's numbers stay below 1e308, the largest a calculator can hold;"
             " check for pasted or repeated digits")

_NUMBER = re.compile(r"\d+(?:_\d{3})*(?:\.\d+)?%?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LEDGER_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_SPACE = re.compile(r"\s+")
_OPERATORS = frozenset("+-*/(),")
_HINTS = {
    "^": "there is no power operator; multiply the value by itself",
    "=": "a formula is only the right-hand side, without '='",
    "$": "write amounts as plain numbers (1200000); the unit says they are dollars",
    ",": "write 1200000 or 1_200_000; commas separate the arguments of min() and max()",
}


@dataclass(frozen=True)
class Token:
    kind: str
    """'num', 'name', 'ledger', an operator character, or 'end'."""
    text: str
    col: int
    """1-based column in the formula."""


def tokens(formula: str) -> list[Token]:
    if len(formula) > MAX_LENGTH:
        raise FormulaError(f"the formula is {len(formula)} characters long", MAX_LENGTH + 1,
                           f"keep a formula under {MAX_LENGTH} characters; split it into outputs")
    found: list[Token] = []
    at = 0
    while at < len(formula):
        char = formula[at]
        if space := _SPACE.match(formula, at):
            at = space.end()
        elif number := _NUMBER.match(formula, at):
            found.append(Token("num", number[0], at + 1))
            at = number.end()
        elif name := _NAME.match(formula, at):
            at = name.end()
            if name[0] == LEDGER and formula.startswith(".", at):
                ledger_id = _LEDGER_ID.match(formula, at + 1)
                if not ledger_id:
                    raise FormulaError("a ledger id is missing after 'ledger.'", at + 2,
                                       "write ledger.<id> with the id from evidence.yml")
                found.append(Token("ledger", ledger_id[0], name.start() + 1))
                at = ledger_id.end()
            else:
                found.append(Token("name", name[0], name.start() + 1))
        elif char in _OPERATORS:
            found.append(Token(char, char, at + 1))
            at += 1
        else:
            raise FormulaError(f"'{char}' is not part of a formula", at + 1,
                               _HINTS.get(char, LANGUAGE))
    found.append(Token("end", "", len(formula) + 1))
    return found


def parse(formula: str) -> Expr:
    """The formula as a tree, or FormulaError with the column of the first bad token."""
    parser = _Parser(tokens(formula))
    if parser.peek.kind == "end":
        raise FormulaError("the formula is empty", 1, LANGUAGE)
    tree = parser.sum(0)
    if parser.peek.kind != "end":
        raise parser.unexpected()
    return tree


class _Parser:
    """sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*;
    unary := '-' unary | atom; atom := number | name | ledger | call | '(' sum ')'."""

    def __init__(self, found: list[Token]) -> None:
        self.found, self.at = found, 0

    @property
    def peek(self) -> Token:
        return self.found[self.at]

    def take(self) -> Token:
        token = self.found[self.at]
        self.at += 1
        return token

    def unexpected(self) -> FormulaError:
        token = self.peek
        if token.kind == "end":
            return FormulaError("the formula ends too early", token.col,
                                "finish the last operation or close the parenthesis")
        if token.kind in ("num", "name", "ledger", "("):
            return FormulaError(f"'{token.text}' follows a value without an operator",
                                token.col, "put + - * or / between two values")
        return FormulaError(f"'{token.text}' is not expected here", token.col,
                            _HINTS.get(token.text, LANGUAGE))

    def sum(self, depth: int) -> Expr:
        left = self.product(depth)
        while self.peek.kind in ("+", "-"):
            op = self.take()
            left = BinOp(op.kind, left, self.product(depth), op.col)  # type: ignore[arg-type]
        return left

    def product(self, depth: int) -> Expr:
        left = self.unary(depth)
        while self.peek.kind in ("*", "/"):
            op = self.take()
            left = BinOp(op.kind, left, self.unary(depth), op.col)  # type: ignore[arg-type]
        return left

    def unary(self, depth: int) -> Expr:
        if self.peek.kind == "-":
            minus = self.take()
            self._deeper(depth, minus)
            return Neg(self.unary(depth + 1), minus.col)
        return self.atom(depth)

    def atom(self, depth: int) -> Expr:
        token = self.peek
        if token.kind == "num":
            self.take()
            return Num(number(token), token.col)
        if token.kind == "ledger":
            self.take()
            return LedgerRef(token.text, token.col)
        if token.kind == "name":
            self.take()
            if self.peek.kind == "(":
                return self.call(token, depth)
            if token.text in RESERVED:
                raise FormulaError(f"'{token.text}' needs "
                                   + ("'.<id>'" if token.text == LEDGER else "parentheses"),
                                   token.col, LANGUAGE)
            return Ref(token.text, token.col)
        if token.kind == "(":
            self.take()
            self._deeper(depth, token)
            inner = self.sum(depth + 1)
            self._close(token)
            return inner
        raise self.unexpected()

    def call(self, name: Token, depth: int) -> Expr:
        if name.text not in FUNCTIONS:
            raise FormulaError(f"there is no function '{name.text}'", name.col,
                               "the functions are min(a, b, ...) and max(a, b, ...)")
        opening = self.take()
        self._deeper(depth, opening)
        args = [self.sum(depth + 1)]
        while self.peek.kind == ",":
            self.take()
            args.append(self.sum(depth + 1))
        self._close(opening)
        if len(args) < 2:
            raise FormulaError(f"{name.text}() needs at least two values", name.col,
                               f"write {name.text}(a, b)")
        return Call(name.text, tuple(args), name.col)  # type: ignore[arg-type]

    def _close(self, opening: Token) -> None:
        if self.peek.kind != ")":
            if self.peek.kind == "end":
                raise FormulaError("a parenthesis is never closed", opening.col,
                                   "add the missing ')'")
            raise self.unexpected()
        self.take()

    def _deeper(self, depth: int, token: Token) -> None:
        if depth >= MAX_DEPTH:
            raise FormulaError(f"the formula nests deeper than {MAX_DEPTH} levels", token.col,
                               "split it into several outputs")


def number(token: Token) -> float:
    """A number token's value; FormulaError when it is too large for the arithmetic (a float
    is infinite from 309 digits on, and would reach the page and the deck as infinity)."""
    text = token.text.replace("_", "")
    value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    if not math.isfinite(value):
        digits = len(text.partition(".")[0].rstrip("%"))
        raise FormulaError(f"a number of {digits} digits is too large to compute with",
                           token.col, TOO_LARGE)
    return value


def walk(tree: Expr) -> list[Expr]:
    """Every node of `tree`, parents before children, without recursion."""
    nodes, stack = [], [tree]
    while stack:
        node = stack.pop()
        nodes.append(node)
        if isinstance(node, Neg):
            stack.append(node.operand)
        elif isinstance(node, BinOp):
            stack.extend((node.right, node.left))
        elif isinstance(node, Call):
            stack.extend(reversed(node.args))
    return nodes
