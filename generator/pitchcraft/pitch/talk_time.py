"""How long a part takes to say out loud."""

from __future__ import annotations

import re

from ..load.rep_notes import buyer_text
from ..model import WORDS_PER_MINUTE

_WORD = re.compile(r"\w+(?:['\u2019.,-]\w+)*")
_LINK = re.compile(r"\]\([^)]*\)")


def spoken_words(markdown: str) -> int:
    """Words a rep would say: link targets, Markdown punctuation and rep-only notes are not
    spoken."""
    return len(_WORD.findall(_LINK.sub("]", buyer_text(markdown))))


def minutes(words: int) -> float:
    return round(words / WORDS_PER_MINUTE, 1)
