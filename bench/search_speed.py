"""How fast a rep gets a first search result, with Material's search and with Pagefind.

For each size N: write the synthetic corpus (bench/corpus.py) with one made-up word in one
card, build the site twice (search: material, then search: pagefind), then in Chromium open
the home page with an empty cache, open search, type the word, and wait for the first result.
Recorded per engine: milliseconds from navigation start to the first result, bytes
downloaded in that time (uncompressed, as Python's http.server sends them; a gzip-serving host
shrinks the JSON index, not Pagefind's already-compressed fragments), the build time, and for
Pagefind the indexing time alone.

    python -m bench.search_speed --sizes 1000 10000 --repeat 3 --out bench/search.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.browser import CHROMIUM_FLAGS, require_chromium, serve
from bench.corpus import site_project
from pitchcraft.output.pagefind_index import index_site

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


WORD = "zephyrquill"
"""Occurs in exactly one card of the corpus (added below), like a rare term a rep remembers."""


def project(n: int, root: Path) -> Path:
    content = site_project(n, root) / "content"
    card = sorted((content / "insights").rglob("*.md"))[n // 2]
    text = card.read_text()
    card.write_text(text.replace("## Reframe\n", f"## Reframe\n\nThe {WORD} effect. ", 1))
    return root


def build(root: Path, site: Path, engine: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000",
           "PITCHCRAFT_SEARCH": engine}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(root / "mkdocs.yml"), "-d", str(site)], env=env, check=True)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Timing:
    """Milliseconds from navigation start to each step of one search, and bytes downloaded."""
    box: float  # the search box is in the page
    clicked: float
    typed: float
    result: float | None  # the first result is visible; None if none showed in three minutes
    bytes: int


def median_ms(values: list[float | None]) -> int | None:
    """Rounded; none when a search among them showed no result (its time is not known)."""
    return None if None in values else round(statistics.median(values))


def timed_search(browser, url: str) -> Timing:
    """Open `url` in a fresh context (empty cache), click the search box, type the word, and
    wait for the first result, as a rep would."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context()
    page = context.new_page()
    received: list[int] = []
    page.on("requestfinished", lambda r: received.append(r.sizes()["responseBodySize"]))
    now = "performance.now()"
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".md-search__input", state="attached")
    box = page.evaluate(now)
    page.locator(".md-search__input").click()
    clicked = page.evaluate(now)
    page.locator(".md-search__input").press_sequentially(WORD)  # Material listens for keyup
    typed = page.evaluate(now)
    try:
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=180_000)
        result = page.evaluate(now)
    except PlaywrightTimeout:
        result = None
    context.close()
    return Timing(box, clicked, typed, result, sum(received))


def measure(n: int, repeat: int, browser, engines: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = project(n, Path(tmp) / "project")
        row: dict = {"cards": n}
        for engine in engines:
            site = Path(tmp) / f"site-{engine}"
            row[f"{engine}_build_s"] = round(build(root, site, engine), 2)
            if engine == "pagefind":
                start = time.perf_counter()
                index_site(site)
                row["pagefind_index_s"] = round(time.perf_counter() - start, 2)
            else:
                row["material_index_bytes"] = (site / "search/search_index.json").stat().st_size
            with serve(site) as url:
                runs = [timed_search(browser, url)]
                while len(runs) < repeat and runs[-1].result is not None:
                    runs.append(timed_search(browser, url))
            times = [r.result for r in runs]
            row[f"{engine}_first_result_ms"] = median_ms(times)
            row[f"{engine}_bytes"] = round(statistics.median(r.bytes for r in runs))
            print(json.dumps(row), flush=True)
        return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "search.json")
    parser.add_argument("--engines", nargs="+", default=["material", "pagefind"])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright  # the browser only when measuring

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(),
                                             args=CHROMIUM_FLAGS)
        rows = [measure(n, args.repeat, browser, args.engines) for n in args.sizes]
        browser.close()
    args.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
