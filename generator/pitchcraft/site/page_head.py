"""Where content text leaves Pitchcraft for MkDocs and the theme: escaped, in one place.

Read this before adding a template or a page field. A page's title, description, tags and H1
are built here and only here (`page_head`); templates print the page body, which is Markdown
that the page sanitiser (site/sanitize.py) cleans after rendering.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it (its wheels do): the same text, a tenth of the
time, which was a tenth of writing 11,600 pages."""


def page_head(
    title: str, description: str, heading: str | None = None, **meta: Any
) -> tuple[str, str]:
    """A generated page's front matter and its H1: the one place content text becomes what
    MkDocs and the theme print outside the page body.

    Escaping is enforced here, not in templates. MkDocs and Material print a page's `title`
    and `description` unescaped into `<title>`, `<meta name="description">`, the nav, the
    header and the search index, and its `tags` into tag chips and `tags.json`; so each is
    HTML-escaped once, here, and templates never write a title, description, tags or H1 of
    their own (a new template cannot forget to escape them). Everything in the page body is
    Markdown that the page sanitiser (site/sanitize.py) cleans after rendering; names in
    headings and links are escaped for Markdown with the `md_text` filter (`markdown_text`).
    """
    fields: dict[str, Any] = {"title": _escape(title), "description": _escape(description)}
    if meta.get("tags"):
        meta["tags"] = [_escape(tag) for tag in meta["tags"]]
    fields.update(meta)
    front = yaml.dump(fields, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return front, f"# {markdown_text(heading or title)}"


def _escape(text: str) -> str:
    """HTML-escaped for element text and double-quoted attributes (the theme quotes every
    attribute with '"'); apostrophes stay, so search still matches "don't"."""
    return html.escape(text, quote=False).replace('"', "&quot;")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def markdown_text(text: object) -> str:
    """`text` shown as written when printed into Markdown: no HTML, emphasis, link or attribute
    list (`{: #id }`) can come of it, so a persona named `A {: #x }` cannot move tab anchors."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))
