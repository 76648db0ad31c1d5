"""A `Problem` as a `Finding` with the file's line and column, for `check` to report.

The loader knows where each front-matter value starts (its YAML positions); a problem inside a
formula adds its column within the formula, one more when the value is quoted. A block scalar
(`formula: >-`) spreads over lines, so its problems point at the field.
"""

from __future__ import annotations

from ..model import Finding, Severity
from ..model.costs import Problem
from .text import Reference


def finding(problem: Problem, path: str, line: int, col: int, source_line: str = "") -> Finding:
    """`line` and `col` (1-based) are where the problem's field (or key) starts in `path`, and
    `source_line` is that line of the file."""
    start = source_line[col - 1:col]
    if problem.column and start not in ("|", ">"):
        col += problem.column - 1 + (start in ("'", '"'))
    return Finding(path, line, col, Severity(problem.severity), problem.message, problem.hint)


def reference_finding(reference: Reference, path: str, first_line: int,
                      has_model: bool) -> Finding:
    """A `{cost: name}` in card text that names no figure; `first_line` is the text's line."""
    message = (f"'{{cost: {reference.name}}}' names no input or output of this card's"
               " cost model" if has_model else
               f"'{{cost: {reference.name}}}' but this card has no cost_model")
    hint = ("use a name from cost_model's inputs or outputs" if has_model else
            "declare a cost_model in the front matter, or write the figure itself")
    return Finding(path, first_line + reference.line, reference.column, Severity.ERROR,
                   message, hint)
