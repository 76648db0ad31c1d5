"""The workflow that comments the pitch diff on a pull request: the comment body it would post,
made by running its own steps' shell in a real repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from change_repo import diff_workflow, make_repo, steps
from pitchcraft.changes.report import MARKER


@pytest.fixture(params=["repository", "starter"])
def workflow(request: pytest.FixtureRequest, tmp_path: Path) -> dict:
    return diff_workflow(request.param, tmp_path)


def _bash(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, text=True,
                          capture_output=True, env={**os.environ, **env}, check=False)


def test_the_steps_shell_makes_the_comment_body_it_would_post(workflow, tmp_path):
    repo = make_repo(tmp_path)
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "pitchcraft").symlink_to(Path(sys.executable).parent / "pitchcraft")
    base = subprocess.run(["git", "-C", str(repo), "rev-parse", "start"], text=True,
                          capture_output=True, check=True).stdout.strip()
    touched = steps(workflow).get("Did the content or the templates change?", {}).get("run")
    if touched is None:  # this repository's workflow runs on those paths only
        assert workflow[True]["pull_request"]["paths"] == ["content/**", "theme/**"]
    for since, expected in ((base, "changed=true"), ("HEAD", "changed=false")) if touched else ():
        output = tmp_path / f"out-{expected}"
        done = _bash(touched, repo, BASE=since, GITHUB_OUTPUT=str(output))
        assert done.returncode == 0, done.stderr
        assert output.read_text().strip() == expected
    done = _bash(steps(workflow)["Pitch changes"]["run"], repo, BASE=base)
    assert done.returncode == 0, done.stderr
    body = (repo / "pitch-diff.md").read_text()
    assert body.splitlines()[0] == MARKER
    assert f"Compared **{base[:8]}** with **HEAD (" in body
    summary = body.split("<details>", 1)[0]
    assert "3 pitches change, 2 ledger figures, 3 cards" in summary
    assert "Logistics x Late cash x Chief Financial Officer: no longer covered" in summary
    assert len(body) < 65_536
