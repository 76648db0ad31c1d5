"""A slide's line split into sentences, for a headline that fits.

The words themselves come from `render.terminal_text.text_lines`, the same Markdown parse the
terminal pitch is printed from.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'$€£])")


def sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(line) if s]
