"""Where the preview's start goes: `pitchcraft serve`'s preparation and first page, in one
process, timed stage by stage.

    python -m bench.serve_stages --sizes 1000 10000

For each size it writes the synthetic project (bench/corpus.py), then starts the preview's site
(`PreviewSite.prepare`, what `pitchcraft serve` does before it answers) twice in fresh
processes: `fresh`, with no pages cache folder, and `restart`, with the folder the first left
(stored cards and generator state included). Stages: reading the stored cards and state
(`read store`), reading and checking the cards (`load`), composing the pitches (`compose`),
rendering the generated pages' Markdown (`render`), writing the stored cards and state
(`write store`), writing the changed pages (`write`), the rest of the preparation (MkDocs:
config, files, nav, theme) and the first page. A stage called inside another counts in its own
line only.
Results go under `stages` in bench/cold_start.json (a size measured before keeps its earlier
stages under `stages_earlier`).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import site_project

HERE = Path(__file__).resolve().parent
EPOCH = "1795000000"


def _timed(spent: dict[str, float], name: str, work: Callable[..., Any],
           inner: list[float] | None = None) -> Callable[..., Any]:
    """`work`, its seconds added to `spent[name]`, less those of timed stages it calls."""
    inner = [] if inner is None else inner  # one stack for every stage of a run

    @functools.wraps(work)
    def timed(*args: Any, **kwargs: Any) -> Any:
        inner.append(0.0)
        start = time.perf_counter()
        try:
            return work(*args, **kwargs)
        finally:
            took = time.perf_counter() - start
            spent[name] = spent.get(name, 0.0) + took - inner.pop()
            if inner:
                inner[-1] += took
    return timed


def stages(root: Path) -> dict[str, float]:
    """One start of the preview on the project `root`, in this process."""
    from pitchcraft.load import card_cache
    from pitchcraft.output import incremental
    from pitchcraft.preview.site import PreviewSite

    spent: dict[str, float] = {}
    stack: list[float] = []
    for owner, attribute, name in (
            (incremental.CardCache, "store_in", "read store"),
            (incremental.SiteGenerator, "load", "load"),
            (incremental, "build_site", "compose"),
            (incremental, "site_pages", "render"),
            (card_cache.StoredCards, "save", "write store"),
            (incremental.SiteGenerator, "write", "write")):
        setattr(owner, attribute, _timed(spent, name, getattr(owner, attribute), stack))
    site = PreviewSite(str(root / "mkdocs.yml"), tempfile.mkdtemp(), "127.0.0.1:8000")
    start = time.perf_counter()
    site.prepare()
    prepared = time.perf_counter()
    site.ensure("index.html")
    done = time.perf_counter()
    rest = prepared - start - sum(spent.values())
    return {**{k: round(v, 2) for k, v in spent.items()}, "rest of the preparation":
            round(rest, 2), "first page": round(done - prepared, 2),
            "total": round(done - start, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)  # one start, printed
    parser.add_argument("--out", type=Path, default=HERE / "cold_start.json")
    args = parser.parse_args()
    if args.project:
        print(json.dumps(stages(args.project)))
        return
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
           "PYTHONPATH": os.pathsep.join([str(HERE.parent),
                                          *filter(None, [os.environ.get("PYTHONPATH")])])}
    kept = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-stages-"))
    try:
        for n in args.sizes:
            root = site_project(n, work / f"n{n}")
            for start in ("fresh", "restart"):
                load = os.getloadavg()[0]
                done = subprocess.run([sys.executable, "-m", "bench.serve_stages", "--project",
                                       str(root)], env=env, capture_output=True, text=True,
                                      check=True)
                row = {**json.loads(done.stdout.strip().splitlines()[-1]),
                       "loadavg_before": round(load, 2), "loadavg_after":
                       round(os.getloadavg()[0], 2)}
                done_before = kept.setdefault("stages", {}).setdefault(str(n), {})
                if start in done_before:  # an earlier run's stages stay, beside this one's
                    kept.setdefault("stages_earlier", []).append(
                        {"n": n, "start": start, **done_before[start]})
                done_before[start] = {**row, "date": time.strftime("%Y-%m-%d %H:%M UTC",
                                                                   time.gmtime())}
                print(n, start, json.dumps(row), flush=True)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    kept["stages_command"] = "python -m bench.serve_stages " + " ".join(sys.argv[1:])
    args.out.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
