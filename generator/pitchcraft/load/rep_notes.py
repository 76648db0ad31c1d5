"""Rep-only notes: guidance a card gives the rep that the buyer must never see or hear.

A note is written as a Material admonition of type `rep`, anywhere in a section, a variant or
an objection answer, and in any container (a list item, a quote, a content tab, a
`<div markdown>`, a footnote, another admonition, a collapsible `???` block):

    !!! rep "Rep only"
        We can discount up to 18 percent before legal review.

**The one rule** (`is_note`): an element is a note when `rep` is one of its classes, as a
browser reads the HTML, so `!!! rep`, `!!! warning rep`, `??? rep`, `{ .rep }`, raw
`<div class="rep">` (or `class="&#114;ep"`) and a `pymdownx.blocks` block with the class are
all notes. Authors write notes only as `!!! rep` or `??? rep` admonitions: `check` refuses any
other note (`uncut_note_line`), as only those can be cut from the text a buyer hears.

The page: `RepNotes` is a Python-Markdown extension that runs inside the Markdown instance
that renders the site (`page_setup`). For a buyer it drops every note from the parsed tree
(before the table of contents is made), then from the HTML it outputs (`drop_html_notes`),
raw HTML included. HTML is judged as a browser parses it, not as Python's `html.parser` does
(duplicate attributes, entities, `<div/>`, `<textarea>` and other raw-text elements differ):
an output that may name the class is first normalised by html5ever, the parser of the site's
sanitiser, and the notes are found and dropped in that normalised HTML, which is what the page
then holds. A public page, its search index (Material's reads the page's HTML when its context
is made, Pagefind the built files) and its sitemap are made from that HTML.

Text outputs that never become HTML (talk time, a deck, `pitchcraft pitch`, the pull-request
comment) need the card's Markdown without its notes: `split_notes` cuts each note's lines out
of the source and checks the cut against a renderer. That renderer is not the site's: a text
surface does not know which site will show the card, so it renders with every block extension
a site may enable (`TEXT_EXTENSIONS`, a superset of the site's), with `RepNotes` dropping the
notes, before and after the cut. Whatever any site would render as a note is one here; the
cut is accepted only when no note is left and the words are the same. A note whose lines
cannot be cut exactly (a class on a paragraph, raw HTML, a `///` block), or a text the
renderer cannot finish (nested past its stack), gives for the buyer the renderer's words with
the notes dropped, as escaped plain paragraphs (nothing, for the unfinished one): never a
note's words. `buyer_text` is the one function every buyer-facing output calls; `team_text`
keeps the notes for the sales team, titled "For the rep".
"""

from __future__ import annotations

import hashlib
import html
import re
import threading
import xml.etree.ElementTree as etree
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..model import Card
from .extensions import EXTENSIONS
from .markdown_tree import Tree

NOTE_CLASS = "rep"
"""The class that makes an element a rep-only note (the internal site styles it as a box)."""
REP_NOTES_EXTENSION = __name__
"""How `markdown_extensions` names the notes rule (see `makeExtension`)."""
TITLE = "For the rep"
"""What the team sees above every note, whatever the author titled it."""
_DEFAULT_TITLES = frozenset({"", "rep only", "for the rep"})
_MAY_HOLD = re.compile(r"(?<![^\W_])rep(?![^\W_])", re.IGNORECASE)
"""A text without `rep` as a word, once entities are decoded (`may_hold`), cannot give any
element the class: no render needed."""
_OPENING = re.compile(
    r'^(?P<lead>(?:[ \t]*>[ ]?)*)(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?) ?'
    r'(?P<classes>[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<title>.*?)")? *$')
"""An admonition's or a collapsible block's first line, after any quote markers."""
_QUOTE = re.compile(r"[ \t]*>[ ]?")


def is_note(classes: str | None) -> bool:
    """Whether an element with this `class` attribute is a rep-only note: the one rule."""
    return bool(classes) and NOTE_CLASS in str(classes).casefold().split()


def may_hold(text: str) -> bool:
    """Whether `text` (Markdown or HTML) may give an element the class, read with its
    entities decoded (`class="&#114;ep"` names it); False means it surely cannot."""
    return bool(_MAY_HOLD.search(text) or ("&" in text and _MAY_HOLD.search(html.unescape(text))))


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
    rendered = _rendered(markdown)
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
    titles = _note_titles("\n".join(marked))
    return [note for number, note in enumerate(notes) if f"pcrepnote{number}x" in titles]


def _renders_as(buyer: str, words: tuple[str, ...]) -> bool:
    """Whether the cut text renders with no note and the same words as the renderer gives
    the whole text with its notes dropped."""
    rendered = _rendered(buyer)
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


class RepNotes(Extension):
    """The rule applied where the site's Markdown renders: a public build adds it to
    `markdown_extensions` (`page_setup`).

    `drop=True` (a buyer's page) removes every note from the parsed tree, before the table of
    contents is made, and from the HTML output, where raw HTML is back in place
    (`drop_html_notes`); `found` is how many notes the last text had. `drop=False` only notes
    each note's title (`titles`)."""

    def __init__(self, drop: bool) -> None:
        super().__init__()
        self.drop = drop
        self.in_tree = 0
        self.in_html = 0
        self.titles: list[str] = []

    @property
    def found(self) -> int:
        return self.in_tree + self.in_html

    def reset(self) -> None:
        self.in_tree, self.in_html, self.titles = 0, 0, []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)  # `md.reset()` resets the counts
        # After attr_list (8) has set every class, before the table of contents (5) is made.
        md.treeprocessors.register(_TreeNotes(md, self), "pitchcraft_rep_notes", 6)
        # Last: after raw HTML (30), footnotes (25) and `&` (20) are back in the output.
        md.postprocessors.register(_HtmlNotes(md, self), "pitchcraft_rep_notes_html", -100)


def makeExtension(**kwargs: bool) -> RepNotes:  # the name Python-Markdown loads
    """`markdown_extensions: [{pitchcraft.load.rep_notes: {drop: true}}]`, for an engine that
    names extensions instead of running the plugin."""
    return RepNotes(drop=bool(kwargs.get("drop", True)))


class _TreeNotes(Treeprocessor):
    def __init__(self, md: Markdown, owner: RepNotes) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        owner = self.owner
        owner.in_tree, owner.titles = 0, []
        for parent in list(root.iter()):
            for child in list(parent):
                if not is_note(child.get("class")):
                    continue
                owner.in_tree += 1
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
            self.owner.in_html = 0
            return text
        kept, self.owner.in_html = drop_html_notes(text)
        return kept


def drop_html_notes(text: str) -> tuple[str, int]:
    """`text` (HTML) without the elements a browser would read as notes, and how many there
    were. HTML that may name the class is returned as html5ever normalised it (see the module
    docstring); any other is returned as it is."""
    if not may_hold(text):
        return text, 0
    normal = _as_browsers_read(text)
    spans = _note_spans(normal)
    out, at = [], 0
    for start, end in spans:
        out.append(normal[at:start])
        at = end
    return "".join([*out, normal[at:]]), len(spans)


_REMOVED = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext",
                      "noscript", "template", "svg", "math", "select"})
"""Elements the normalised HTML leaves out with all they hold. Their text is raw (html5ever
writes it unescaped, which `html.parser` would read as tags), or foreign content, or parsed
differently by browsers of different years (`<select>`): none belongs in a card, and dropping
them on a page that may hold a note drops nothing a buyer should read."""
_TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
"""Where html5ever can read a start tag: every element it makes has its name here."""
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]*")
_PLAIN_ATTRIBUTE = re.compile(r"[a-z_:][a-z0-9_:.-]*")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _as_browsers_read(text: str) -> str:
    """`text` parsed by html5ever (through nh3, as the sanitiser parses a page) and written
    out again: one attribute per name, entities decoded and escaped again, an end tag for every
    element that is not void, no comments. Every element it reads is kept with its class
    (names are gathered from the text first), except `_REMOVED` ones and those whose name
    `html.parser` could read differently, which go with their content."""
    names = {m.group(1).translate(_ASCII_LOWER).replace("\0", "\ufffd")
             for m in _TAG_NAME.finditer(text)}
    odd = {name for name in names if not _PLAIN_NAME.fullmatch(name)}
    removed = _REMOVED | odd
    return nh3.clean(text, tags=(names | nh3.ALLOWED_TAGS) - removed,
                     clean_content_tags=set(removed), attributes={},
                     generic_attribute_prefixes={""}, attribute_filter=_plain_attribute,
                     link_rel=None, strip_comments=True)


def _plain_attribute(element: str, attribute: str, value: str) -> str | None:
    return value if _PLAIN_ATTRIBUTE.fullmatch(attribute) else None


_VOID = frozenset({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
                   "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"})
"""The elements html5ever writes without an end tag."""


def _note_spans(normal: str) -> list[tuple[int, int]]:
    """Where the notes (outermost only) start and end in HTML `_as_browsers_read` wrote, where
    every element but a void one has its end tag; one without runs to the end of the text."""
    finder = _NoteElements(normal)
    finder.feed(normal)
    finder.close()
    if finder.open is not None:
        finder.spans.append((finder.open[2], len(normal)))
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
            self.open[1] += tag == self.open[0] and tag not in _VOID
            return
        if is_note(dict(attrs).get("class")):
            start = self._here()
            if tag in _VOID:
                self.spans.append((start, start + len(self.get_starttag_text() or "")))
            else:
                self.open = [tag, 1, start]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # html5ever writes no `/>`: kept for safety

    def handle_endtag(self, tag: str) -> None:
        if self.open is None or tag != self.open[0]:
            return
        self.open[1] -= 1
        if not self.open[1]:
            here = self._here()
            close = self.text.find(">", here)
            self.spans.append((self.open[2], len(self.text) if close < 0 else close + 1))
            self.open = None


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
    for pattern in (_GIVES_CLASS, _MAY_HOLD):
        for n, line in lines:
            if pattern.search(line):
                return n
    return 0


_GIVES_CLASS = re.compile(r"""(?:\.|class\s*=\s*["']?[^"'>]*?|(?:type|class)\s*:\s*)"""
                          r"""(?<![^\W_])rep(?![^\W_])""", re.IGNORECASE)


TEXT_EXTENSIONS: dict[str, dict[str, Any]] = {
    **EXTENSIONS,
    "abbr": {},
    "footnotes": {},
    "pymdownx.blocks.admonition": {"types": [
        "note", "attention", "caution", "danger", "error", "tip", "hint", "warning", "rep"]},
    "pymdownx.blocks.details": {},  # `/// details` with `type: rep`; admonitions own `/// rep`
    "pymdownx.blocks.caption": {},
    "pymdownx.blocks.definition": {},
    "pymdownx.blocks.html": {},
    "pymdownx.blocks.tab": {},
}
"""What the text surfaces render with: the extensions the generated pages need and every block
extension a site may add (footnotes, `///` blocks, ...), so that whatever a site could render
as a note is a note to them. Rendering more than a site does removes more, never less."""

_LOCAL = threading.local()
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
                     "pre", "tr", "td", "th", "dt", "dd", "summary", "details", "label",
                     "table", "ul", "ol", "br", "hr", "figure", "figcaption"})


def text_markdown(drop: bool) -> tuple[Markdown, RepNotes]:
    """A Markdown instance with `TEXT_EXTENSIONS` and the notes rule; one per thread, as
    Python-Markdown's instances are not thread-safe."""
    made = _LOCAL.__dict__.setdefault("made", {})
    if drop not in made:
        notes = RepNotes(drop)
        md = Markdown(extensions=[*TEXT_EXTENSIONS, notes],
                      extension_configs={k: dict(v) for k, v in TEXT_EXTENSIONS.items() if v})
        made[drop] = (md, notes)
    return made[drop]


class _Cache:
    """Results by the SHA-256 of the text they are for, least recently used out first once
    they hold `budget` characters: keys are 32 bytes however long a card is."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.held = 0
        self.items: OrderedDict[bytes, tuple[Any, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, text: str, make: Callable[[str], Any]) -> Any:
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key][0]
        value = make(text)
        size = len(text) + 64
        with self.lock:
            if key not in self.items and size <= self.budget:
                self.items[key] = (value, size)
                self.held += size
                while self.held > self.budget:
                    _, (_, dropped) = self.items.popitem(last=False)
                    self.held -= dropped
        return value


_SPLITS = _Cache(32_000_000)
"""`split_notes` results: the buyer's text is at most the text, each note part of it."""
_RENDERS = _Cache(32_000_000)


def _rendered(markdown: str) -> tuple[int, tuple[str, ...]] | None:
    """How many notes the text renderer makes of `markdown`, and the words of each block it
    shows a buyer (notes dropped); None when it cannot finish (nested past its stack)."""
    return _RENDERS.get(markdown, _render)


def _render(markdown: str) -> tuple[int, tuple[str, ...]] | None:
    md, notes = text_markdown(drop=True)
    try:
        output = md.reset().convert(markdown)
    except RecursionError:
        return None
    blocks = _Blocks()
    blocks.feed(output)
    blocks.close()
    return notes.found, tuple(blocks.done())


def _note_titles(markdown: str) -> list[str]:
    md, notes = text_markdown(drop=False)
    try:
        md.reset().convert(markdown)
    except RecursionError:
        return []
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
