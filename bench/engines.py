"""Build time and page count of the same site with each engine.

For the demo content and for the synthetic corpus of N cards: `mkdocs build` and
`properdocs build` with the plugin; then `pitchcraft generate --engine-config` and the same
engines plus Zensical building the generated folder without the plugin. Zensical runs from its
own environment (`bench/requirements-engines.txt`), given with `--zensical`; it ignores
`custom_dir` overrides it cannot render, so its configuration leaves them out.

    python -m bench.engines --sizes 1000 --zensical /tmp/zvenv/bin/zensical --out bench/engines.json
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

HERE = Path(__file__).resolve().parent


EPOCH = "1795000000"


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def measure(root: Path, env: dict[str, str], zensical: str | None) -> dict:
    py = sys.executable
    rows = {}
    for name, cmd in (("mkdocs + plugin", [py, "-m", "mkdocs", "build", "-q"]),
                      ("properdocs + plugin", [py, "-m", "properdocs", "build", "-q"])):
        site = root / f"site-{name.split()[0]}"
        rows[name] = {"s": timed([*cmd, "-f", "mkdocs.yml", "-d", str(site)], env, root)}
        rows[name]["pages"] = pages(site)
    rows["pitchcraft generate"] = {"s": timed(
        [py, "-c", "from pitchcraft.cli import main; main()", "generate", "export",
         "--engine-config", "engine.yml"], env, root), "pages": None}
    for name, cmd in (("mkdocs, generated folder", [py, "-m", "mkdocs", "build", "-q"]),
                      ("properdocs, generated folder", [py, "-m", "properdocs", "build", "-q"])):
        site = root / f"site-export-{name.split(',')[0]}"
        rows[name] = {"s": timed([*cmd, "-f", "engine.yml", "-d", str(site)], env, root),
                      "pages": pages(site)}
    if zensical:
        config = (root / "engine.yml").read_text()
        (root / "zensical.yml").write_text(
            "\n".join(line for line in config.splitlines() if "custom_dir:" not in line))
        rows["zensical 0.0.73, generated folder"] = {
            "s": timed([zensical, "build", "--clean", "-f", "zensical.yml"], env, root),
            "pages": pages(root / "site")}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--zensical", help="the zensical executable, if installed")
    parser.add_argument("--out", type=Path, default=HERE / "engines.json")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
           "PITCHCRAFT_SEARCH": "material", "DISABLE_MKDOCS_2_WARNING": "true"}
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-engines-"))
    results = {"command": "python -m bench.engines " + " ".join(sys.argv[1:]),
               "loadavg_start": os.getloadavg(), "sizes": {}}
    try:
        for n in [None, *args.sizes]:
            label = "demo" if n is None else str(n)
            results["sizes"][label] = measure(site_project(n, work / label), env,
                                               args.zensical)
            print(label, json.dumps(results["sizes"][label]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["loadavg_end"] = os.getloadavg()
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
