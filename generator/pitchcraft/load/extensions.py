"""The Markdown extensions a card's text is written for, with the options it cannot do without.

Cards use persona tabs, attribute lists, admonitions (rep-only notes among them) and tables;
the site's Markdown must know them (`site.config` adds what a site's configuration lacks) and
the rep-notes rule renders a card's text with the same extensions to judge a cut.
"""

from __future__ import annotations

from typing import Any

EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "md_in_html": {},
    "tables": {},
    "toc": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}
"""Markdown extensions the generated pages use, with the options they cannot do without."""
