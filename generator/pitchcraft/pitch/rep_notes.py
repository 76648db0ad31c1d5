"""Rep-only notes: guidance a card gives the rep that the buyer must never see or hear.

A note is a Material admonition of type `rep`, anywhere in a section, a variant or an
objection answer:

    !!! rep "Rep only"
        We can discount up to 18 percent before legal review.

Notes are found in the one Markdown parse (`load.markdown_tree`), so `!!! rep` inside a code
block is text, not a note. Where a note ends follows the site's renderer (Python-Markdown's
admonition): its title line, then the lines indented four spaces more, also after blank lines.
`buyer_text` is the one function every buyer-facing output (public pages, talk time, a deck)
calls; `team_text` keeps the notes for the sales team, titled "For the rep".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..load.markdown_tree import Tree, parse_markdown
from ..model import Card
from .result import Part, Pitch

TITLE = "For the rep"
"""What the team sees above every note, whatever the author titled it."""
_DEFAULT_TITLES = frozenset({"", "rep only", "for the rep"})
_OPENING = re.compile(r'^([ \t]*)(?:!!!|\?\?\?\+?) ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
_MARKS = ("!!!", "???")


@dataclass(frozen=True)
class RepNote:
    text: str
    """The note's Markdown, without its indentation."""
    title: str
    line: int
    """0-based line of the `!!! rep` opening in the text it was found in."""
    end: int
    """0-based line after the note's last line."""


@dataclass(frozen=True)
class RepText:
    buyer: str
    """The text with every note removed: what the buyer may see and the rep says aloud."""
    notes: tuple[RepNote, ...]


def buyer_text(markdown: str) -> str:
    """The buyer-facing text of a card's Markdown: every rep-only note removed."""
    return split_notes(markdown).buyer


@lru_cache(maxsize=8192)
def split_notes(markdown: str) -> RepText:
    """The buyer's text and the notes; cached because every pitch times every part."""
    if not any(mark in markdown for mark in _MARKS):
        return RepText(markdown, ())
    lines = markdown.split("\n")
    notes = notes_in(parse_markdown(markdown))
    if not notes:
        return RepText(markdown, ())
    dropped = {n for note in notes for n in range(note.line, note.end)}
    kept = "\n".join(line for n, line in enumerate(lines) if n not in dropped)
    return RepText(re.sub(r"\n{3,}", "\n\n", kept).strip(), notes)


def team_text(markdown: str, shift: str = "") -> str:
    """The text for the sales team: notes in place, each titled "For the rep".

    `shift` is put before each line of a note, for text that a template indents less than
    the four spaces a block needs to stay inside a list item (see `card_for_team`).
    """
    notes = split_notes(markdown).notes
    if not notes:
        return markdown
    lines = markdown.split("\n")
    for note in notes:
        indent = re.match(r"[ \t]*", lines[note.line]).group(0)  # type: ignore[union-attr]
        own = "" if note.title.casefold() in _DEFAULT_TITLES else f": {note.title}"
        lines[note.line] = f'{indent}!!! rep "{TITLE}{own}"'
        for n in range(note.line, note.end):
            lines[n] = shift + lines[n] if lines[n].strip() else lines[n]
    return "\n".join(lines)


def reading_text(markdown: str) -> str:
    """The text for a Markdown talk track read outside the site: each note becomes a quote
    marked "For the rep, not to be read aloud", which any Markdown viewer shows set apart."""
    notes = split_notes(markdown).notes
    if not notes:
        return markdown
    lines = markdown.split("\n")
    for note in reversed(notes):
        quote = [f"> **{TITLE}, not to be read aloud:**", ">",
                 *[f"> {line}".rstrip() for line in note.text.split("\n")]]
        lines[note.line:note.end] = quote
    return "\n".join(lines)


def pitch_for_reading(pitch: Pitch) -> Pitch:
    """The pitch as `pitchcraft pitch --format md` prints it (see `reading_text`)."""
    def part(p: Part) -> Part:
        return replace(p, text=reading_text(p.text))

    return replace(
        pitch, steps=tuple(part(p) for p in pitch.steps),
        cost_of_inaction=part(pitch.cost_of_inaction), next_step=part(pitch.next_step),
        objections=tuple(replace(o, answer=reading_text(o.answer)) for o in pitch.objections))


def notes_in(tree: Tree) -> tuple[RepNote, ...]:
    """Every note in a parsed text, with its lines (see the module docstring)."""
    lines, tokens = tree.lines, tree.tokens
    found: list[RepNote] = []
    for index, token in enumerate(tokens):
        if token.type != "paragraph_open" or not token.map:
            continue
        start, end = token.map
        line = start
        while line < end:
            opening = _OPENING.match(lines[line])
            if not opening or opening.group(2).split()[0].lower() != "rep":
                line += 1
                continue
            depth = len(opening.group(1).expandtabs(4)) + 4
            stop = line + 1
            while stop < end and _indent(lines[stop]) >= depth:
                stop += 1
            if stop == end:  # the paragraph ends inside the note: indented blocks follow
                stop = _following_blocks(tokens, index + 3, token.level, stop)
            body = [text[depth:] if _indent(text) >= depth else text.strip()
                    for text in (x.expandtabs(4) for x in lines[line + 1:stop])]
            found.append(RepNote("\n".join(body).strip(), opening.group(3) or "", line, stop))
            line = stop
    return tuple(found)


def _following_blocks(tokens: list, index: int, level: int, stop: int) -> int:
    """Indented code blocks right after a note's paragraph are the note's later paragraphs."""
    while index < len(tokens) and tokens[index].type == "code_block" \
            and tokens[index].level == level and tokens[index].map:
        stop = tokens[index].map[1]
        index += 1
    return stop


def _indent(line: str) -> int:
    if not line.strip():
        return 10**6  # a blank line never ends a note's indented text
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def card_for_buyer(card: Card) -> Card:
    """The card with every note removed, for a public build."""
    return _map_card(card, buyer_text, buyer_text)


ANSWER_SHIFT = "  "
"""Pages show an objection's answer as a definition (`: answer`) whose later lines the
templates indent by two spaces; two more keep a note inside the answer, not after the list."""


def card_for_team(card: Card) -> Card:
    """The card with its notes titled "For the rep", for the internal site."""
    return _map_card(card, team_text, lambda text: team_text(text, ANSWER_SHIFT))


def card_notes(card: Card) -> tuple[RepNote, ...]:
    """Every note in the card's sections, variants and objection answers."""
    return tuple(note for text in _texts(card) for note in split_notes(text).notes)


def _texts(card: Card) -> list[str]:
    texts = [t for s in card.sections.values() for t in (s.text, *s.variants.values())]
    return texts + [o.answer for o in card.objections]


def _map_card(card: Card, change: Callable[[str], str], answer: Callable[[str], str]) -> Card:
    if not any(mark in text for text in _texts(card) for mark in _MARKS):
        return card
    sections = {
        name: replace(s, text=change(s.text),
                      variants={key: change(text) for key, text in s.variants.items()})
        for name, s in card.sections.items()
    }
    objections = tuple(replace(o, answer=answer(o.answer)) for o in card.objections)
    return replace(card, sections=sections, objections=objections)
