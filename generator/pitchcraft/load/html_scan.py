"""Tags and attributes in text, read the way a browser's tokenizer reads them, in linear time.

`<svg/onload=x>` and `<img src="x"/onerror=y>` are tags with handlers to a browser (a `/`
separates attributes like a space), so they are to this scanner too. Each character is read
once: a tag that never closes swallows the rest of the text, as it does in a browser, so a
line of ten thousand `<a ` costs no more than ten thousand letters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"[\s/]*")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
"""Browsers ignore control characters and spaces inside a URL's scheme."""
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


@dataclass(frozen=True)
class Attribute:
    name: str
    value: str
    offset: int


@dataclass(frozen=True)
class Tag:
    name: str
    offset: int
    attributes: tuple[Attribute, ...]


def tags(text: str) -> Iterator[Tag]:
    i, end = 0, len(text)
    while (i := text.find("<", i)) >= 0:
        if text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            i = end if close < 0 else close + 3
            continue
        name = _NAME.match(text, i + 1)
        if name is None:
            i += 1
            continue
        start = i
        attributes, i = attribute_list(text, name.end(), stop=">")
        yield Tag(name.group().lower(), start, attributes)


def attribute_list(text: str, i: int, stop: str) -> tuple[tuple[Attribute, ...], int]:
    """Attributes from `i` up to the `stop` character; returns them and the index after it."""
    found: list[Attribute] = []
    end = len(text)
    while i < end:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if i >= end:
            break
        if text[i] == stop:
            return tuple(found), i + 1
        name = _ATTR_NAME.match(text, i)
        if name is None:  # only `=` or a quote can start here; read it as a one-letter name
            name_text, start, i = text[i], i, i + 1
        else:
            name_text, start, i = name.group(), i, name.end()
        if stop in name_text:  # `{: a}` ends inside the name
            cut = name_text.index(stop)
            found.append(Attribute(name_text[:cut].lower(), "", start))
            return tuple(found), start + cut + 1
        value = ""
        after = _skip_blank(text, i)
        if after < end and text[after] == "=":
            i = _skip_blank(text, after + 1)
            if i < end and text[i] in "\"'":
                close = text.find(text[i], i + 1)
                close = end if close < 0 else close
                value, i = text[i + 1 : close], close + 1
            else:
                unquoted = _UNQUOTED.match(text, i)
                assert unquoted is not None
                value, i = unquoted.group(), unquoted.end()
                if stop != ">" and stop in value:
                    value, i = value[: value.index(stop)], i - len(value) + value.index(stop)
        found.append(Attribute(name_text.lower(), html.unescape(value), start))
    return tuple(found), end


def _skip_blank(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\r\f":
        i += 1
    return i


def scheme(url: str) -> str:
    """A URL's scheme as the browser decides it (`JaVa&#x0A;script:` is `javascript`)."""
    match = _SCHEME.match(_URL_JUNK.sub("", html.unescape(url)).lower())
    return match.group(1) if match else ""
