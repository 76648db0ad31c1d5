"""Links to pages a build does not make become their text, on the parsed page.

This runs as a Markdown tree processor just before an engine's own link handling, so it sees
every kind of Markdown link (inline, reference-style, autolinks, links inside `md_in_html`
blocks) as the `<a>` elements MkDocs is about to check. Links written as raw HTML, which
MkDocs passes through unread, are found by an HTML parser on the rendered page
(`unlink_html`). Which links stay is decided by `site.page_groups`; this module applies it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

KeepsLink = Callable[[str], bool]
"""href -> whether the link stays, for the page being rendered."""

_BEFORE_MKDOCS = 1
"""MkDocs registers its link processor at priority 0; higher runs first."""


class _Unlink(Treeprocessor):
    def __init__(self, md: Markdown, owner: LeftOutLinks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        keeps = self.owner.keeps
        if keeps is None:
            return
        for element in root.iter("a"):
            href = element.get("href")
            if href is not None and not keeps(href):
                element.tag = "span"  # the text and any markup inside stay
                element.attrib.clear()


class LeftOutLinks(Extension):
    """Add to `markdown_extensions`; set `keeps` before each page is rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.keeps: KeepsLink | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Unlink(md, self), "pitchcraft_links", _BEFORE_MKDOCS)


def unlink_html(html: str, keeps: KeepsLink) -> str:
    """`html` with each `<a href>` that `keeps` refuses turned into a `<span>`."""
    finder = _Anchors(keeps)
    finder.feed(html)
    finder.close()
    if not finder.spans:
        return html
    starts = [0]
    for line in html.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    out, at = [], 0
    for (line, col), length, tag in finder.spans:
        begin = starts[line - 1] + col
        out += [html[at:begin], tag]
        at = begin + length
    return "".join([*out, html[at:]])


class _Anchors(HTMLParser):
    """Where the refused anchors' start and end tags are: ((line, column), length, new tag)."""

    def __init__(self, keeps: KeepsLink) -> None:
        super().__init__(convert_charrefs=True)
        self.keeps, self.open = keeps, False
        self.spans: list[tuple[tuple[int, int], int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href is not None and not self.keeps(href):
            self.spans.append((self.getpos(), len(self.get_starttag_text() or ""), "<span>"))
            self.open = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            line, col = self.getpos()
            self.spans.append(((line, col), len("</a>"), "</span>"))
            self.open = False
