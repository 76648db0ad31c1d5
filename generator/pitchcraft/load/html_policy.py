"""Raw HTML in cards: Markdown passes it through, so anything that can run code is refused.

Cards are written by many people and read on every rep's browser; a script, an inline event
handler or a `javascript:` link would run with the site's origin. Harmless HTML such as
`<br>` or `<sup>` stays allowed. Fenced code and inline code are shown as text by Markdown,
so they are not scanned.
"""

from __future__ import annotations

import re

from ..model import Finding, Severity
from .frontmatter import lines_of

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_RULES = (
    (re.compile(r"<\s*(script|iframe|object|embed|style)\b", re.IGNORECASE),
     "raw <{0}> in a card"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE), "inline event handler '{0}=' in a card"),
    (re.compile(r"(?:\]\(\s*|\bhref\s*=\s*[\"']?\s*)(javascript|vbscript|data)\s*:", re.IGNORECASE),
     "'{0}:' link in a card"),
)
HINT = ("cards are text: remove it; Pitchcraft refuses scripts, event handlers and"
        " javascript: links so a card can never run code in a rep's browser")


def _may_match(text: str) -> bool:
    """Whether `text` has what every rule needs: '<', '](' or 'href'.

    Code spans are blanked, never added, so text without any of these cannot match; most
    cards have none at all, and plain substring tests are much faster than the rules.
    """
    return "<" in text or "](" in text or "href" in text.lower()


def unsafe_html(text: str, path: str) -> list[Finding]:
    if not _may_match(text):
        return []
    findings = []
    fence: str | None = None
    for number, line in enumerate(lines_of(text), start=1):
        marker = _FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker.group(1)[0] * 3
            elif marker.group(1).startswith(fence):
                fence = None
            continue
        if fence or not _may_match(line):
            continue
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for pattern, message in _RULES:
            for match in pattern.finditer(visible):
                findings.append(Finding(path, number, match.start() + 1, Severity.ERROR,
                                        message.format(match.group(1).lower()), HINT))
    return findings
