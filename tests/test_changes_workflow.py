"""The workflow that comments the pitch diff on a pull request, tested as far as it runs
without GitHub: valid YAML, the documented command, and the comment body it would post, made by
running its own steps' shell in a real repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from builders import REPO
from change_repo import make_repo
from pitchcraft.changes.report import MARKER
from pitchcraft.cli import main


def starter_workflow(tmp_path: Path) -> Path:
    assert CliRunner().invoke(main, ["init", str(tmp_path / "company")]).exit_code == 0
    return tmp_path / "company" / ".github" / "workflows" / "pitchcraft.yml"


@pytest.fixture(params=["repository", "starter"])
def workflow(request: pytest.FixtureRequest, tmp_path: Path) -> dict:
    path = (REPO / ".github" / "workflows" / "pitch-diff.yml" if request.param == "repository"
            else starter_workflow(tmp_path))
    return yaml.safe_load(path.read_text())


def steps(workflow: dict) -> dict[str, dict]:
    return {s.get("name", s.get("uses", "")): s for s in workflow["jobs"]["pitch-diff"]["steps"]}


def test_the_diff_job_runs_on_pull_requests_and_may_comment(workflow):
    job = workflow["jobs"]["pitch-diff"]
    assert "pull_request" in workflow[True]  # YAML reads the key `on` as True
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert job["env"]["MARKER"] == MARKER
    assert steps(workflow)["actions/checkout@v4"]["with"]["fetch-depth"] == 0


def test_it_calls_the_command_as_documented(workflow):
    run = steps(workflow)["Pitch changes"]["run"]
    assert run.startswith('.venv/bin/pitchcraft diff "$BASE" HEAD --format md > pitch-diff.md')
    guide = (REPO / "docs" / "publishing.md").read_text()
    assert 'pitchcraft diff "$BASE" HEAD --format md' in guide


def test_it_updates_its_own_comment_instead_of_adding_one(workflow):
    post = steps(workflow)["Post the comment, or update the one posted before"]["run"]
    assert 'startswith(\\"$MARKER\\")' in post
    assert "--method PATCH" in post and "--method POST" in post
    assert post.count("-F body=@pitch-diff.md") == 2


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
