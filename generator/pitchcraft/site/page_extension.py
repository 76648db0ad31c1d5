"""What the plugin does to each page, as a Python-Markdown extension every engine runs.

MkDocs, ProperDocs and Zensical all render a page's Markdown with Python-Markdown and the
extensions the configuration names, while only MkDocs and ProperDocs run plugins. A page of
the generated folder therefore says what it is in its first line, a mark written after its
front matter (`marked`): a generated page (card text inside: its HTML goes through the site's
sanitiser) or a page of the team's own docs folder (trusted: only its links to left-out pages
are unlinked, raw HTML included). The mark names the page's path, so links are judged as the
plugin judges them (`page_groups.keeps_link`). A page without a mark is left as it is.

The mark is removed before Markdown reads the page; if this extension is not configured, the
mark stays in the built page as a comment, which the build's check after the engine finds
(`MARK_PREFIX`), so a misconfigured build fails instead of publishing unsanitised card text.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from . import page_groups
from .links import LeftOutLinks, unlink_html
from .sanitize import clean_html

MARK_PREFIX = "<!-- pitchcraft-page "
_MARK = re.compile(r"<!-- pitchcraft-page (generated|docs) (\S+) -->")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)

_FIRST = 100
"""Before Python-Markdown's own preprocessors (whitespace, raw HTML blocks) see the lines."""
_LAST = -100
"""After every other postprocessor, raw HTML and other extensions' output back in place."""


def marked(path: str, markdown: str, generated: bool) -> str:
    """`markdown` with the mark that tells the extension which page it is, after any front
    matter (which every engine reads before Markdown does)."""
    mark = f"{MARK_PREFIX}{'generated' if generated else 'docs'} {path} -->\n"
    front = _FRONT_MATTER.match(markdown)
    at = front.end() if front else 0
    return markdown[:at] + mark + markdown[at:]


class _ReadMark(Preprocessor):
    def __init__(self, md: Markdown, owner: PageExtension) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, lines: list[str]) -> list[str]:
        self.owner.start_page(None, False)
        while lines and not lines[0].strip():
            lines = lines[1:]
        if lines and (found := _MARK.fullmatch(lines[0].strip())):
            self.owner.start_page(found.group(2), found.group(1) == "generated")
            return lines[1:]
        return lines


class _CleanPage(Postprocessor):
    def __init__(self, md: Markdown, owner: PageExtension) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, text: str) -> str:
        return self.owner.finish_page(text)


class PageExtension(Extension):
    """Configured with the page groups the build makes and the docs folder's pages (what the
    plugin knows from its configuration)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"groups": [[], "page groups this build makes"],
                       "docs": [[], "pages of the team's own docs folder"]}
        super().__init__(**kwargs)
        self.groups = tuple(self.getConfig("groups"))
        self.docs = frozenset(self.getConfig("docs"))
        self.links = LeftOutLinks()
        self.here: str | None = None
        self.generated = False

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_ReadMark(md, self), "pitchcraft_page", _FIRST)
        self.links.extendMarkdown(md)
        md.postprocessors.register(_CleanPage(md, self), "pitchcraft_clean", _LAST)

    def start_page(self, here: str | None, generated: bool) -> None:
        self.here, self.generated = here, generated
        if here is None:
            self.links.keeps = None
            return
        self.links.keeps = lambda href: page_groups.keeps_link(here, href, self.groups,
                                                                self.docs, generated)

    def finish_page(self, html: str) -> str:
        if self.here is None:
            return html
        if self.generated:
            return clean_html(html)
        url = page_url(self.here)
        return unlink_html(html, lambda href: page_groups.keeps_url(url, href, self.groups))


def page_url(path: str) -> str:
    """The address a page of the docs folder gets with directory URLs (every engine's
    default): `cards/x.md` -> `cards/x/`, `index.md` -> ``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def makeExtension(**kwargs: Any) -> PageExtension:
    return PageExtension(**kwargs)
