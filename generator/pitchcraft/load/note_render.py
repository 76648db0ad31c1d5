"""The renderer the text surfaces check their cuts against: every block extension a site may
enable, with `RepNotes` dropping the notes, and a bounded cache of what it made (see
`rep_notes`)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown

from .extensions import EXTENSIONS
from .note_html import RepNotes

TEXT_EXTENSIONS: dict[str, dict[str, Any]] = {
    **EXTENSIONS,
    "abbr": {},
    "footnotes": {},
    "pymdownx.blocks.admonition": {"types": [
        "note", "attention", "caution", "danger", "error", "tip", "hint", "warning", "rep"]},
    "pymdownx.blocks.details": {},  # `/// details` with `type: rep`; admonitions own `/// rep`
    "pymdownx.blocks.caption": {},
    "pymdownx.blocks.definition": {},
    "pymdownx.blocks.html": {},
    "pymdownx.blocks.tab": {},
}
"""What the text surfaces render with: the extensions the generated pages need and every block
extension a site may add (footnotes, `///` blocks, ...), so that whatever a site could render
as a note is a note to them. Rendering more than a site does removes more, never less."""

_LOCAL = threading.local()
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
                     "pre", "tr", "td", "th", "dt", "dd", "summary", "details", "label",
                     "table", "ul", "ol", "br", "hr", "figure", "figcaption"})


def text_markdown(drop: bool) -> tuple[Markdown, RepNotes]:
    """A Markdown instance with `TEXT_EXTENSIONS` and the notes rule; one per thread, as
    Python-Markdown's instances are not thread-safe."""
    made = _LOCAL.__dict__.setdefault("made", {})
    if drop not in made:
        notes = RepNotes(drop)
        md = Markdown(extensions=[*TEXT_EXTENSIONS, notes],
                      extension_configs={k: dict(v) for k, v in TEXT_EXTENSIONS.items() if v})
        made[drop] = (md, notes)
    return made[drop]


class Cache:
    """Results by the SHA-256 of the text they are for, least recently used out first once
    they hold `budget` characters: keys are 32 bytes however long a card is."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.held = 0
        self.items: OrderedDict[bytes, tuple[Any, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, text: str, make: Callable[[str], Any]) -> Any:
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key][0]
        value = make(text)
        size = len(text) + 64
        with self.lock:
            if key not in self.items and size <= self.budget:
                self.items[key] = (value, size)
                self.held += size
                while self.held > self.budget:
                    _, (_, dropped) = self.items.popitem(last=False)
                    self.held -= dropped
        return value


_RENDERS = Cache(32_000_000)


def rendered(markdown: str) -> tuple[int, tuple[str, ...]] | None:
    """How many notes the text renderer makes of `markdown`, and the words of each block it
    shows a buyer (notes dropped); None when it cannot finish (nested past its stack)."""
    return _RENDERS.get(markdown, _render)


def _render(markdown: str) -> tuple[int, tuple[str, ...]] | None:
    md, notes = text_markdown(drop=True)
    try:
        output = md.reset().convert(markdown)
    except RecursionError:
        return None
    blocks = _Blocks()
    blocks.feed(output)
    blocks.close()
    return notes.found, tuple(blocks.done())


def note_titles(markdown: str) -> list[str]:
    md, notes = text_markdown(drop=False)
    try:
        md.reset().convert(markdown)
    except RecursionError:
        return []
    return notes.titles


class _Blocks(HTMLParser):
    """The text of each block of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def done(self) -> list[str]:
        self._flush()
        return self.blocks
