"""Characters no reader can see and no feed or deck can hold, wherever content has them.

A raw control character in YAML is already refused by the YAML reader; these checks find
what gets past it: a quoted value's escape (`"\\e[31m"`, `"\\uFFFE"`) and any such character
in a card's Markdown body. The builds replace them (`escape.xml_text`), so this is the author's
chance to see and remove them, not what keeps a build alive.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..escape.xml_text import UNSAFE, kind_of
from ..model import Finding, Severity
from .yaml_positions import Positions

_HINT = "delete it: it is invisible in most editors, and feeds and decks cannot show it"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} ({kind_of(char)})"


def _escape(char: str) -> str:
    """How YAML's double-quoted style writes the character."""
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else (
        f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")


def field_findings(data: object, positions: Positions, path: str) -> list[Finding]:
    """One finding per text value (or key) of a YAML file that holds such a character, at
    the value: the character was written as an escape, so the value is what to look at."""
    found: list[tuple[tuple, str]] = []
    _strings(data, (), found)
    findings = []
    for at, value in found:
        line, col = positions.at(at)
        field = ".".join(str(k) for k in at) or "the file"
        bad = UNSAFE.search(value)
        assert bad is not None
        findings.append(Finding(
            path, line, col, Severity.ERROR, f"{_name(bad.group())} in '{field}'",
            f"{_HINT}; in a quoted value, remove the escape that writes it"
            f" ({_escape(bad.group())})"))
    return findings


def body_findings(lines: Sequence[str], first_line: int, path: str) -> list[Finding]:
    """One finding per line of Markdown that holds such a character, at the first of them.

    `lines` are the file's lines as an editor counts them; `first_line` is the body's first.
    """
    findings = []
    for number, line in enumerate(lines[first_line - 1:], start=first_line):
        bad = UNSAFE.search(line)
        if bad is not None:
            more = len(UNSAFE.findall(line)) - 1
            also = f" and {more} more on this line" if more else ""
            findings.append(Finding(path, number, bad.start() + 1, Severity.ERROR,
                                    f"{_name(bad.group())} in the text{also}", _HINT))
    return findings


def _strings(node: object, at: tuple, found: list[tuple[tuple, str]]) -> None:
    if isinstance(node, str):
        if UNSAFE.search(node):
            found.append((at, node))
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and UNSAFE.search(key):
                found.append((at, key))
            _strings(value, (*at, key), found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _strings(value, (*at, index), found)
