"""Material's search index for the preview, kept page by page.

Material's search plugin adds the entries of each page it sees to one list and writes them all
after a build; the preview renders pages one at a time, across many saves, so it takes each
page's entries as the page is rendered and writes the index itself when it is asked for. At
10,000 cards the entries are hundreds of megabytes of JSON: each page's are kept compressed,
and the index is written in pieces to a new file that then replaces the old, so a browser still
reading the last index is never cut off.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..mkdocs.dirty_builds import SEARCH_INDEX, index_json


class PreviewSearch:
    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}  # by source path, compressed JSON

    def take(self, source: str, material: Any) -> None:
        """The entries Material's plugin made of the page just rendered."""
        entries, material.search_index.entries = material.search_index.entries, []
        self._entries[source] = zlib.compress(
            ",".join(index_json(e) for e in entries).encode("utf-8"), 1)

    def keep_only(self, sources: Iterable[str] | dict) -> None:
        """Forget the pages that are gone."""
        self._entries = {s: e for s, e in self._entries.items() if s in sources}

    def write(self, site_dir: str, sources: Iterable[str], material: Any) -> None:
        """The index of the pages `sources`, in that order (a clean build's order)."""
        target = Path(site_dir) / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        head = material.search_index.generate_search_index(None).removesuffix("[]}")
        with partial.open("wb") as out:
            out.write(f"{head}[".encode())
            separator = b""
            for source in sources:
                if (entries := self._entries.get(source)) is not None:
                    text = zlib.decompress(entries)
                    if text:
                        out.write(separator + text)
                        separator = b","
            out.write(b"]}")
        os.replace(partial, target)
