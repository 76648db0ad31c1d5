"""Text that XML can hold, for every string a feed or a deck writes.

XML 1.0 has no way to write most control characters, the non-characters U+FFFE and U+FFFF or
a lone surrogate; lxml (behind feedgen and python-pptx) refuses the whole document when one
comes. `check` reports them in content (`load/characters.py`), but a build must not depend
on that: a commit subject is never checked, and an old commit stays in the window of recent
changes for weeks. So each such character becomes U+FFFD, the sign a reader knows for "a
character was here that could not be shown".

The same set is what `check` reports: C0 controls but tab, line feed and carriage return,
DEL and the C1 controls (invisible, and a terminal obeys some of them), surrogates and the
66 non-characters.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    re.escape(chr(plane * 0x10000 + low)) for plane in range(17) for low in (0xFFFE, 0xFFFF))

UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
"""Characters no content needs and XML (or a reader of it) cannot take."""

REPLACEMENT = "\ufffd"


def xml_text(value: str) -> str:
    """`value` with every character in `UNSAFE` replaced by U+FFFD."""
    return UNSAFE.sub(REPLACEMENT, value)


def kind_of(char: str) -> str:
    """What the character is, in words for a finding."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate"
    if code <= 0x9F:
        return "an escape character" if code == 0x1B else "a control character"
    return "a non-character"
