"""Helpers for tests of `pitchcraft check` findings: edit a builder's text, find the line an
author would look at, and compare the *whole* list of findings with what is wanted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import Result

from builders import BODY, FRONT, ContentFolder
from pitchcraft.model import Content, Finding, Severity
from pitchcraft.render.findings import as_text

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def edit(text: str, old: str, new: str) -> str:
    """`text` with `old`, which must occur exactly once, replaced: a typo'd edit fails loudly."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def where(file: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of `needle` in the file as written; it must occur on one line."""
    lines = file.read_bytes().decode("utf-8", errors="replace").splitlines()
    hits = [(n, line.index(needle) + 1) for n, line in enumerate(lines, 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {[n for n, _ in hits]} of {file}"
    return hits[0]


def line_of(file: Path, needle: str) -> int:
    return where(file, needle)[0]


def lines_of(file: Path, needle: str) -> list[int]:
    """Every line that contains `needle`, for things written twice on purpose."""
    lines = file.read_text().splitlines()
    return [n for n, line in enumerate(lines, 1) if needle in line]


@dataclass(frozen=True)
class Want:
    """One expected finding: where, how bad, and the words the author must read."""

    file: Path
    line: int
    col: int | None
    """None where the column carries no meaning (a whole line, a missing thing)."""
    severity: Severity
    says: tuple[str, ...]
    hint: tuple[str, ...] = ()

    def matches(self, f: Finding) -> bool:
        return (
            f.path == self.file.as_posix()
            and f.line == self.line
            and (self.col is None or f.col == self.col)
            and f.severity is self.severity
            and all(word in f.message for word in self.says)
            and all(word in f.hint for word in self.hint)
        )


def want(file: Path, at: int | tuple[int, int], severity: Severity, says: str | tuple[str, ...],
         hint: str | tuple[str, ...] = ()) -> Want:
    line, col = at if isinstance(at, tuple) else (at, None)
    return Want(file, line, col, severity, _words(says), _words(hint))


def _words(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def assert_findings(content: Content, *wants: Want) -> None:
    """The findings are exactly `wants`, in the sorted order `check` prints them."""
    shown = "\n".join(as_text(f) for f in content.findings) or "(no findings)"
    assert len(content.findings) == len(wants), f"expected {len(wants)} findings, got:\n{shown}"
    for index, (finding, expected) in enumerate(zip(content.findings, wants, strict=True)):
        assert expected.matches(finding), (
            f"finding {index + 1} does not match\n  want: {expected}\n  got:  "
            f"{as_text(finding)}\nall findings:\n{shown}"
        )


def write_card(folder: ContentFolder, name: str = "card", front: str = FRONT,
               body: str = BODY) -> Path:
    return folder.card(name, front=front, body=body)


BIG = "1" + "0" * 400
"""A whole number of 401 digits: YAML reads it as an int that no float can hold."""


def assert_clean_exit(result: Result, code: int = 1) -> None:
    """Exit `code` through the CLI's own error path: no exception escaped, so no traceback."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    assert "Traceback" not in result.output
