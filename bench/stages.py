"""Where `check`'s time goes, stage by stage, against the read+parse limit's two stages.

    python -m bench.stages CONTENT_DIR

prints JSON: CPU seconds (best of 3) for each stage of loading every card, run over all
cards at once, and the whole `load_content`; plus the import time of the `pitchcraft` command
and of PyYAML alone. Used by run.py for RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench import limit
from pitchcraft.load import load_content
from pitchcraft.load.frontmatter import decode, split
from pitchcraft.load.html_policy import unsafe_html
from pitchcraft.load.schema import CARD_SCHEMA
from pitchcraft.load.schema_check import check_fields
from pitchcraft.load.sections import parse_body
from pitchcraft.load.yaml_positions import parse_yaml


def best(work: Callable[[], object], times: int = 3) -> float:
    """CPU seconds, best of `times`, with the cycle collector paused as `load_content` does."""
    spent = []
    for _ in range(times):
        gc.disable()
        start = time.process_time()
        try:
            work()
        finally:
            spent.append(time.process_time() - start)
            gc.enable()
            gc.collect()
    return min(spent)


def imports(module: str) -> float:
    """Wall time of a fresh interpreter that imports `module`, best of 3."""
    spent = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        spent.append(time.perf_counter() - start)
    return min(spent)


def stages(root: Path) -> dict:
    files = sorted((root / "insights").rglob("*.md"))
    raws = [f.read_bytes() for f in files]
    texts = [decode(raw, "card.md")[0] or "" for raw in raws]
    parts = [p for p in (split(t, "card.md")[0] for t in texts) if p is not None]
    parsed = [y for y in (parse_yaml(p.front_matter, "card.md", 2)[0] for p in parts) if y]
    fronts = [limit.front_matter(t) for t in texts]
    today = dt.date(2026, 11, 24)
    check = {
        "read files": best(lambda: [f.read_bytes() for f in files]),
        "decode and split": best(lambda: [split(decode(r, "c")[0] or "", "c") for r in raws]),
        "unsafe HTML scan": best(lambda: [unsafe_html(t, "card.md") for t in texts]),
        "YAML (values, lines, duplicates)": best(
            lambda: [parse_yaml(p.front_matter, "card.md", 2) for p in parts]),
        "schema": best(lambda: [check_fields(y.data, CARD_SCHEMA, y.positions, "card.md")
                                for y in parsed]),
        "Markdown sections": best(lambda: [parse_body(p.body, p.body_line, "card.md")
                                           for p in parts]),
    }
    total = best(lambda: load_content(root, today=today))
    check["cards, cross-checks, the rest"] = max(0.0, total - sum(check.values()))
    floor = {
        "read files": best(lambda: [f.read_text(encoding="utf-8") for f in files]),
        "split": best(lambda: [limit.front_matter(t) for t in texts]),
        "yaml.load (C loader)": best(
            lambda: [yaml.load(f, Loader=limit.Loader) for f in fronts]),
    }
    return {"cards": len(files), "check": check, "check_total": total, "limit": floor,
            "limit_total": best(lambda: limit.read_and_parse(root)),
            "import_pitchcraft_cli": imports("pitchcraft.cli"), "import_yaml": imports("yaml")}


if __name__ == "__main__":
    print(json.dumps(stages(Path(sys.argv[1]))))
