"""A pull request that edits a battlecard: `pitchcraft diff` names the alternative, what in it
changed, every pitch it alters and, when its review is overdue, that it is stale; an edited
verdict names its card and factor. In the pull-request comment, one line per alternative."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import REPO
from change_repo import _git
from pitchcraft.cli import main

FIXTURE = REPO / "tests" / "golden" / "battlecards" / "content"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo / "content")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Content")
    monkeypatch.chdir(repo)
    return repo


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_an_edited_battlecard_and_verdict_name_every_pitch_they_alter(repo: Path):
    _edit(repo / "content/taxonomy.yml", "Never say the credit team is wasting its time.",
          "Never say the credit team wastes its time.")
    _edit(repo / "content/insights/late-payers-are-a-forecast.md",
          'commercials: {verdict: worse, reason: "The module is free."}',
          'commercials: {verdict: equal, reason: "The module is free; so is our first month."}')
    _git(repo, "commit", "-q", "-am", "Battlecard and verdict")
    text = CliRunner().invoke(main, ["diff", "HEAD~1"])
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    assert lines[0].endswith("0 pitches, 0 ledger figures, 0 cards, 2 alternatives")
    (status_quo,) = [line for line in lines if line.startswith("  ~ status-quo ")]
    assert status_quo.startswith("  ~ status-quo (Chasing late payers by phone): landmines; "
                                 "alters 3 pitches: Retail x Late cash")
    assert status_quo.endswith("[stale: review was due 2026-07-01]")
    (erp,) = [line for line in lines if line.startswith("  ~ erp-dunning ")]
    assert "late-payers-are-a-forecast: commercials; alters 2 pitches" in erp
    assert "[stale" not in erp
    md = CliRunner().invoke(main, ["diff", "HEAD~1", "--format", "md"]).output
    assert len(md.splitlines()) <= 15, md
    assert "**stale**: review was due 2026-07-01" in md
