"""Split a card body into its teaching-step sections, their variants and objections.

Headings come from the one Markdown parse of the body (`markdown_tree`): only `##` and `###`
headings outside code blocks and containers count, so a card can quote Markdown in a code
block (of any fence length, or indented) without creating sections by accident.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model import OBJECTIONS, SECTIONS, Finding, Objection, Section, Severity
from .markdown_tree import Tree, parse_markdown, top_headings

_VARIANT = re.compile(r"^for:[ \t]*(\S.*)$", re.IGNORECASE)
_BY_KEY = {s.casefold(): s for s in SECTIONS}


@dataclass
class _Open:
    name: str
    line: int
    lines: list[str] = field(default_factory=list)
    variants: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    objections: list[tuple[str, int, list[str]]] = field(default_factory=list)
    target: list[str] | None = None

    def __post_init__(self) -> None:
        self.target = self.lines


@dataclass(frozen=True)
class Body:
    sections: dict[str, Section]
    objections: tuple[Objection, ...]
    variant_lines: dict[tuple[str, str], int]
    """(section, variant key) -> line of its `### For:` heading, for the checks of the ids."""
    misnamed: frozenset[str] = frozenset()
    """Sections an unknown heading resembles: already reported, so not also "missing"."""


def parse_body(
    body: str, first_line: int, path: str, tree: Tree | None = None
) -> tuple[Body, list[Finding]]:
    findings: list[Finding] = []
    opened: list[_Open] = []
    misnamed: set[str] = set()
    current: _Open | None = None
    stray_line = 0
    tree = tree or parse_markdown(body)
    headings = top_headings(tree)
    lines, start = tree.lines, 0
    # The text between two headings goes to one place, so it is moved as one slice.
    for index in (*sorted(headings), len(lines)):
        heading = headings.get(index)
        if heading and heading[0] == 3 and current is None:
            continue  # a `###` before any section is text before the first section
        if current is None:
            if not stray_line:
                stray = next((n for n in range(start, index) if lines[n].strip()), None)
                stray_line = 0 if stray is None else first_line + stray
        else:
            assert current.target is not None
            current.target.extend(lines[start:index])
        if heading is None:
            break
        number, start = first_line + index, index + 1
        if heading[0] == 2:
            current = _start_section(heading[1], number, path, opened, misnamed, findings)
        else:
            assert current is not None
            _sub_heading(current, heading[1], number)

    if stray_line:
        findings.append(Finding(
            path, stray_line, 1, Severity.WARNING, "text before the first section is not used",
            "move it under a '## <section>' heading such as '## Reframe'",
        ))
    return _finish(opened, misnamed), findings


def _start_section(
    title: str, number: int, path: str, opened: list[_Open], misnamed: set[str],
    findings: list[Finding],
) -> _Open:
    """The section a `##` heading opens; a rejected heading gets one that is never used.

    Its text must go somewhere: left loose it would be reported again as text before the
    first section.
    """
    name = _BY_KEY.get(title.strip().casefold())
    if name is None:
        close = difflib.get_close_matches(title, SECTIONS, n=1, cutoff=0.5)
        hint = f"did you mean '## {close[0]}'?" if close else "sections: " + ", ".join(SECTIONS)
        findings.append(Finding(path, number, 1, Severity.ERROR,
                                f"unknown section '## {title}'", hint))
        misnamed.update(close)
        return _Open(title, number)
    if any(o.name == name for o in opened):
        findings.append(Finding(path, number, 1, Severity.ERROR,
                                f"section '## {name}' appears twice", "merge the two sections"))
        return _Open(name, number)
    section = _Open(name, number)
    opened.append(section)
    return section


def _sub_heading(current: _Open, title: str, number: int) -> None:
    if current.name == OBJECTIONS:
        current.objections.append((title.strip(), number, []))
        current.target = current.objections[-1][2]
        return
    variant = _VARIANT.match(title.strip())
    if variant:
        key = " ".join(variant.group(1).split())  # 'cfo  in  x' is 'cfo in x'
        current.variants[key] = (number, [])
        current.target = current.variants[key][1]
        return
    current.target = current.lines  # an ordinary sub-heading ends a variant
    current.lines.append(f"### {title}")


def _text(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _finish(opened: list[_Open], misnamed: set[str]) -> Body:
    sections: dict[str, Section] = {}
    objections: list[Objection] = []
    variant_lines: dict[tuple[str, str], int] = {}
    for o in opened:
        sections[o.name] = Section(
            name=o.name,
            text=_text(o.lines),
            variants={p: _text(lines) for p, (_, lines) in o.variants.items()},
            line=o.line,
        )
        variant_lines.update({(o.name, p): line for p, (line, _) in o.variants.items()})
        objections.extend(Objection(q, _text(a), line) for q, line, a in o.objections)
    return Body(sections, tuple(objections), variant_lines, frozenset(misnamed))
