"""A step's headline and key lines, as a buyer reads them on a slide or a one-pager.

The card's own `headlines:` entry comes first. Without one, a whole clause is chosen from the
step's parsed text: a sentence, or the clause before a colon, semicolon or dash, of three to
`MAX_WORDS` words, that has a subject (never "Was proud of it.", "Watched the charge rise.")
and does not lean on the sentence before it ("It is...", "That means..."). A step whose text
offers none gets a plain title for its place in the pitch, never the method's name and never
an empty one.

Key lines are whole sentences, in the text's order: a sentence is shown whole or not at all.
"""

from __future__ import annotations

import re

MAX_WORDS = 10
"""Words in a chosen headline: two lines of a slide title."""
KEY_LINES = 4
"""Lines under a headline: more and the buyer reads instead of listening."""
KEY_WORDS = 70
"""Words under a headline in all; the rest is said, from the notes."""
LONG_SENTENCE = 40
"""A sentence longer than this stays in the talk track, not on the slide."""

FALLBACK = {
    "warmer": "What we keep hearing",
    "reframe": "A different way to see it",
    "rational-drowning": "What the numbers show",
    "emotional-impact": "What it looked like for one team",
    "cost-of-doing-nothing": "What waiting costs",
    "a-new-way": "A different way to work",
    "our-solution": "How we help",
    "proposal": "Our proposal",
    "evidence": "Where the figures come from",
    "concerns": "Your questions, answered",
}
"""A title for a step whose text offers no clause that fits: what the slide does for the buyer."""

_SENTENCE_END = re.compile("(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))"
                           "\\s+(?=[A-Z0-9\"'\u201c\u2018$€£(])")
_CLAUSE_END = re.compile("(?::|;| \u2014| \u2013) ")
_NO_SUBJECT = re.compile(
    r"^(?:was|were|is|are|am|be|been|had|has|have|did|does|do|got|gets|can|could|would|should|"
    r"will|may|might|must|and|but|or|nor|so|then|which|who|whose|whom|because|while|when|"
    r"where|if|although|though|unless|until|after|before|since|read|with|without|of|for|to|"
    r"in|on|at|by|from|as|than|not|just|only|also|even)\b", re.IGNORECASE)
_LEANS_BACK = re.compile(r"^(?:it|its|it's|that|this|these|those|they|them|he|she|his|her|"
                         r"there|here|such|both|each|one)\b", re.IGNORECASE)


def sentences(line: str) -> list[str]:
    """A paragraph's sentences: split after . ! or ? where the next one begins."""
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def _words(text: str) -> int:
    return len(text.split())


def _has_subject(clause: str) -> bool:
    first = clause.split()[0].strip("\"'\u201c\u2018(") if clause.split() else ""
    if not first or not first[0].isalnum() or _NO_SUBJECT.match(first):
        return False
    past = first.lower().endswith("ed") and len(first) > 4 and first[0].isupper()
    return not past  # "Watched ...", "Wanted ...": a sentence whose subject was the last one's


def _candidates(lines: list[str]) -> list[tuple[str, bool]]:
    """(clause, is the whole sentence) in text order."""
    found = []
    for line in lines:
        for sentence in sentences(line):
            found.append((sentence, True))
            head = _CLAUSE_END.split(sentence, maxsplit=1)
            if len(head) == 2:
                found.append((head[0], False))
    return found


def _tidy(clause: str) -> str:
    clause = clause.strip().rstrip(".:;,\u2014\u2013 ").strip()
    return clause[:1].upper() + clause[1:]


def choose_headline(key: str, lines: list[str]) -> tuple[str, str]:
    """The headline for a step without one of its own, and the sentence it is (when the whole
    sentence became the headline, so key lines can leave it out); '' when it is not one."""
    for clause, whole in _candidates(lines):
        if 3 <= _words(clause) <= MAX_WORDS and _has_subject(clause) \
                and not clause.endswith("?") and not _LEANS_BACK.match(clause):
            return _tidy(clause), clause if whole else ""
    return FALLBACK.get(key, FALLBACK["reframe"]), ""


def key_lines(lines: list[str], used: str = "") -> tuple[str, ...]:
    """Whole sentences for under the headline, in order, without the one it already says."""
    chosen: list[str] = []
    words = 0
    for line in lines:
        for sentence in sentences(line):
            if sentence == used or _words(sentence) > LONG_SENTENCE:
                continue
            if len(chosen) == KEY_LINES or words + _words(sentence) > KEY_WORDS:
                return tuple(chosen)
            chosen.append(sentence)
            words += _words(sentence)
    if not chosen:  # every sentence is long: the first one, whole, and a smaller font
        first = next((s for line in lines for s in sentences(line) if s != used), "")
        return (first,) if first else ()
    return tuple(chosen)
