"""Text for a terminal or a CI log, where an escape character from content would be obeyed:
colour that hides a line, a cleared screen, a forged status. Each character `check` would
report (`xml_text.UNSAFE`) is shown as its escape instead, so the reader sees it was there.
"""

from __future__ import annotations

from .xml_text import UNSAFE


def visible(text: str) -> str:
    """`text` with control characters and non-characters written out (`\\x1b`, `\\ufffe`);
    tab and line breaks stay."""
    return UNSAFE.sub(_written, text)


def one_line(text: str) -> str:
    """`visible(text)` with line breaks written out too, for one line of a log."""
    return visible(text).replace("\r", "\\r").replace("\n", "\\n")


def _written(found: object) -> str:
    code = ord(found.group())  # type: ignore[attr-defined]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
