"""Index the built site with Pagefind, for sites too large for Material's built-in search.

Material's search ships one JSON index of every page to every browser; Pagefind splits its
index into fragments a browser fetches on demand. It indexes the HTML the engine wrote, so drafts
and internal pages, which were never written, can never be in it.

Pagefind holds every page it indexes in memory until it writes the index (5.4 GB at 10,000
cards), so a large site is indexed in parts, one Pagefind process after another, and the
browser searches the parts together with Pagefind's `mergeIndex`.
"""

from __future__ import annotations

import asyncio
import json
import math
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

OUTPUT = "pagefind"
"""The first part's folder: the theme loads `pagefind/pagefind.js` from here."""

PARTS = "pitchcraft-parts.json"
"""Beside the first part: the other parts' folders, relative to it, for the browser to merge
(`assets/pagefind-search.js`). Written for every site, `{"merge": []}` for one part."""

PAGES_PER_PART = 3_000
"""At most this many pages per Pagefind run. Its memory grows with the pages it holds, so a
large site is indexed in parts that each stay under 2 GB, and a site of up to 3,000 pages stays
one index (measured by bench/pagefind_peak.py)."""

EXCLUDED = (".headerlink", ".md-source-file", ".pc-print", "form", ".pc-alternative")
"""Parts of a page the index leaves out. `.pc-alternative` holds a pitch page's talk tracks
from its other cards ("Other insights for this buyer"): each is indexed on its card's page and
on the pitch it leads, and indexing it again on every pitch that lists it as an alternative
made Pagefind's memory and time grow by about half (bench/RESULTS.md) and listed pitches for
words they do not lead with."""

_GLOB_LITERAL = str.maketrans({**{c: "\\" + c for c in "?*$:<>()[]{},"}, "\\": "?"})
"""Wax (Pagefind's globs) reads these characters as syntax; it has no escape for a backslash,
so one in a path matches any single character there instead."""


def index_site(site_dir: Path, *, pages_per_part: int = PAGES_PER_PART) -> int:
    """Write `pagefind/` (and its other parts) into the site; returns the pages indexed.

    Pagefind's API is async; a caller that already runs an event loop (a notebook, a
    Playwright script) gets the indexing on a thread of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_index(site_dir, pages_per_part))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site_dir, pages_per_part)).result()


def split(pages: list[str], pages_per_part: int) -> list[list[str]]:
    """Deal the sorted pages out in turn, as cards are dealt, into as few parts as the limit
    allows: each part gets the same mix of cards and pitches, so its word statistics, and
    with them Pagefind's scores, stay comparable when the browser ranks the parts' results
    together."""
    count = max(1, math.ceil(len(pages) / pages_per_part))
    return [pages[n::count] for n in range(count)]


def part_folder(n: int) -> str:
    """Where part `n` (0 is the first) is written, relative to the first part's folder."""
    return "" if n == 0 else f"part-{n + 1}/"


async def _index(site_dir: Path, pages_per_part: int) -> int:
    output = site_dir / OUTPUT
    # Pagefind never deletes what an earlier run wrote: fragments left by an internal build,
    # or a part this build no longer has, would be published with the new index.
    shutil.rmtree(output, ignore_errors=True)
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    parts = split(pages, pages_per_part)
    indexed = 0
    for n, part in enumerate(parts):
        indexed += await _index_part(site_dir, part, output / part_folder(n))
    merge = [part_folder(n) for n in range(1, len(parts))]
    (output / PARTS).write_text(json.dumps({"merge": merge}) + "\n", encoding="utf-8")
    return indexed


async def _index_part(site_dir: Path, pages: list[str], output: Path) -> int:
    """One Pagefind process for these pages: leaving the `async with` writes the part and
    ends the process, so its memory is freed before the next part starts."""
    config = IndexConfig(
        root_selector="article",  # the page content, not the nav repeated on every page
        exclude_selectors=list(EXCLUDED),
        force_language="en",
        output_path=str(output),
    )
    async with PagefindIndex(config=config) as index:
        # A glob of the part's own paths keeps Pagefind's URLs relative to the site, as for
        # the whole folder; `add_html_file` would instead wait for a poll per page.
        result = await index.add_directory(str(site_dir), glob=_glob(pages) if pages else None)
    return int(result["page_count"])


def _glob(pages: list[str]) -> str:
    """A glob matching exactly these paths."""
    return "{" + ",".join(p.translate(_GLOB_LITERAL) for p in pages) + "}"
