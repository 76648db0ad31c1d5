"""While a site is served, Pitchcraft makes Material's search index from its own pages; the
index and each page's HTML must be what Material's plugin makes of the same pages, or a
preview's search differs from the published site's. This fails by name when a Material
release changes its index format or the marks it removes."""

from __future__ import annotations

import copy
import json
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex, SearchPlugin

from pitchcraft.mkdocs.search_index import SEARCH_INDEX, SearchEntries

OPTIONS = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"],
           "fields": {}}


def _page(source: str, url: str, content: str, **meta):  # type: ignore[no-untyped-def]
    return SimpleNamespace(file=SimpleNamespace(src_uri=source), url=url, title=source,
                           meta=meta, toc=[], content=content)


PAGES = [
    _page("index.md", "", "<h1 id='home'>Home</h1><p>Find a pitch.</p>"),
    _page("cards/a.md", "cards/a/", "<h1 id='a'>Card A</h1><p data-search-exclude=\"x\">"
          "Hidden</p><h2 id='why'>Why</h2><p>Because.</p>", tags=["energy"],
          search={"boost": 2}),
    _page("coverage.md", "coverage/", "<h1>Coverage</h1>", search={"exclude": True}),
]


def test_the_index_is_the_one_material_writes_for_the_same_pages(tmp_path):
    ours, theirs = copy.deepcopy(PAGES), copy.deepcopy(PAGES)
    entries = SearchEntries()
    entries.start([p.file.src_uri for p in ours], OPTIONS)
    for page in reversed(ours):  # rendered in any order, written in build order
        entries.index(page)
    assert entries.complete()
    entries.write(tmp_path)

    plugin = SearchPlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.search_index = SearchIndex(**OPTIONS)
    for page in theirs:
        plugin.on_page_context({}, page=page, config=None, nav=None)
    expected = plugin.search_index.generate_search_index(None)

    assert (tmp_path / SEARCH_INDEX).read_text() == expected
    assert json.loads(expected)["docs"], "the pages made no entries: the test proves nothing"
    assert [p.content for p in ours] == [p.content for p in theirs]
    assert "data-search" not in ours[1].content


def test_a_page_that_is_gone_leaves_the_index(tmp_path):
    pages = copy.deepcopy(PAGES)
    entries = SearchEntries()
    entries.start([p.file.src_uri for p in pages], OPTIONS)
    for page in pages:
        entries.index(page)
    entries.start(["index.md"], OPTIONS)
    entries.write(tmp_path)
    docs = json.loads((tmp_path / SEARCH_INDEX).read_text())["docs"]
    assert {d["location"] for d in docs} == {""}

