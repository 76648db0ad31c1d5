"""Rep-only notes where Markdown becomes HTML: `RepNotes`, the Python-Markdown extension that
drops every note from a buyer's page, and `drop_html_notes`, which finds notes in HTML as a
browser parses it.

The page: `RepNotes` is a Python-Markdown extension that runs inside the Markdown instance
that renders the site (`page_setup`). For a buyer it drops every note from the parsed tree
(before the table of contents is made), then from the HTML it outputs (`drop_html_notes`),
raw HTML included. HTML is judged as a browser parses it, not as Python's `html.parser` does
(duplicate attributes, entities, `<div/>`, `<textarea>` and other raw-text elements differ):
an output that may name the class is first normalised by html5ever, the parser of the site's
sanitiser, and the notes are found and dropped in that normalised HTML, which is what the page
then holds. A public page, its search index (Material's reads the page's HTML when its context
is made, Pagefind the built files) and its sitemap are made from that HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .note_rule import is_note, may_hold


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
