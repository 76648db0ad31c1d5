"""Publishing: the workflow that publishes the site is valid YAML and runs only the README's
commands."""

from __future__ import annotations

import re

import yaml

from builders import REPO


def test_workflow_is_valid_yaml_and_runs_only_the_readme_commands():
    readme = (REPO / "README.md").read_text()
    commands = {line.strip() for block in re.findall(r"```bash\n(.*?)```", readme, re.S)
                for line in block.splitlines() if line.strip()}
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text())
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "run" in step]
    assert len(runs) >= 4
    assert [run for run in runs if run.strip() not in commands] == []
    uses = {step["uses"].split("@")[0] for job in workflow["jobs"].values()
            for step in job["steps"] if "uses" in step}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    deploy_runs = [s["run"] for s in workflow["jobs"]["deploy"]["steps"] if "run" in s]
    assert deploy_runs and all("--audience public" in r for r in deploy_runs)  # Pages is public
    assert not any("--drafts" in run or "PITCHCRAFT_DRAFTS" in run for run in runs)
    test_command = (REPO / ".ci/run").read_text().strip().splitlines()[-1]
    assert test_command in commands and "pytest" in test_command
