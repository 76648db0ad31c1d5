"""Split a card file into its YAML front matter and its Markdown body."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..model import Finding, Severity

FENCE = "---"


@dataclass(frozen=True)
class Split:
    front_matter: str
    front_matter_line: int
    """File line of the first front-matter line (the one after the opening fence)."""
    body: str
    body_line: int


def decode(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Text of a content file, or a finding that points at the first byte that is not UTF-8."""
    # Drop a byte-order mark first: editors do not show it, and offsets must not count it.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        # Editors count characters, not bytes: 'é' before the bad byte is one column.
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, [Finding(
            path, line, col, Severity.ERROR, f"file is not UTF-8 text (byte 0x{byte})",
            "save the file with UTF-8 encoding in your editor",
        )]


def split(text: str, path: str) -> tuple[Split | None, list[Finding]]:
    if not text.strip():
        return None, [Finding(
            path, 1, 1, Severity.ERROR, "file is empty",
            "start with front matter between two '---' lines; `pitchcraft new card` makes one",
        )]
    lines = text.splitlines()
    if lines[0].rstrip() != FENCE:
        return None, [Finding(
            path, 1, 1, Severity.ERROR, "no front matter",
            "the first line must be '---', followed by the card's fields and another '---'",
        )]
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return Split(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            ), []
    return None, [Finding(
        path, 1, 1, Severity.ERROR, "front matter is never closed",
        "add a line with just '---' after the last field, before the Markdown body",
    )]
