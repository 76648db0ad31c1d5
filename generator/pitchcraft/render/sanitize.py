"""The last guard between card text and a rep's browser: an allowlist HTML sanitiser.

`check` already refuses scripts, event handlers and `javascript:` links in cards, line by line,
so authors learn early. Markdown can still spell the same thing in ways a line check cannot
see (an attribute on the next line, an entity-encoded scheme), so every generated page's HTML
is also cleaned by nh3 (the ammonia sanitiser) with only the tags and attributes that
Markdown, pymdownx and Pitchcraft's templates produce.
"""

from __future__ import annotations

import nh3

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
        strip_comments=False,
    )
