"""Links to pages a build does not make become their text, on the parsed page.

This runs as a Markdown tree processor just before MkDocs' own link handling, so it sees
every kind of Markdown link (inline, reference-style, autolinks, links inside `md_in_html`
blocks) as the `<a>` elements MkDocs is about to check. Which links stay is decided by
`render.page_groups.keeps_link`; this module only applies it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

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
