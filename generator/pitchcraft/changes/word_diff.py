"""A changed step in a sentence or two: the words that changed, marked, in the sentences that
hold them, so a reviewer reads `about $456,000 -> $492,000 a year` instead of two paragraphs.

Pure text: the step's Markdown is read as the terminal reads it (`render.terminal_text.plain`:
emphasis and links gone, rep-only notes boxed off), split into words, and compared word by
word with `difflib`. How the marks look is the template's choice (struck and bold in a
pull-request comment, `[-old-]{+new+}` in a terminal).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..load.rep_notes import split_notes
from ..render.terminal_text import plain

SAME, OLD, NEW = "same", "old", "new"
GAP = "…"
_END = (".", "!", "?", ".)", ".\"", ":")


@dataclass(frozen=True)
class Segment:
    kind: str
    """same, old (only before) or new (only after); `GAP` text stands for left-out sentences."""
    text: str


def changed_words(before: str | None, after: str | None) -> tuple[Segment, ...]:
    """The sentences of `after` (and of `before`) that changed, with the changed words
    marked; sentences that did not change are one `…` between those that did."""
    old, new = _words(before), _words(after)
    items: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            items += [(SAME, w) for w in new[j1:j2]]
            continue
        items += [(OLD, w) for w in old[i1:i2]] + [(NEW, w) for w in new[j1:j2]]
    return _merge(_changed_sentences(items))


def has_notes(before: str | None, after: str | None) -> bool:
    """Whether either text holds a rep-only note: such a step is shown whole, each note set
    apart as the rep's own, never flattened into a sentence a reader could take as spoken."""
    return any(text and (split_notes(text).notes or not split_notes(text).exact)
               for text in (before, after))


def _words(text: str | None) -> list[str]:
    return plain(text, width=1_000_000).split() if text else []


def _changed_sentences(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    sentences: list[tuple[list[tuple[str, str]], bool]] = []
    current: list[tuple[str, str]] = []
    changed = False
    for kind, word in items:
        current.append((kind, word))
        changed = changed or kind != SAME
        if kind == SAME and word.endswith(_END):
            sentences.append((current, changed))
            current, changed = [], False
    if current:
        sentences.append((current, changed))
    kept: list[tuple[str, str]] = []
    skipped = False
    for number, (words, was_changed) in enumerate(sentences):
        if not was_changed:
            skipped = True
            continue
        if skipped or (number and not kept):
            kept.append((SAME, GAP))
        kept += words
        skipped = False
    if skipped and kept:
        kept.append((SAME, GAP))
    return kept


def _merge(items: list[tuple[str, str]]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for kind, word in items:
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, f"{segments[-1].text} {word}")
        else:
            segments.append(Segment(kind, word))
    return tuple(segments)
