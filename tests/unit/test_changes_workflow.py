"""The workflow that comments the pitch diff on a pull request, tested as far as it runs
without GitHub: valid YAML, the documented command, one comment updated rather than many.
Its shell steps run in a real repository: tests/integration/test_changes_workflow_shell.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import REPO
from change_repo import diff_workflow, steps
from pitchcraft.changes.report import MARKER


@pytest.fixture(params=["repository", "starter"])
def workflow(request: pytest.FixtureRequest, tmp_path: Path) -> dict:
    return diff_workflow(request.param, tmp_path)


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
