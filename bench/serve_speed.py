"""How long an author waits under a preview server: first page served, and save to served.

For each size N: write the synthetic corpus (bench/corpus.py) beside the repository's docs,
theme and mkdocs.yml, then run two servers one after the other on the same project:
- `before`: `mkdocs serve --livereload` with the plugin of git REF (every save rebuilds every
  page and, from 50 cards on, re-runs Pagefind), the full rebuild of today;
- `after`: `pitchcraft serve` (a page is rendered when asked for; a save re-renders only the
  pages whose inputs changed; parsed cards and pitches are kept).
Each server: seconds from start to the home page answering; then for each of E different cards,
append a made-up word to one line of the card and time from the save to the card's page being
served with it (median reported); then the seconds until the search index is served (which
needs every page rendered) and the server's peak resident memory (VmHWM) after that
(`--saves-only`: up to the last save, without the search index).

    python -m bench.serve_speed --sizes 1000 --edits 10 --before-edits 3 --before 95f4f8e

`--cold-start` times only the start, fresh and again (and the saves after the restart), into
bench/cold_start.json:

    python -m bench.serve_speed --cold-start --sizes 1000 10000 --edits 5 --before-edits 5 \
        --before 59e28d8
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.corpus import site_project
from bench.run import before_tree

HERE = Path(__file__).resolve().parent


EPOCH = "1795000000"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 600) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode()
    except (urllib.error.URLError, OSError):
        return None


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_server(root: Path, cmd: list[str], env: dict[str, str], edits: int,
               offset: int, index: bool = True, port: int | None = None) -> dict:
    port = port or _port()
    url = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    process = subprocess.Popen([*cmd, "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while _get(url) is None:
            if process.poll() is not None:
                raise RuntimeError(f"{cmd} exited with {process.returncode}")
            time.sleep(0.1)
        first = time.perf_counter() - start
        cards = [c for c in sorted((root / "content" / "insights").rglob("*.md"))
                 if "\nstatus: published" in c.read_text()]  # drafts have no page
        saves = []
        for k in range(edits):
            card = cards[(offset + k * 97) % len(cards)]
            word = f"quillon{offset}x{k}"
            text = card.read_text()
            time.sleep(1.0)  # the previous rebuild's watcher events have settled
            saved = time.perf_counter()
            card.write_text(text.replace("## Reframe\n\n", f"## Reframe\n\n{word} ", 1))
            page = f"{url}cards/{card.stem}/"
            while word not in (_get(page) or ""):
                time.sleep(0.02)
            saves.append(time.perf_counter() - saved)
        asked = time.perf_counter()
        served = _get(f"{url}search/search_index.json", timeout=7200) if index else None
        searchable = time.perf_counter() - asked
        return {"first_page_s": first, "saves_s": saves,
                "save_median_s": statistics.median(saves) if saves else None,
                "search_index_s": searchable if served else None,
                "search_index_mb": len(served or "") / 1e6,
                "peak_mb": _peak_mb(process.pid)}
    finally:
        process.terminate()
        process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--before-edits", type=int, default=3)
    parser.add_argument("--before", metavar="REF", help="also measure `mkdocs serve` at REF")
    parser.add_argument("--saves-only", action="store_true",
                        help="stop after the saves, without asking for the search index")
    parser.add_argument("--cold-start", action="store_true",
                        help="time the first page only, with and without a pages cache left"
                        " from a run before (and --edits saves after the last start)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if args.cold_start:
        cold_start(args)
        return
    args.out = args.out or Path(tempfile.gettempdir()) / "pitchcraft-serve.json"  # not kept
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-serve-"))
    results = {"command": "python -m bench.serve_speed " + " ".join(sys.argv[1:]),
               "loadavg_start": os.getloadavg(), "sizes": {}}
    try:
        before_env = None
        if args.before:
            old = before_tree(args.before, work)
            before_env = {**env, "PYTHONPATH": str(old)}
        for n in args.sizes:
            root = site_project(n, work / f"n{n}")
            row = {}
            if before_env is not None:
                row["before"] = run_server(root, [sys.executable, "-m", "mkdocs", "serve",
                                                  "--livereload"], before_env,
                                           args.before_edits, 1)
                row["before"]["loadavg"] = os.getloadavg()
                print(n, "before", json.dumps(row["before"]), flush=True)
            row["after"] = run_server(root, [sys.executable, "-c",
                                             "from pitchcraft.cli import main; main()",
                                             "serve"], env, args.edits, 3,
                                 index=not args.saves_only)
            row["after"]["loadavg"] = os.getloadavg()
            print(n, "after", json.dumps(row["after"]), flush=True)
            results["sizes"][str(n)] = row
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["loadavg_end"] = os.getloadavg()
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


PITCHCRAFT_SERVE = [sys.executable, "-c", "from pitchcraft.cli import main; main()", "serve"]


def _start(root: Path, env: dict[str, str], fresh: bool, edits: int = 0,
           port: int | None = None, offset: int = 5) -> dict:
    """One `pitchcraft serve` until its first page (and `edits` saves, each adding a word
    `offset` makes its own, so a later run's saves never find it there already), with the
    project's pages cache folder removed first when `fresh`; on `port`, when given."""
    if fresh:
        shutil.rmtree(root / ".pitchcraft", ignore_errors=True)
    load = os.getloadavg()
    row = run_server(root, PITCHCRAFT_SERVE, env, edits, offset, index=False, port=port)
    return {"first_page_s": round(row["first_page_s"], 2), "loadavg_before": load,
            "loadavg_after": os.getloadavg(), "peak_mb": round(row["peak_mb"]),
            **({"saves_s": [round(s, 3) for s in row["saves_s"]],
                "save_median_s": round(row["save_median_s"], 3)} if edits else {})}


def cold_start(args: argparse.Namespace) -> None:
    """The first page of `pitchcraft serve`, started on a project never served (`fresh`) and
    started again on it (`restart`, the pages cache folder left by the run before), for the
    code of --before and for the working tree; the working tree's restart then times --edits
    saves, the restart of --before the --before-edits saves. A restart serves on the address
    of the start before it, as an author's second `pitchcraft serve` does (the site's feeds
    and Changes page hold the address, so a new one makes every page anew). Results merge into
    bench/cold_start.json by size; a size measured before keeps its earlier runs under
    `earlier`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    out = args.out or HERE / "cold_start.json"
    kept = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {"sizes": {}}
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-cold-"))
    try:
        sides = [("now", env)]
        if args.before:
            old = before_tree(args.before, work)
            sides.insert(0, ("before", {**env, "PYTHONPATH": str(old)}))
        for n in args.sizes:
            root = site_project(n, work / f"n{n}")
            row: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                         "command": "python -m bench.serve_speed " + " ".join(sys.argv[1:])}
            for side, environment in sides:
                port = _port()
                for start in ("fresh", "restart"):
                    edits = 0 if start == "fresh" else (
                        args.edits if side == "now" else args.before_edits)
                    row[f"{side}_{start}"] = _start(root, environment, start == "fresh", edits,
                                                    port, 5 if side == "now" else 7)
                    print(n, side, start, json.dumps(row[f"{side}_{start}"]), flush=True)
            if str(n) in kept["sizes"]:  # the run before stays, as a measure of the noise
                kept.setdefault("earlier", {}).setdefault(str(n), []).append(kept["sizes"][str(n)])
            kept["sizes"][str(n)] = row
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    kept.update(before=args.before, command="python -m bench.serve_speed "
                + " ".join(sys.argv[1:]))
    out.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
