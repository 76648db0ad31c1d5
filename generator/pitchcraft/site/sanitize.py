"""The last guard between card text and a rep's browser: an allowlist HTML sanitiser.

`check` already refuses scripts, event handlers and `javascript:` links in cards, line by line,
so authors learn early. Markdown can still spell the same thing in ways a line check cannot
see (an attribute on the next line, an entity-encoded scheme), so every generated page's HTML
is also cleaned by nh3 (the ammonia sanitiser) with only the tags and attributes that
Markdown, pymdownx and Pitchcraft's templates produce.

Card text must not name elements the theme's scripts look up (DOM clobbering): an `id` that
Material could read (all of Material's start with '_', e.g. `__config`) is prefixed with
`user-content-`, whether a card wrote it or Markdown made it from a heading, and Material's
`data-md-*` component attributes are dropped. (`check` refuses such names with their line,
together with Pitchcraft's own `finder`, `pc-` and `for-` names, which templates may use.)
HTML comments are dropped: a public card's notes to its authors never reach the public site.

Pagefind reads `data-pagefind-*` attributes from the built pages, and some would let a page
choose what its search result shows or links to (`data-pagefind-meta="url:..."`, `image`),
what is indexed (`data-pagefind-body`, `-index-attrs`) or how it ranks. Only the ones the
templates write pass (`PAGEFIND`): the filter and metadata keys of `search_facets`, a weight
that is a number from 0 to 10, and `data-pagefind-ignore` with its default meaning; every
other `data-pagefind-*`, or one of these with any other value, is dropped.
"""

from __future__ import annotations

import re
import zlib

import nh3

from ..load.html_policy import theme_reserved
from .search_facets import FILTERS, META

USER_PREFIX = "user-content-"

_TAGS = nh3.ALLOWED_TAGS | {"input", "label", "form", "select", "option", "button"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "hidden", "role", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "name", "checked", "value"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "th": {"style", "colspan", "rowspan"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start"},
}


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "mailto", "tel"},
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_attribute,
    )


def clean_compressed(html: str) -> bytes:
    """`clean_html`, compressed as the plugin holds it (`held_html`): what a worker process
    hands back is a sixth of the page."""
    return zlib.compress(clean_html(html).encode("utf-8"), 1)


_WEIGHT = re.compile(r"(10|[0-9])(\.[0-9]{1,2})?")

PAGEFIND = {
    "data-pagefind-filter": frozenset(FILTERS).__contains__,
    "data-pagefind-meta": frozenset(META).__contains__,
    "data-pagefind-weight": _WEIGHT.fullmatch,
    "data-pagefind-ignore": ("", "index").__contains__,
}
"""The Pagefind attributes a page may carry, each with the test its value must pass."""


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and theme_reserved(value):
        return USER_PREFIX + value
    if attribute.startswith("data-md-"):
        return None
    if attribute.startswith("data-pagefind"):
        allowed = PAGEFIND.get(attribute)
        return value if allowed is not None and allowed(value) else None
    return value
