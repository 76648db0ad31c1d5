"""The Changes page reads content commits only: a commit that also changed code, templates or
docs, and a merge, never reach reps; a content commit brought in by a merge does."""

from __future__ import annotations

from pathlib import Path

from builders import TODAY
from change_repo import _git, _write, make_repo
from pitchcraft.changes.history import content_history


def test_engineering_commits_and_merges_are_left_out_and_content_commits_kept(tmp_path: Path):
    repo = make_repo(tmp_path)
    ledger = repo / "content/evidence.yml"
    _git(repo, "checkout", "-q", "-b", "engine-lane")
    _write(repo / "generator.py", "print('faster')\n")
    _write(ledger, ledger.read_text().replace("12 minutes", "13 minutes"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Engine: faster builds (and a ledger touch-up)",
         when="2026-11-08T09:00:00+00:00")
    _write(ledger, ledger.read_text().replace("Testco time study 2026",
                                              "Testco time study, spring 2026"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Name the season of the time study",
         when="2026-11-09T09:00:00+00:00")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--no-ff", "-m", "Merge branch 'engine-lane' into main",
         "engine-lane", when="2026-11-10T09:00:00+00:00")
    subjects = [e.commit.subject for e in content_history(repo / "content", TODAY).entries]
    assert subjects[0] == "Name the season of the time study"
    assert "Retire the logistics card" in subjects
    assert not [s for s in subjects if s.startswith(("Engine:", "Merge"))]
