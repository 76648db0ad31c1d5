"""Build time, pages and content of the same site with each engine.

For the demo content and for the synthetic corpus of N cards, `pitchcraft build --engine E` for
MkDocs (with the plugin), ProperDocs and Zensical (each from the generated pages, without the
plugin), all with Pagefind search, so each build does the same work. Each engine's site is then
compared with MkDocs': the same HTML pages, and on each page the same content
(`bench/site_compare.py`). Zensical is pinned by the `zensical` extra of the package.

    python -m bench.engines --sizes 1000 10000 --out bench/engines.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import site_project
from bench.site_compare import differing, pages

HERE = Path(__file__).resolve().parent
ENGINES = ("mkdocs", "properdocs", "zensical")


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def measure(root: Path, env: dict[str, str]) -> dict:
    rows: dict[str, dict] = {}
    for engine in ENGINES:
        site = root / f"site-{engine}"
        seconds = timed([sys.executable, "-c", "from pitchcraft.cli import main; main()",
                         "build", "--engine", engine, "-d", str(site)], env, root)
        rows[engine] = {"s": seconds, "pages": len(pages(site))}
        if engine != ENGINES[0]:
            reference = root / f"site-{ENGINES[0]}"
            rows[engine]["same_pages"] = pages(site) == pages(reference)
            rows[engine]["content_differs"] = len(differing(site, reference))
        print(f"  {engine}: {json.dumps(rows[engine])}", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--out", type=Path, default=HERE / "engines.json")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PITCHCRAFT_SEARCH": "pagefind"}
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-engines-"))
    results = {"command": "python -m bench.engines " + " ".join(sys.argv[1:]),
               "loadavg_start": os.getloadavg(), "sizes": {}}
    try:
        for n in [None, *args.sizes]:
            label = "demo" if n is None else str(n)
            print(label, flush=True)
            results["sizes"][label] = measure(site_project(n, work / label), env)
            shutil.rmtree(work / label, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["loadavg_end"] = os.getloadavg()
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
