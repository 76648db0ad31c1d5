"""The top of a persona's tab: what a rep reads on a phone in the half minute before a meeting.

The insight's headline, the reframe in a sentence or two, the two figures that matter most to
this persona, and the next step. Everything comes from the composed pitch, so the persona's
variants (reframe, next step) and its metric-first order of the evidence already apply: the
figures are the first two of `Pitch.research`, which `compose` orders by the persona's metrics.

The summary is what a rep says first, so it follows the pitch's order: it quotes research only,
never our customers' results or an internal figure, which belong from Our solution on (and
`check` keeps product names out of the reframe it quotes).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..load.markdown_tree import parse_markdown
from ..model import Audience, Evidence
from .result import Pitch

FIGURES = 2
"""How many figures the summary shows: enough to make the point, few enough to remember."""
MAX_WORDS = 25
"""A second sentence joins the first only while the two stay this short (about 11 seconds)."""

_NOT_SAID = ("!!!", "???", "|", "<")
"""Paragraph openings that are not prose a rep says: admonitions (also rep-only notes) and
tables, which CommonMark reads as paragraphs, and inline HTML."""
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)*_]*(?=\s)")


@dataclass(frozen=True)
class Summary:
    """One persona's pitch in four lines; every text is Markdown from the card or taxonomy."""

    headline: str
    reframe: str
    figures: tuple[Evidence, ...]
    next_step: str


def summarize(pitch: Pitch) -> Summary:
    reframe = next((s.text for s in pitch.steps if s.key == "reframe"), "")
    return Summary(
        headline=pitch.card.title,
        reframe=lead_sentences(reframe),
        figures=tuple(e for e in pitch.research
                      if e.audience != Audience.INTERNAL and _is_a_number(e.figure))[:FIGURES],
        next_step=lead_sentences(pitch.next_step.text),
    )


def _is_a_number(figure: str) -> bool:
    """A figure a rep can quote ("38%", "$1.2 million"), not a label such as "Worked example"."""
    return any(character.isdigit() for character in figure)


def lead_sentences(markdown: str, max_words: int = MAX_WORDS) -> str:
    """The first sentence of the first prose paragraph, and the second while both are short.

    A paragraph that is a list item or quote loses its marker; admonitions, headings, tables
    and code are skipped, so a rep-only note at the top of a section never leads the summary.
    """
    paragraph = _first_prose(markdown)
    ends = [m.end() for m in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]
    first = paragraph[: ends[0]].strip()
    two = paragraph[: ends[1]].strip() if len(ends) > 1 else first
    return two if len(two.split()) <= max_words else first


def _first_prose(markdown: str) -> str:
    """The first paragraph of the parse: the parser has already taken off list and quote
    markers and left headings, code and HTML blocks out of paragraphs."""
    tokens = parse_markdown(markdown).tokens
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "paragraph_open" and not inline.content.startswith(_NOT_SAID):
            return " ".join(inline.content.split())
    return ""
