"""Full builds of the code before and after a change, alternated, on one synthetic project.

    python -m bench.build_pairs --cards 10000 --before b9ddeb5 --rounds 3

One pair of builds cannot tell a difference of 5% on this machine: builds of the same code
have varied by a fifth from one run to the next. So each round builds both versions, and the
rounds alternate which goes first (before, after; after, before; ...), so a slower stretch of
the machine falls on both sides alike. Every build starts cold, with Material's search, and is
timed as bench/preview_targets.py times it (wall and CPU time, peak memory, the plugin's own
time). The results file is written after every build, so an interrupted run keeps what it
measured.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.preview_targets import EPOCH, cold_build
from bench.run import before_tree
from bench.search_speed import project

HERE = Path(__file__).resolve().parent



def summary(builds: list[dict]) -> dict:
    """Each side's median and mean wall time and median CPU time, after's median against
    before's, and after against before in each round that has both."""
    sides = {side: [b for b in builds if b["side"] == side] for side in ("before", "after")}
    out: dict = {side: {"builds": len(runs),
                        "wall_median_s": round(statistics.median(r["wall_s"] for r in runs), 1),
                        "wall_mean_s": round(statistics.mean(r["wall_s"] for r in runs), 1),
                        "cpu_median_s": round(statistics.median(r["cpu_s"] for r in runs), 1)}
                 for side, runs in sides.items() if runs}
    if len(out) == 2:
        out["after_vs_before"] = round(out["after"]["wall_median_s"]
                                       / out["before"]["wall_median_s"] - 1, 4)
    walls: dict[int, dict[str, float]] = {}
    for b in builds:
        walls.setdefault(b["round"], {})[b["side"]] = b["wall_s"]
    out["rounds_after_vs_before"] = {n: round(w["after"] / w["before"] - 1, 4)
                                     for n, w in walls.items() if len(w) == 2}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10000)
    parser.add_argument("--before", metavar="REF", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=HERE / "build_pairs.json")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
           "PITCHCRAFT_SEARCH": "material"}
    results: dict = {"command": "python -m bench.build_pairs " + " ".join(sys.argv[1:]),
                     "cards": args.cards, "builds": []}
    with tempfile.TemporaryDirectory(prefix="pitchcraft-pairs-") as folder:
        work = Path(folder)
        envs = {"before": {**env, "PYTHONPATH": str(before_tree(args.before, work))},
                "after": env}
        root = project(args.cards, work / "project")
        for n in range(args.rounds):
            for side in ("before", "after") if n % 2 == 0 else ("after", "before"):
                load = [round(x, 2) for x in os.getloadavg()]
                build = cold_build(root, work / "site", envs[side])
                results["builds"].append({"round": n + 1, "side": side, "loadavg_before": load,
                                          **build})
                results["summary"] = summary(results["builds"])
                args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
                print(side, build["wall_s"], build["cpu_s"], flush=True)
    print(json.dumps(results["summary"], indent=1))


if __name__ == "__main__":
    main()
