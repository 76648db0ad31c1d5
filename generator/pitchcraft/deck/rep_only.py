"""Card text a buyer may see: without `!!! rep "Rep only"` notes.

A card marks what only the rep should read with a `rep` admonition (`!!! rep`, or the
collapsible `??? rep` / `???+ rep`): the line and every indented or blank line after it. A
deck's slides and its speaker notes travel with the file when a rep sends it, so neither may
hold those notes.
"""

from __future__ import annotations

import re

_REP = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+rep(?:[ \t].*)?$")


def without_rep_notes(text: str) -> str:
    kept: list[str] = []
    inside: int | None = None
    for line in text.split("\n"):
        if inside is not None:
            indent = len(line) - len(line.lstrip(" \t"))
            if not line.strip() or indent > inside:
                continue
            inside = None
        opened = _REP.match(line)
        if opened:
            inside = len(opened["indent"])
            continue
        kept.append(line)
    return "\n".join(kept).strip()
