"""Card Markdown as the plain lines of a slide or a speaker note.

A slide holds words, not markup: emphasis, links, inline HTML (the site's figure spans) and
admonition markers go, list items and paragraphs become lines. Nothing here needs to be a
complete Markdown reader; it needs to leave no markup a buyer would see on a slide.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_ATTRIBUTES = re.compile(r"\s*\{\s*[:#.][^}]*\}\s*$")
_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s+\S+(?:\s+\"(.*)\")?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'$€£])")


def inline(text: str) -> str:
    text = _TAG.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ATTRIBUTES.sub("", text)
    return html.unescape(" ".join(text.split()))


def paragraphs(markdown: str) -> list[str]:
    """Each paragraph, list item, heading or admonition title as one line of plain text."""
    lines: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            lines.append(inline(" ".join(current)))
            current.clear()
    for raw in markdown.split("\n"):
        line = raw.strip()
        if not line or line.startswith(("|", "```", "~~~", "---")):
            close()
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            close()
            if admonition[1]:
                lines.append(inline(admonition[1]))
            continue
        if line.startswith("#") or _MARKER.match(line) or line.startswith(">"):
            close()
            current.append(_MARKER.sub("", line.lstrip("#> ")))
            continue
        current.append(line)
    close()
    return [line for line in lines if line]


def sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(line) if s]
