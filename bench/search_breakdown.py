"""Where the time to a first search result goes: Chromium, the site's page, and Pagefind.

    python -m bench.search_breakdown SITE --label NAME [--rounds 21] [--out FILE]

SITE is a site built with Pagefind from bench/search_speed.py's corpus (its word in one card).
Each round opens three pages in turn, each in a fresh context with an empty cache, and times
the same search as bench/search_speed.py, step by step from navigation start (the search box
is in the page, clicked, the word typed, the first result visible):
- `blank`: a page with nothing but a search box whose script shows a result the moment the
  word is typed: what Chromium and the driving script cost on this machine, whatever the site;
- `page`: the home page, with its search script replaced by that same instant one: the theme
  and the page's own files, without search;
- `search`: the home page as built.
`search` minus `page` is what search costs; `page` minus `blank` what the page costs. The
rounds alternate the three, so a machine that slows down mid-run slows all three alike. Also
written: the median of each three `search` runs in a row, as the target in bench/RESULTS.md
counts them (first result at most 1.0 s, median of 3, at 10,000 cards).
The report goes into FILE (bench/search_breakdown.json) under NAME, beside those of other runs.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
from pathlib import Path

from bench.browser import CHROMIUM_FLAGS, QuietHandler, require_chromium, serve
from bench.search_speed import WORD, median_ms, timed_search

HERE = Path(__file__).resolve().parent


INSTANT = f"""(function () {{
  var input = document.querySelector(".md-search__input");
  var list = document.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  input.addEventListener("focus", function () {{
    if (toggle) {{ toggle.checked = true; toggle.dispatchEvent(new Event("change")); }}
  }});
  input.addEventListener("input", function () {{
    if (input.value !== "{WORD}") {{ return; }}
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    item.textContent = "{WORD}";
    list.appendChild(item);
  }});
}})();
""".encode()

BLANK = (b'<!doctype html><html lang="en"><title>blank</title><input class="md-search__input">'
         b'<ol class="md-search-result__list"></ol><script src="__instant.js"></script></html>'
         )

SEARCH_SCRIPT = b'src="assets/pagefind-search.js"'


class WithStandIns(QuietHandler):
    """The site, plus `/?blank`, the home page as `/?instant`, and their script."""

    def do_GET(self) -> None:
        if self.path == "/__instant.js":
            self._send(INSTANT, "text/javascript")
        elif self.path == "/?blank":
            self._send(BLANK, "text/html")
        elif self.path == "/?instant":
            home = (Path(self.directory) / "index.html").read_bytes()
            if SEARCH_SCRIPT not in home:
                self.send_error(500, "the home page has no Pagefind search script")
                return
            self._send(home.replace(SEARCH_SCRIPT, b'src="__instant.js"'), "text/html")
        else:
            super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


PAGES = {"blank": "?blank", "page": "?instant", "search": ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--label", required=True, help="the name of this run in FILE")
    parser.add_argument("--out", type=Path, default=HERE / "search_breakdown.json")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {name: [] for name in PAGES}
    load = os.getloadavg()
    from playwright.sync_api import sync_playwright  # the browser only when measuring

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(),
                                             args=CHROMIUM_FLAGS)
        with serve(args.site, WithStandIns) as url:
            for path in PAGES.values():  # the server and the disk cache warm, not measured
                timed_search(browser, url + path)
            names = list(PAGES)
            for round_ in range(args.rounds):
                # Each page goes first in turn: none is always the one after the same other.
                first = round_ % len(names)
                for name in names[first:] + names[:first]:
                    runs[name].append(asdict(timed_search(browser, url + PAGES[name])))
        browser.close()
    report = {"site": str(args.site), "rounds": args.rounds, "loadavg_start": load,
              "loadavg_end": os.getloadavg(),
              "medians": {name: steps(got) for name, got in runs.items()},
              "search_medians_of_3": [
                  median_ms([r["result"] for r in runs["search"][n:n + 3]])
                  for n in range(0, len(runs["search"]) - 2, 3)],
              "runs": runs}
    reports = json.loads(args.out.read_text()) if args.out.exists() else {}
    args.out.write_text(json.dumps({**reports, args.label: report}, indent=2) + "\n")
    columns = (("box", 6), ("click", 7), ("type", 6), ("result", 8), ("total", 6), ("bytes", 8))
    print(f"{'median':8}", *(step.rjust(width) for step, width in columns))
    for name, m in report["medians"].items():
        print(f"{name:8}", *(f"{m[step]}".rjust(width) for step, width in columns))
    print("search, median of each 3 in a row:", report["search_medians_of_3"])


def steps(runs: list[dict]) -> dict[str, int | None]:
    """The median of each step's own milliseconds, and of the total and bytes, over the runs."""
    own = [{"box": r["box"], "click": r["clicked"] - r["box"], "type": r["typed"] - r["clicked"],
            "result": None if r["result"] is None else r["result"] - r["typed"],
            "total": r["result"], "bytes": r["bytes"]} for r in runs]
    return {step: median_ms([o[step] for o in own]) for step in own[0]}


if __name__ == "__main__":
    main()
