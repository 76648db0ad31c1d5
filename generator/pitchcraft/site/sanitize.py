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
"""

from __future__ import annotations

import zlib

import nh3

from ..load.html_policy import theme_reserved

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


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and theme_reserved(value):
        return USER_PREFIX + value
    if attribute.startswith("data-md-"):
        return None
    return value
