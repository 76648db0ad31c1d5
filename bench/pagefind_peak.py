"""Pagefind's peak memory and time when it indexes a built site, part after part.

    python -m bench.pagefind_peak SITE [--pages-per-part N] [--out FILE]

Removes SITE's `pagefind/` folder, then runs `index_site`
(pitchcraft.output.pagefind_index.py) in a fresh Python process, the way a build's
`on_post_build` runs it. Measured:
- `wall_s`: seconds from starting that process to its end (interpreter start-up included),
  and `cpu_s`, the CPU seconds of it and its Pagefind processes (less stretched by a busy
  machine than the wall time);
- `peak_mb`: the largest resident memory of the process tree at once (Python and the Pagefind
  processes it starts), summed over /proc every 50 ms, so a peak shorter than that can be missed;
- `pagefind_peak_mb`: the largest peak of any one Pagefind process, exact: the Python process
  waits for each Pagefind process it started, so the kernel's `ru_maxrss` of its children
  holds their high-water mark; and `python_peak_mb`, the Python process's own;
- `part_peaks_mb`: each Pagefind process's high-water mark (VmHWM) as last sampled, in start
  order, and `most_at_once`, how many ran at the same time (one: each part's memory is freed
  before the next part starts);
- `pages` (all parts), `parts`, and `part_bytes`, the bytes of each part's files on disk;
- the load average before and after: on a shared machine it says how stretched the wall time is.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pitchcraft.output.pagefind_index import OUTPUT, PAGES_PER_PART, PARTS

CHILD = r"""
import json, resource, sys
from pathlib import Path
from pitchcraft.output.pagefind_index import index_site
pages = index_site(Path(sys.argv[1]), pages_per_part=int(sys.argv[2]))
me, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"pages": pages, "self_kb": me.ru_maxrss, "children_kb": kids.ru_maxrss,
                  "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime}))
"""

SAMPLE_S = 0.05


def index_peak(site: Path, pages_per_part: int = PAGES_PER_PART) -> dict:
    """Index `site` afresh in a child process; its time, memory, pages and parts (see above)."""
    shutil.rmtree(site / OUTPUT, ignore_errors=True)
    load_before = os.getloadavg()
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(site), str(pages_per_part)],
                             stdout=subprocess.PIPE, text=True)
    tree_peak_kb, most_at_once = 0, 0
    hwm_kb: dict[int, int] = {}  # Pagefind pid -> VmHWM, in start order
    while child.poll() is None:
        tree = _tree(child.pid)
        tree_peak_kb = max(tree_peak_kb, sum(_status(pid, "VmRSS") for pid in tree))
        pagefind = [pid for pid in tree if _name(pid).startswith("pagefind")]
        most_at_once = max(most_at_once, len(pagefind))
        for pid in pagefind:
            hwm_kb[pid] = max(hwm_kb.get(pid, 0), _status(pid, "VmHWM"))
        time.sleep(SAMPLE_S)
    wall = time.perf_counter() - start
    out = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise RuntimeError(f"index_site failed ({child.returncode})")
    inner = json.loads(out.strip().splitlines()[-1])
    folders = [site / OUTPUT] + [site / OUTPUT / folder for folder in
                                 json.loads((site / OUTPUT / PARTS).read_text())["merge"]]
    return {"site": str(site), "pages_per_part": pages_per_part, "wall_s": round(wall, 2),
            "cpu_s": round(inner["cpu_s"], 2),
            "peak_mb": round(tree_peak_kb / 1024),
            "pagefind_peak_mb": round(inner["children_kb"] / 1024),
            "python_peak_mb": round(inner["self_kb"] / 1024),
            "part_peaks_mb": [round(kb / 1024) for kb in hwm_kb.values()],
            "most_at_once": most_at_once, "pages": inner["pages"], "parts": len(folders),
            "part_bytes": [_bytes(folder, nested=folders[1:]) for folder in folders],
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()]}


def _tree(root: int) -> list[int]:
    """`root` and every process descended from it, from each process's parent in /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:  # the name, in parentheses, may hold spaces: the parent comes after it
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1]
                                               .split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sorted(tree)


def _status(pid: int, field: str) -> int:
    """A kB field of /proc/PID/status; 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def _bytes(folder: Path, nested: list[Path]) -> int:
    """Bytes of a part's files, without the other parts' folders inside the first part's."""
    return sum(f.stat().st_size for f in folder.rglob("*")
               if f.is_file() and not any(f.is_relative_to(n) for n in nested if n != folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages-per-part", type=int, default=PAGES_PER_PART)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    result = index_peak(args.site, args.pages_per_part)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
