"""Material's search index, made by Pitchcraft from the pages it renders, for every preview.

Material's search plugin adds each page it sees to one list and writes it after a build; its
`--dirty` merge assumes one page changed, and a preview that renders pages one at a time,
across many saves, never has them all in one build. So while a site is served (`mkdocs serve`,
`--dirty` or `pitchcraft serve`) the plugin turns Material's indexer off and indexes each page
itself, as the page is rendered: with Material's `SearchIndex` (its parser and fields) on that
page alone, then drops the `data-search-*` attributes as Material does. The index is written,
in build order, after the build (or, in a preview, once every page is rendered). A `mkdocs
build` leaves search to Material.

At 10,000 cards the entries are hundreds of megabytes of JSON: each page's are kept compressed,
and the index is written in pieces to a new file that then replaces the old, so a browser still
reading the last index is never cut off.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.pages import Page

SEARCH_INDEX = "search/search_index.json"
INDEX_CONFIG = ("lang", "separator", "pipeline", "fields")
"""The options of Material's search that its index file carries, for the browser's search."""
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""Marks for the indexer (`data-search-exclude`) that Material removes from the page after
indexing it."""


def index_json(value: object) -> str:
    """As Material's search plugin encodes its index."""
    return json.dumps(value, separators=(",", ":"), default=str)


class SearchEntries:
    """Each page's search entries, by source path; `options` are Material's search options."""

    def __init__(self) -> None:
        self._options: dict[str, Any] = {}
        self._entries: dict[str, bytes] = {}  # compressed JSON, without brackets
        self.order: list[str] = []

    def start(self, sources: Iterable[str], options: Mapping[str, Any]) -> None:
        """This build's pages, in build order (the index's), and Material's search options;
        pages that are gone are forgotten, and every page when the options changed."""
        if dict(options) != self._options:
            self._options, self._entries = dict(options), {}
        self.order = list(sources)
        known = set(self.order)
        self._entries = {s: e for s, e in self._entries.items() if s in known}

    def index(self, page: Page) -> None:
        """Index the page about to be written, and drop the indexer's marks from it."""
        index = SearchIndex(**self._options)
        index.add_entry_from_context(page)
        self._entries[page.file.src_uri] = zlib.compress(
            ",".join(index_json(e) for e in index.entries).encode("utf-8"), 1)
        page.content = SEARCH_ATTRIBUTES.sub("", page.content or "")

    def complete(self) -> bool:
        """Whether every page of this build is indexed."""
        return all(source in self._entries for source in self.order)

    def write(self, site_dir: str | Path) -> None:
        """The index of this build's pages, in build order."""
        target = Path(site_dir) / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        head = index_json({key: self._options[key] for key in INDEX_CONFIG})
        with partial.open("wb") as out:
            out.write(f'{{"config":{head},"docs":['.encode())
            separator = b""
            for source in self.order:
                if (entries := self._entries.get(source)) is not None:
                    text = zlib.decompress(entries)
                    if text:
                        out.write(separator + text)
                        separator = b","
            out.write(b"]}")
        os.replace(partial, target)
