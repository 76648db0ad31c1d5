"""What MkDocs' `--dirty` rebuild leaves wrong, set right, so a served page equals the page of
a clean build.

`mkdocs serve --dirty` rebuilds only pages whose source file is newer than their output. Three
things then go wrong on their own: a page that is gone keeps its old output (still served);
Material's search index holds only the rebuilt pages (its own merge assumes one page changed);
and pages not re-read lose their heading titles in the nav. This module tracks each build's
pages and repairs those three. It also skips the one site-wide file MkDocs renders on every
build whose inputs it can tell are unchanged, the sitemap.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

SEARCH_INDEX = "search/search_index.json"


class CompiledTemplates(BytecodeCache):
    """MkDocs makes a new theme environment for every rebuild and compiles Material's
    templates again (most of a second); compiled code is kept here, by template and source
    checksum, so an edited template still recompiles."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)
            if bucket.code is None:  # compiled by another Python: compile again
                del self._code[bucket.key]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class DirtyBuilds:
    """State kept across the rebuilds of one `mkdocs serve`."""

    def __init__(self) -> None:
        self._outputs: set[str] = set()
        self._search: dict[str, str] = {}
        self._order: list[str] = []
        self._rebuilt: set[str] = set()
        self._titles: dict[str, str] = {}
        self._sitemap: tuple | None = None
        self._sitemap_next: tuple | None = None
        self.templates = CompiledTemplates()

    def start(self, pages: Iterable[File]) -> None:
        """This build's pages, in build order (the order of the search index)."""
        self._pages = list(pages)
        self._order = [_page_url(f) for f in self._pages]
        self._rebuilt = set()

    def keep_titles(self, pages: Iterable[File]) -> None:
        """MkDocs takes a page's title from its text, and `--dirty` reads only modified
        pages: an unmodified page of the team's own gets the title of its last reading, so
        the nav of every rebuilt page names it as a clean build does."""
        for file in pages:
            title = self._titles.get(file.src_uri)
            if title is not None and file.page is not None and not file.is_modified():
                file.page.title = title

    def rebuilt(self, page: Page, own: bool) -> None:
        """`own`: a page of the team's own, whose title `keep_titles` may need."""
        self._rebuilt.add(page.url)
        if own and page.title is not None:
            self._titles[page.file.src_uri] = page.title

    def sitemap(self, config: MkDocsConfig) -> None:
        """The sitemap lists every page's address and the build day; when neither changed
        since the last good build, the sitemap that build wrote is still right."""
        self._sitemap_next = (tuple(f.url for f in self._pages), config.site_url,
                              get_build_date())
        if self._sitemap_next == self._sitemap:
            config.theme.static_templates.discard("sitemap.xml")

    def finish(self, site_dir: Path, dirty: bool,
               entries: list[dict[str, Any]] | None = None) -> list[str]:
        """Remove the outputs of pages that are gone and complete the search index from
        `entries`, Material's entries of this build's pages; returns the outputs removed."""
        outputs = {f.dest_uri for f in self._pages}
        gone = sorted(self._outputs - outputs) if dirty else []
        for dest in gone:
            remove_output(site_dir, dest)
        self._outputs = outputs
        self._sitemap = self._sitemap_next
        self._pages = []  # MkDocs' pages of this build: let them go with the build
        if entries is not None:
            self._merge_search(site_dir / SEARCH_INDEX, entries)
        return gone

    def _merge_search(self, index_file: Path, entries: list[dict[str, Any]]) -> None:
        """Material wrote the entries of the pages this build rebuilt; the pages kept from
        earlier builds keep theirs. Entries are kept serialised, one string a page, so a save
        at thousands of pages joins strings instead of re-encoding (or re-reading) the whole
        index; a build that rebuilt every page leaves Material's own file as it is."""
        fresh: dict[str, list[str]] = {}
        for entry in entries:
            fresh.setdefault(entry["location"].split("#", 1)[0], []).append(index_json(entry))
        for url in self._rebuilt:
            self._search[url] = ",".join(fresh.get(url, []))
        del fresh
        known = set(self._order)
        for url in [url for url in self._search if url not in known]:
            del self._search[url]
        if known <= self._rebuilt or not index_file.is_file():
            return
        docs = ",".join(e for url in self._order if (e := self._search.get(url)))
        index_file.write_text(f'{{"config":{_config_json(index_file)},"docs":[{docs}]}}',
                              encoding="utf-8")


def _config_json(index_file: Path) -> str:
    """The `config` part of the index Material just wrote, read from the file's head only."""
    with index_file.open(encoding="utf-8") as handle:
        head = handle.read(1 << 16)
    start = len('{"config":')
    try:
        config, _ = json.JSONDecoder().raw_decode(head, start)
    except json.JSONDecodeError:
        config = json.loads(index_file.read_text(encoding="utf-8"))["config"]
    return index_json(config)


def index_json(value: object) -> str:
    """As Material's search plugin encodes its index."""
    return json.dumps(value, separators=(",", ":"), default=str)


def _page_url(file: File) -> str:
    """The address search entries use: `Page.url`, which is empty for the home page."""
    return "" if file.url in (".", "./") else file.url


def remove_output(site_dir: Path, dest: str) -> None:
    """Delete a page's output, and the folders that leaves empty."""
    target = site_dir / dest
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
