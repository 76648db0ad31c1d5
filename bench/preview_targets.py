"""Every target of the fast-preview work in one run, beside the full rebuild it replaces.

    python -m bench.preview_targets --sizes 1000 10000 --before 95f4f8e --out bench/preview.json

For each size N, on one synthetic project (bench/corpus.py, with one rare word in one card):
- `build_before` / `build_after`: a full `mkdocs build` with Material's search, the plugin of
  git REF against the working tree, with the time inside the plugin's hooks (the generator's
  share; bench/timed_build.py);
- `pagefind_build`: a build with Pagefind; its indexing time is the plugin's `on_post_build`;
- `pagefind_index`: that site indexed again on its own, for Pagefind's peak memory, which
  the build's largest process (MkDocs, at 10,000 cards) would hide (bench/pagefind_peak.py);
- `search`: Chromium, empty cache, from opening the home page to the first Pagefind result for
  the rare word, and the bytes downloaded by then (bench/search_speed.py), median of 3;
- `serve_before` (only below --before-serve-max cards: there each save is a full build, which
  `build_before` already times) and `serve_after`: first page served, save to served (median
  of --edits different cards), then the time until the search index is served (every page
  rendered) and the server's peak memory after it (bench/serve_speed.py).
The load average is recorded before and after every step: on a shared machine it says how much
each wall time is stretched. Prints a table of the targets, met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench.browser import CHROMIUM_FLAGS, require_chromium, serve
from bench.pagefind_peak import index_peak
from bench.run import before_tree, timed_build
from bench.search_speed import median_ms, project, timed_search
from bench.serve_speed import run_server

HERE = Path(__file__).resolve().parent



EPOCH = "1795000000"


def _step(row: dict, name: str, result: dict) -> None:
    row[name] = {**result, "loadavg": [round(x, 2) for x in os.getloadavg()]}
    print(name, json.dumps(row[name]), flush=True)


def _cold(root: Path) -> Path:
    """Every build and server starts without the page cache a previous step left."""
    shutil.rmtree(root / ".pitchcraft", ignore_errors=True)
    return root


def cold_build(root: Path, site: Path, env: dict[str, str]) -> dict:
    """A full `mkdocs build` with no page cache left from before, timed with its hooks."""
    done = timed_build(_cold(root), site, env)
    return {"wall_s": round(done["wall"], 2), "cpu_s": round(done["cpu"], 2),
            "peak_mb": round(done["rss_mb"]), "plugin_s": round(done["plugin"], 2),
            "share": round(done["plugin"] / done["wall"], 4),
            "hooks_s": {k: round(v, 2) for k, v in done["hooks"].items()}}


def _search(site: Path, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright  # the browser only when measuring

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(),
                                             args=CHROMIUM_FLAGS)
        with serve(site) as url:
            runs = [timed_search(browser, url) for _ in range(repeat)]
        browser.close()
    times = [r.result for r in runs]
    return {"first_result_ms": median_ms(times),
            "runs_ms": times, "bytes": round(statistics.median(r.bytes for r in runs))}


def run_size(n: int, work: Path, args: argparse.Namespace, env: dict[str, str],
             before_env: dict[str, str] | None) -> dict:
    root = project(n, work / f"n{n}")
    material = {**env, "PITCHCRAFT_SEARCH": "material"}
    row: dict = {"cards": n, "loadavg_start": os.getloadavg()}
    if before_env is not None:
        _step(row, "build_before", cold_build(root, work / "site-before",
                                          {**before_env, "PITCHCRAFT_SEARCH": "material"}))
        shutil.rmtree(work / "site-before")
    _step(row, "build_after", cold_build(root, work / "site-after", material))
    shutil.rmtree(work / "site-after")
    if args.search_sizes is None or n in args.search_sizes:
        site = work / "site-pagefind"
        _step(row, "pagefind_build",
              cold_build(root, site, {**env, "PITCHCRAFT_SEARCH": "pagefind"}))
        _step(row, "pagefind_index", index_peak(site))
        _step(row, "search", _search(site, args.repeat))
        shutil.rmtree(site)
    serve_cmd = [sys.executable, "-c", "from pitchcraft.cli import main; main()", "serve"]
    if before_env is not None and n <= args.before_serve_max:
        _step(row, "serve_before", run_server(
            _cold(root), [sys.executable, "-m", "mkdocs", "serve", "--livereload"], before_env,
            args.before_edits, 1))
    _step(row, "serve_after", run_server(_cold(root), serve_cmd, env, args.edits, 3))
    shutil.rmtree(root, ignore_errors=True)
    return row


TARGETS = [
    ("save to served (median)", 1000, lambda r: r["serve_after"]["save_median_s"], 1.0, "s"),
    ("save to served (median)", 10000, lambda r: r["serve_after"]["save_median_s"], 3.0, "s"),
    ("first page served", 1000, lambda r: r["serve_after"]["first_page_s"], 15.0, "s"),
    ("peak memory of serve", 10000, lambda r: r["serve_after"]["peak_mb"], 1536, "MB"),
    ("full build, Material search", 10000, lambda r: r["build_after"]["wall_s"],
     lambda r: r.get("build_before", {}).get("wall_s", 257.0), "s"),
    ("generator's share of the build", 10000, lambda r: 100 * r["build_after"]["share"], 5.0,
     "%"),
    ("Pagefind indexing peak", 10000, lambda r: r["pagefind_index"]["pagefind_peak_mb"], 2048,
     "MB"),
    ("search: first result", 10000, lambda r: r["search"]["first_result_ms"] / 1000, 1.0, "s"),
    ("search: downloaded", 10000, lambda r: r["search"]["bytes"] / 1e6, 0.8, "MB"),
]


def table(rows: dict[int, dict]) -> str:
    lines = ["| target | N | measured | limit | met |", "|---|---|---|---|---|"]
    for name, n, value, limit, unit in TARGETS:
        if n not in rows:
            continue
        if ("Pagefind" in name or name.startswith("search")) and "search" not in rows[n]:
            continue  # left out of this run (--search-sizes)
        try:
            got = value(rows[n])
            bound = limit(rows[n]) if callable(limit) else limit
        except (KeyError, TypeError):  # not measured in this run
            continue
        lines.append(f"| {name} | {n:,} | {got:,.2f} {unit} | <= {bound:,.2f} {unit} | "
                     f"{'yes' if got <= bound else '**no**'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--before", metavar="REF", help="the full rebuild of git REF beside")
    parser.add_argument("--before-serve-max", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--before-edits", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="search runs per site")
    parser.add_argument("--search-sizes", type=int, nargs="*", metavar="N",
                        help="sizes with the Pagefind build and search steps (default: all)")
    parser.add_argument("--out", type=Path, default=HERE / "preview.json")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    results: dict = {"command": "python -m bench.preview_targets " + " ".join(sys.argv[1:]),
                     "loadavg_start": os.getloadavg(), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="pitchcraft-preview-") as folder:
        work = Path(folder)
        before_env = None
        if args.before:
            before_env = {**env, "PYTHONPATH": str(before_tree(args.before, work))}
        for n in args.sizes:
            results["sizes"][n] = run_size(n, work, args, env, before_env)
            args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    results["loadavg_end"] = os.getloadavg()
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results["sizes"]))


if __name__ == "__main__":
    main()
