"""Rep-only notes: guidance a card gives the rep that the buyer must never see or hear.

A note is written as a Material admonition of type `rep`, anywhere in a section, a variant or
an objection answer, and in any container the site's Markdown knows (a list item, a quote, a
content tab, a `<div markdown>`, another admonition, a collapsible `???` block):

    !!! rep "Rep only"
        We can discount up to 18 percent before legal review.

**The one rule** (`is_note`): an element the site's renderer makes is a note when `rep` is one
of its classes, so `!!! rep`, `!!! warning rep`, `??? rep`, `{ .rep }` and raw
`<div class="rep">` are all notes. The rule is applied to what the renderer makes, never to a
second reading of the source: `RepNotes` is a Python-Markdown extension that runs inside the
Markdown instance that renders the site (`page_setup`), and for a buyer it drops every note
from the parsed tree (before the table of contents is made) and from the HTML it outputs
(raw HTML included). A public page, its search index (Material's or Pagefind's) and its
sitemap are made from that HTML.

Text outputs that never become HTML (talk time, a deck, `pitchcraft pitch`) need the card's
Markdown without its notes: `split_notes` cuts each note's lines out of the source and checks
the cut against the renderer. The same text is rendered by the site's Markdown, with
`RepNotes` dropping the notes, before and after the cut; the cut is accepted only when no note
is left and the words are the same. A note whose lines cannot be cut exactly (a class on a
paragraph, raw HTML) gives, for the buyer, the renderer's own words with the notes dropped, as
escaped plain paragraphs: never a note's words. `buyer_text` is the one function every
buyer-facing output calls; `team_text` keeps the notes for the sales team, titled "For the rep".
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..load.markdown_tree import Tree
from ..model import Card
from ..site_config import EXTENSIONS
from .result import Part, Pitch

NOTE_CLASS = "rep"
REP_NOTES_EXTENSION = __name__
"""How `markdown_extensions` names the notes rule (see `makeExtension`)."""
"""The class that makes an element a rep-only note (the internal site styles it as a box)."""
TITLE = "For the rep"
"""What the team sees above every note, whatever the author titled it."""
_DEFAULT_TITLES = frozenset({"", "rep only", "for the rep"})
_MAY_HOLD = re.compile(r"(?<![^\W_])rep(?![^\W_])", re.IGNORECASE)
"""A text without `rep` as a word cannot give any element the class: no render needed."""
_OPENING = re.compile(
    r'^(?P<lead>(?:[ \t]*>[ ]?)*)(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?) ?'
    r'(?P<classes>[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<title>.*?)")? *$')
"""An admonition's or a collapsible block's first line, after any quote markers."""
_QUOTE = re.compile(r"[ \t]*>[ ]?")


def is_note(classes: str | None) -> bool:
    """Whether an element with this `class` attribute is a rep-only note: the one rule."""
    return bool(classes) and NOTE_CLASS in str(classes).casefold().split()


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


@lru_cache(maxsize=8192)
def split_notes(markdown: str) -> RepText:
    """The buyer's text and the notes; cached because every pitch times every part."""
    if not _MAY_HOLD.search(markdown):
        return RepText(markdown, ())
    found, words = _rendered(markdown)
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
    titles = _note_titles("\n".join(marked))
    return [note for number, note in enumerate(notes) if f"pcrepnote{number}x" in titles]


def _renders_as(buyer: str, words: tuple[str, ...]) -> bool:
    """Whether the cut text renders with no note and the same words as the renderer gives
    the whole text with its notes dropped."""
    found, cut_words = _rendered(buyer)
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


def pitch_for_reading(pitch: Pitch) -> Pitch:
    """The pitch as `pitchcraft pitch --format md` prints it (see `reading_text`)."""
    def part(p: Part) -> Part:
        return replace(p, text=reading_text(p.text))

    return replace(
        pitch, steps=tuple(part(p) for p in pitch.steps),
        cost_of_inaction=part(pitch.cost_of_inaction), next_step=part(pitch.next_step),
        objections=tuple(replace(o, answer=reading_text(o.answer)) for o in pitch.objections))


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
    if not any(_MAY_HOLD.search(text) for text in _texts(card)):
        return card
    sections = {
        name: replace(s, text=change(s.text),
                      variants={key: change(text) for key, text in s.variants.items()})
        for name, s in card.sections.items()
    }
    objections = tuple(replace(o, answer=answer(o.answer)) for o in card.objections)
    return replace(card, sections=sections, objections=objections)


class RepNotes(Extension):
    """The rule applied where the site's Markdown renders: a public build adds it to
    `markdown_extensions` (`page_setup`).

    `drop=True` (a buyer's page) removes every note from the parsed tree, before the table of
    contents is made, and from the HTML output, where raw HTML is back in place; `found` is
    how many notes the last text had. `drop=False` only notes each note's title (`titles`)."""

    def __init__(self, drop: bool) -> None:
        super().__init__()
        self.drop = drop
        self.found = 0
        self.titles: list[str] = []

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8) has set every class, before the table of contents (5) is made.
        md.treeprocessors.register(_TreeNotes(md, self), "pitchcraft_rep_notes", 6)
        # After raw HTML (30) is back in the output.
        md.postprocessors.register(_HtmlNotes(md, self), "pitchcraft_rep_notes_html", 25)


def makeExtension(**kwargs: bool) -> RepNotes:  # the name Python-Markdown loads
    """`markdown_extensions: [{pitchcraft.pitch.rep_notes: {drop: true}}]`, for an engine that
    names extensions instead of running the plugin."""
    return RepNotes(drop=bool(kwargs.get("drop", True)))


class _TreeNotes(Treeprocessor):
    def __init__(self, md: Markdown, owner: RepNotes) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        owner = self.owner
        owner.found, owner.titles = 0, []
        for parent in list(root.iter()):
            for child in list(parent):
                if not is_note(child.get("class")):
                    continue
                owner.found += 1
                owner.titles.append("".join(child[0].itertext()) if len(child) else "")
                if owner.drop:
                    _remove(parent, child)


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """`child` out of `parent`; the text after it (its tail) stays."""
    if child.tail:
        at = list(parent).index(child)
        if at:
            before = parent[at - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


class _HtmlNotes(Postprocessor):
    def __init__(self, md: Markdown, owner: RepNotes) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, text: str) -> str:
        if not self.owner.drop:  # the team's Markdown keeps raw HTML as written
            return text
        spans = note_spans(text)
        self.owner.found += len(spans)
        if not self.owner.drop or not spans:
            return text
        out, at = [], 0
        for start, end in spans:
            out.append(text[at:start])
            at = end
        return "".join([*out, text[at:]])


_CLASS = re.compile(r"""class\s*=\s*(?:"[^"]*|'[^']*|[^\s>"']*)(?<![^\W_])rep(?![^\W_])""",
                    re.IGNORECASE)
"""A class attribute that may name `rep`: most pages have none, and are not parsed again."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where HTML elements that are notes start and end in `text` (outermost only); one
    without its end tag runs to the end of the text."""
    if not _CLASS.search(text):
        return []
    finder = _NoteElements(text)
    finder.feed(text)
    finder.close()
    if finder.open is not None:
        finder.spans.append((finder.open[2], len(text)))
    return finder.spans


class _NoteElements(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = [0]
        for line in text.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.open: list | None = None
        """[tag, how many of that tag are open, where the note starts]"""

    def _here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open is not None:
            self.open[1] += tag == self.open[0]
            return
        if is_note(dict(attrs).get("class")):
            start = self._here()
            if tag in _VOID:
                self.spans.append((start, start + len(self.get_starttag_text() or "")))
            else:
                self.open = [tag, 1, start]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open is None and is_note(dict(attrs).get("class")):
            start = self._here()
            self.spans.append((start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        if self.open is None or tag != self.open[0]:
            return
        self.open[1] -= 1
        if not self.open[1]:
            here = self._here()
            close = self.text.find(">", here)
            self.spans.append((self.open[2], len(self.text) if close < 0 else close + 1))
            self.open = None


_LOCAL = threading.local()
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
                     "pre", "tr", "td", "th", "dt", "dd", "summary", "details", "label",
                     "table", "ul", "ol", "br", "hr"})


def site_markdown(drop: bool) -> tuple[Markdown, RepNotes]:
    """A Markdown instance with the extensions the site's pages render with, and the notes
    rule; one per thread, as Python-Markdown's instances are not thread-safe."""
    made = _LOCAL.__dict__.setdefault("made", {})
    if drop not in made:
        notes = RepNotes(drop)
        md = Markdown(extensions=[*EXTENSIONS, notes],
                      extension_configs={k: dict(v) for k, v in EXTENSIONS.items() if v})
        made[drop] = (md, notes)
    return made[drop]


@lru_cache(maxsize=8192)
def _rendered(markdown: str) -> tuple[int, tuple[str, ...]]:
    """How many notes the site's renderer makes of `markdown`, and the words of each block
    it shows a buyer (notes dropped)."""
    md, notes = site_markdown(drop=True)
    notes.found = 0
    output = md.reset().convert(markdown)
    blocks = _Blocks()
    blocks.feed(output)
    blocks.close()
    return notes.found, tuple(blocks.done())


def _note_titles(markdown: str) -> list[str]:
    md, notes = site_markdown(drop=False)
    notes.found, notes.titles = 0, []
    md.reset().convert(markdown)
    return notes.titles


class _Blocks(HTMLParser):
    """The text of each block of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def done(self) -> list[str]:
        self._flush()
        return self.blocks
