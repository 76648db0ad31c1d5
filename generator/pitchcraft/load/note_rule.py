"""The one rule for rep-only notes: an element is a note when `rep` is one of its classes, as a
browser reads the HTML. Every surface (the page's renderer, the text a buyer hears, `check`)
asks here; `rep_notes` says how each applies it."""

from __future__ import annotations

import html
import re

NOTE_CLASS = "rep"
"""The class that makes an element a rep-only note (the internal site styles it as a box)."""
MAY_HOLD = re.compile(r"(?<![^\W_])rep(?![^\W_])", re.IGNORECASE)
"""A text without `rep` as a word, once entities are decoded (`may_hold`), cannot give any
element the class: no render needed."""

def is_note(classes: str | None) -> bool:
    """Whether an element with this `class` attribute is a rep-only note: the one rule."""
    return bool(classes) and NOTE_CLASS in str(classes).casefold().split()


def may_hold(text: str) -> bool:
    """Whether `text` (Markdown or HTML) may give an element the class, read with its
    entities decoded (`class="&#114;ep"` names it); False means it surely cannot."""
    return bool(MAY_HOLD.search(text) or ("&" in text and MAY_HOLD.search(html.unescape(text))))
