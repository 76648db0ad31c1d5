"""Index the built site with Pagefind, for sites too large for Material's built-in search.

Material's search ships one JSON index of every page to every browser; Pagefind splits its
index into fragments a browser fetches on demand. It indexes the HTML MkDocs wrote, so drafts
and internal pages, which were never written, can never be in it.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

OUTPUT = "pagefind"

EXCLUDED = (".headerlink", ".md-source-file", ".pc-print", "form", ".pc-alternative")
"""Parts of a page the index leaves out. `.pc-alternative` holds a pitch page's talk tracks
from its other cards ("Other insights for this buyer"): each is indexed on its card's page and
on the pitch it leads, and indexing it again on every pitch that lists it as an alternative
made Pagefind's memory and time grow by about half (bench at 1,000 cards: 857 MB and 65 s
with it, 611 MB and 36 s without) and listed pitches for words they do not lead with."""


def index_site(site_dir: Path) -> int:
    """Write `pagefind/` into the site; returns the number of pages indexed.

    Pagefind's API is async; a caller that already runs an event loop (a notebook, a
    Playwright script) gets the indexing on a thread of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_index(site_dir))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site_dir)).result()


async def _index(site_dir: Path) -> int:
    config = IndexConfig(
        root_selector="article",  # the page content, not the nav repeated on every page
        exclude_selectors=list(EXCLUDED),
        force_language="en",
        output_path=str(site_dir / OUTPUT),
    )
    async with PagefindIndex(config=config) as index:  # writes the files on leaving
        result = await index.add_directory(str(site_dir))
    return int(result["page_count"])
