"""Rep-only notes: guidance a card gives the rep that the buyer must never see or hear.

A note is written as a Material admonition of type `rep`, anywhere in a section, a variant or
an objection answer, and in any container (a list item, a quote, a content tab, a
`<div markdown>`, a footnote, another admonition, a collapsible `???` block):

    !!! rep "Rep only"
        We can discount up to 18 percent before legal review.

**The one rule** (`note_rule.is_note`): an element is a note when `rep` is one of its classes, as a
browser reads the HTML, so `!!! rep`, `!!! warning rep`, `??? rep`, `{ .rep }`, raw
`<div class="rep">` (or `class="&#114;ep"`) and a `pymdownx.blocks` block with the class are
all notes. Authors write notes only as `!!! rep` or `??? rep` admonitions: `check` refuses any
other note (`uncut_note_line`), as only those can be cut from the text a buyer hears. A page
drops every note where the site's Markdown renders it (`note_html.RepNotes`).

Text outputs that never become HTML (talk time, a deck, `pitchcraft pitch`, the pull-request
comment) need the card's Markdown without its notes: `split_notes` cuts each note's lines out
of the source and accepts the cut only when a renderer that knows every block extension a site
may enable (`note_render`) finds no note left and the same words. A note it cannot cut
exactly, or a text it cannot finish, gives the buyer the renderer's words with the notes
dropped, as plain paragraphs (nothing, for the unfinished one). Every buyer-facing output
calls `buyer_text`; `team_text` keeps the notes for the team, titled "For the rep".
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Card
from .markdown_tree import Tree
from .note_html import RepNotes
from .note_render import Cache, note_titles
from .note_render import rendered as renderer_words
from .note_rule import MAY_HOLD, is_note, may_hold

REP_NOTES_EXTENSION = __name__
"""How `markdown_extensions` names the notes rule (see `makeExtension`)."""
TITLE = "For the rep"
"""What the team sees above every note, whatever the author titled it."""
_DEFAULT_TITLES = frozenset({"", "rep only", "for the rep"})
_OPENING = re.compile(
    r'^(?P<lead>(?:[ \t]*>[ ]?)*)(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?) ?'
    r'(?P<classes>[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<title>.*?)")? *$')
"""An admonition's or a collapsible block's first line, after any quote markers."""
_QUOTE = re.compile(r"[ \t]*>[ ]?")


@dataclass(frozen=True)
class RepNote:
    text: str
    """The note's Markdown, without its indentation or quote markers."""
    title: str
    line: int
    """0-based line of the note's opening (`!!! rep`) in the text it was found in."""
    end: int
    """0-based line after the note's last line."""
    prefix: str = ""
    """What stands before the opening's marker: quote markers and the container's indent."""
    opening: str = "!!! rep"
    """The opening's marker and classes as written, e.g. `??? rep` or `!!! warning rep`."""


@dataclass(frozen=True)
class RepText:
    buyer: str
    """The text with every note removed: what the buyer may see and the rep says aloud."""
    notes: tuple[RepNote, ...]
    exact: bool = True
    """False when a note could not be cut from the source and `buyer` is the renderer's words
    as plain paragraphs (see the module docstring)."""


def buyer_text(markdown: str) -> str:
    """The buyer-facing text of a card's Markdown: every rep-only note removed."""
    return split_notes(markdown).buyer


def split_notes(markdown: str) -> RepText:
    """The buyer's text and the notes; cached because every pitch times every part."""
    if not may_hold(markdown):
        return RepText(markdown, ())
    return _SPLITS.get(markdown, _split)


def _split(markdown: str) -> RepText:
    rendered = renderer_words(markdown)
    if rendered is None:  # nested past the renderer's stack: nothing is safe to say
        return RepText("", (), exact=False)
    found, words = rendered
    if not found:  # the renderer makes no note here (`!!! rep` in code is text)
        return RepText(markdown, ())
    lines = markdown.split("\n")
    notes = _openings(lines)
    cut = _cut(lines, notes)
    if _renders_as(cut.buyer, words):
        return cut
    notes = _confirmed(lines, notes)  # some opening was not a note: ask the renderer which
    cut = _cut(lines, notes)
    if _renders_as(cut.buyer, words):
        return cut
    return RepText(_escaped(words), notes, exact=False)


def _openings(lines: list[str]) -> list[RepNote]:
    """Each line that opens an admonition or collapsible block with the class `rep`, in any
    container, with the lines under it: those indented four spaces more than its marker
    (after the same quote markers), also after blank lines. Notes inside a note are part of
    it. The renderer then judges the cut (`split_notes`)."""
    found: list[RepNote] = []
    line = 0
    while line < len(lines):
        opening = _OPENING.match(lines[line])
        if not opening or not is_note(opening["classes"]):
            line += 1
            continue
        quotes = len(_QUOTE.findall(opening["lead"]))
        depth = len(opening["indent"].expandtabs(4)) + 4
        stop, body = line + 1, []
        while stop < len(lines):
            inner = _unquoted(lines[stop], quotes)
            if inner is None or (inner.strip() and _indent(inner) < depth):
                break
            body.append(inner.expandtabs(4)[depth:] if inner.strip() else "")
            stop += 1
        while stop > line + 1 and not body[-1]:  # blank lines after a note are not its own
            stop -= 1
            body.pop()
        opened = f'{opening["mark"]} {opening["classes"]}'
        found.append(RepNote("\n".join(body).strip(), opening["title"] or "", line, stop,
                             opening["lead"] + opening["indent"], opened))
        line = stop
    return found


def _unquoted(line: str, quotes: int) -> str | None:
    """The line inside `quotes` levels of quote markers; None if it is outside the quote."""
    for _ in range(quotes):
        marker = _QUOTE.match(line)
        if marker is None:
            return "" if not line.strip() else None
        line = line[marker.end():]
    return line


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _cut(lines: list[str], notes: list[RepNote]) -> RepText:
    if not notes:
        return RepText("\n".join(lines), ())
    dropped = {n for note in notes for n in range(note.line, note.end)}
    kept = "\n".join(line for n, line in enumerate(lines) if n not in dropped)
    return RepText(re.sub(r"\n{3,}", "\n\n", kept).strip(), tuple(notes))


def _confirmed(lines: list[str], notes: list[RepNote]) -> list[RepNote]:
    """The openings the renderer makes a note of: each is given a title of its own, and a
    note that carries it is that opening's."""
    marked = list(lines)
    for number, note in enumerate(notes):
        marked[note.line] = f'{note.prefix}{note.opening} "pcrepnote{number}x"'
    titles = note_titles("\n".join(marked))
    return [note for number, note in enumerate(notes) if f"pcrepnote{number}x" in titles]


def _renders_as(buyer: str, words: tuple[str, ...]) -> bool:
    """Whether the cut text renders with no note and the same words as the renderer gives
    the whole text with its notes dropped."""
    rendered = renderer_words(buyer)
    if rendered is None:
        return False
    found, cut_words = rendered
    return not found and " ".join(cut_words).split() == " ".join(words).split()


def _escaped(blocks: tuple[str, ...]) -> str:
    """Plain paragraphs that any Markdown renderer shows as the same words and nothing else."""
    def one(text: str) -> str:
        text = html.escape(" ".join(text.split()), quote=False)
        text = re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", text)
        if text[:1] and not text[0].isalnum() and text[0] not in "\\&":
            text = f"&#{ord(text[0])};{text[1:]}"  # `===`, `???`, `: ` open blocks
        return text
    return "\n\n".join(one(block) for block in blocks if block.strip())


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
        own = "" if note.title.casefold() in _DEFAULT_TITLES else f": {note.title}"
        lines[note.line] = f'{note.prefix}!!! rep "{TITLE}{own}"'
        for n in range(note.line, note.end):
            lines[n] = shift + lines[n] if lines[n].strip() else lines[n]
    return "\n".join(lines)


def reading_text(markdown: str) -> str:
    """The text for a Markdown talk track read outside the site: each note becomes a quote
    marked "For the rep, not to be read aloud", which any Markdown viewer shows set apart."""
    split = split_notes(markdown)
    if not split.notes and split.exact:
        return markdown
    if not split.exact:  # the buyer's words, then each note that could be found
        return "\n\n".join([split.buyer, *("\n".join(_quote(note, "")) for note in split.notes)])
    lines = markdown.split("\n")
    for note in reversed(split.notes):
        lines[note.line:note.end] = _quote(note, note.prefix)
    return "\n".join(lines)


def _quote(note: RepNote, prefix: str) -> list[str]:
    return [f"{prefix}> **{TITLE}, not to be read aloud:**", f"{prefix}>",
            *[f"{prefix}> {line}".rstrip() for line in note.text.split("\n")]]


def notes_in(tree: Tree) -> tuple[RepNote, ...]:
    """Every note in a parsed text, with its lines (see `split_notes`)."""
    return split_notes("\n".join(tree.lines)).notes


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
    if not any(may_hold(text) for text in _texts(card)):
        return card
    sections = {
        name: replace(s, text=change(s.text),
                      variants={key: change(text) for key, text in s.variants.items()})
        for name, s in card.sections.items()
    }
    objections = tuple(replace(o, answer=answer(o.answer)) for o in card.objections)
    return replace(card, sections=sections, objections=objections)


def makeExtension(**kwargs: bool) -> RepNotes:  # the name Python-Markdown loads
    """`markdown_extensions: [{pitchcraft.load.rep_notes: {drop: true}}]`, for an engine that
    names extensions instead of running the plugin."""
    return RepNotes(drop=bool(kwargs.get("drop", True)))


def uncut_note_line(markdown: str) -> int | None:
    """0-based line of a note in `markdown` that cannot be cut from it (not an `!!! rep` or
    `??? rep` admonition), for `check` to refuse; None if every note can be cut. The line is
    the first outside the cut notes that gives the class (`.rep`, `class="rep"`, `type: rep`),
    else the first that names `rep`, else the first."""
    split = split_notes(markdown)
    if split.exact:
        return None
    cut = {n for note in split.notes for n in range(note.line, note.end)}
    lines = [(n, html.unescape(line)) for n, line in enumerate(markdown.split("\n"))
             if n not in cut]
    for pattern in (_GIVES_CLASS, MAY_HOLD):
        for n, line in lines:
            if pattern.search(line):
                return n
    return 0


_GIVES_CLASS = re.compile(r"""(?:\.|class\s*=\s*["']?[^"'>]*?|(?:type|class)\s*:\s*)"""
                          r"""(?<![^\W_])rep(?![^\W_])""", re.IGNORECASE)


_SPLITS = Cache(32_000_000)
"""`split_notes` results: the buyer's text is at most the text, each note part of it."""
