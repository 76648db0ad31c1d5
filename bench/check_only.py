"""`pitchcraft check` alone, now and at an earlier commit, against the read+parse limit.

    python -m bench.check_only --sizes 1000 10000 --repeat 5 --before ce1420c

For a quick look at what a change to loading costs, without the site builds of bench/run.py:
for each size N it writes the synthetic content set (bench/corpus.py) and times, each in a
fresh process and interleaved so a slower machine minute does not always hit the same side,
bench/limit.py (read the files, parse their YAML with PyYAML's C loader), the same plus the
markdown-it block parse of each body (`limit.py --markdown`, the parse issue 15 requires),
`pitchcraft check` with the working tree, and `pitchcraft check` with the generator package
of git REF. Prints a Markdown table of medians (wall and CPU seconds, peak memory) and the
ratio of `check` to each floor: first to read+parse, as it always was, then to
read+parse+blocks.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import corpus
from bench.run import before_tree, log, measure

BENCH = Path(__file__).resolve().parent



def run_size(n: int, work: Path, repeat: int, envs: dict[str, dict[str, str]]) -> dict:
    content = corpus.make_corpus(n, work / f"n{n}")
    pitchcraft = str(Path(sys.executable).parent / "pitchcraft")
    floor = [sys.executable, str(BENCH / "limit.py")]
    commands = {"limit": [*floor, str(content)],
                "limit_md": [*floor, "--markdown", str(content)],
                **{name: [pitchcraft, "check", str(content)] for name in envs
                   if name not in ("limit", "limit_md")}}
    for name, cmd in commands.items():  # warm-up: bytecode and the disk cache
        measure(cmd, envs[name])
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for rep in range(repeat):
        order = list(commands) if rep % 2 == 0 else list(reversed(commands))
        for name in order:
            runs[name].append(measure(commands[name], envs[name]))
    result = {name: {key: statistics.median(r[key] for r in done)
                     for key in ("wall", "cpu", "rss_mb")} for name, done in runs.items()}
    log(f"N={n}: " + ", ".join(f"{k} {v['wall']:.2f} s" for k, v in result.items()))
    return result


def table(results: dict[int, dict], before: str | None) -> str:
    """Wall seconds, and CPU seconds, which other work on a shared machine does not stretch."""
    checks = [("check now", "now")]
    if before:
        checks.append((f"check at {before}", "before"))
    sides = [("read+parse", "limit"), ("read+parse+blocks", "limit_md"), *checks]
    head = ["N", *(f"{label}: wall / CPU / peak" for label, _ in sides),
            *(f"{label} / {floor} (CPU)" for floor, _ in sides[:2] for label, _ in checks)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n, r in sorted(results.items()):
        row = [f"{n:,}", *(f"{r[key]['wall']:.2f} s / {r[key]['cpu']:.2f} s /"
                             f" {r[key]['rss_mb']:.0f} MB" for _, key in sides),
               *(f"{r[key]['cpu'] / r[floor]['cpu']:.2f}x" for _, floor in sides[:2]
                 for _, key in checks)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", metavar="REF", help="also time `check` at git REF")
    args = parser.parse_args()
    env = {**os.environ}
    envs = {"limit": env, "limit_md": env, "now": env}
    with tempfile.TemporaryDirectory(prefix="pitchcraft-check-bench-") as folder:
        work = Path(folder)
        if args.before:
            old = before_tree(args.before, work)
            envs["before"] = {**env, "PYTHONPATH": os.pathsep.join(
                [str(old), *filter(None, [env.get("PYTHONPATH")])])}
        results = {n: run_size(n, work, args.repeat, envs) for n in args.sizes}
    print(f"python -m bench.check_only {' '.join(sys.argv[1:])}  "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(table(results, args.before))
    if args.before:
        print(subprocess.run(["git", "-C", str(BENCH.parent), "rev-parse", "--short",
                              args.before], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
