"""A reviewer reads a ledger-figure change of the demo in a minute: `pitchcraft diff --format
md` fits in 40 lines, the figure is one highlighted line naming the pitches that quote it, and
a pitch's changed step shows its changed words only."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from builders import DEMO
from change_repo import _git
from pitchcraft.cli import main

LINES = 40


def _most_quoted() -> list[str]:
    """The ledger figure most cards cite, and the one most cost-model formulas use."""
    texts = [p.read_text() for p in DEMO.rglob("*.md")]
    cited = Counter(m for t in texts for m in re.findall(r"ref: ([a-z0-9-]+)", t))
    computed = Counter(m for t in texts for m in re.findall(r"ledger\.([a-z0-9-]+)", t))
    return list(dict.fromkeys([cited.most_common(1)[0][0], computed.most_common(1)[0][0]]))


@pytest.mark.parametrize("figure_id", _most_quoted())
def test_one_ledger_figure_change_of_the_demo_fits_in_40_lines(tmp_path: Path, figure_id,
                                                               monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(DEMO, repo / "content")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "The demo")
    ledger = repo / "content/evidence.yml"
    entry = next(e for e in yaml.safe_load(ledger.read_text())["evidence"]
                 if e["id"] == figure_id)
    old = str(entry["figure"])
    number = re.search(r"\d+(?:\.\d+)?", old).group()
    new = old.replace(number, str(int(float(number)) + 3), 1)
    text = ledger.read_text()
    at = text.index(f"id: {figure_id}\n")
    ledger.write_text(text[:at] + text[at:].replace(f"figure: {old}", f"figure: {new}", 1))
    _git(repo, "commit", "-q", "-am", f"{figure_id}: {old} -> {new}")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "HEAD~1", "--format", "md"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) <= LINES, result.output
    (line,) = [x for x in lines if x.startswith(f"- `{figure_id}`")]
    assert f"~~{old}~~ → **{new}**" in line
    assert "quoted by " in line
    assert "<table>" not in result.output  # no whole evidence table, before and after
