"""`pitchcraft init`: a company starts its site from one command and never loses a file to it.
The build right after: tests/integration/test_init_build.py."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from builders import DEMO, REPO
from pitchcraft.cli import main

STARTER = {
    ".github/workflows/pitchcraft.yml", ".vscode/settings.json", "content/evidence.yml",
    "content/insights/corrections-are-a-roster-problem.md", "content/taxonomy.yml",
    "docs/meeting-prep.md", "docs/authoring.md", "docs/adopting.md", "docs/publishing.md",
    ".gitignore", "mkdocs.yml", "schema/card.schema.json",
    "schema/evidence.schema.json", "schema/taxonomy.schema.json",
}


def _files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_init_writes_a_starter_site_that_checks_clean(tmp_path):
    site = tmp_path / "acme"
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(site)])
    assert result.exit_code == 0, result.output
    assert _files(site) == STARTER
    check = runner.invoke(main, ["check", "--strict", str(site / "content")])
    assert check.exit_code == 0, check.output
    assert "1 cards: 1 published; 0 errors, 0 warnings" in check.output
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    assert {k: config[k] for k in ("site_name", "theme", "plugins")} == {
        "site_name": "Teaching pitches", "theme": {"name": "material", "font": False},
        "plugins": ["search", "pitchcraft"]}
    taxonomy = yaml.safe_load((site / "content/taxonomy.yml").read_text())
    assert [len(taxonomy[k]) for k in ("industries", "problems", "personas")] == [1, 1, 1]


def test_init_wires_the_schemas_for_editors(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    for kind in ("card", "taxonomy", "evidence"):
        printed = CliRunner().invoke(main, ["schema", kind]).output
        assert (tmp_path / f"schema/{kind}.schema.json").read_text() == printed
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text())
    for schema, targets in settings["yaml.schemas"].items():
        assert (tmp_path / schema).is_file()
        assert all((tmp_path / t).is_file() for t in targets)
    first_line = (tmp_path / "content/taxonomy.yml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/taxonomy.schema.json"


def test_the_starter_workflow_checks_builds_strict_and_deploys_only_the_public_site(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pitchcraft.yml").read_text())
    runs = {job: [s["run"] for s in spec["steps"] if "run" in s]
            for job, spec in workflow["jobs"].items()}
    assert any("check --strict --format github content" in r for r in runs["check"])
    assert any("build --strict" in r for r in runs["check"])
    assert any("build --strict --audience public" in r for r in runs["deploy"])
    assert not any("--drafts" in r for job in runs.values() for r in job)
    assert "@VERSION@" not in workflow["env"]["PITCHCRAFT"]


@pytest.mark.parametrize("existing", ["mkdocs.yml", "content/taxonomy.yml",
                                      ".github/workflows/pitchcraft.yml"])
def test_init_refuses_a_folder_that_holds_any_of_its_files_and_writes_nothing(
    tmp_path, existing
):
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n")
    (tmp_path / ".git").mkdir()  # a fresh repository is fine
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert f"already holds {existing}; nothing was written" in result.output
    assert _files(tmp_path) == {existing}
    assert (tmp_path / existing).read_text() == "mine\n"


def test_init_demo_writes_the_gridlark_content_and_guides(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["init", "--demo", str(tmp_path)])
    assert result.exit_code == 0, result.output
    cards = {p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*.md")}
    assert {f"content/{c}" for c in cards} <= _files(tmp_path)
    assert (tmp_path / "content/taxonomy.yml").read_text() == (DEMO / "taxonomy.yml").read_text()
    guides = {"docs/meeting-prep.md", "docs/authoring.md", "docs/publishing.md",
              "docs/adopting.md"}
    assert guides <= _files(tmp_path)
    for guide in guides:  # the package's own guides, word for word: one source each
        assert (tmp_path / guide).read_text() == (REPO / guide).read_text()
    assert "corrections-are-a-roster-problem" not in " ".join(_files(tmp_path))
    check = runner.invoke(main, ["check", "--strict", str(tmp_path / "content")])
    assert check.exit_code == 0, check.output


def test_init_writes_the_team_guides_from_the_package_and_names_every_guide(tmp_path):
    site = tmp_path / "acme"
    result = CliRunner().invoke(main, ["init", str(site)])
    assert result.exit_code == 0, result.output
    for guide in ("authoring.md", "adopting.md", "publishing.md"):
        assert (site / "docs" / guide).read_text() == (REPO / "docs" / guide).read_text()
        assert f"docs/{guide}" in result.output
    assert "docs/meeting-prep.md" in result.output
    assert "cost_model:" in (site / "docs/authoring.md").read_text()  # the cost-model format
    assert f"cd {site} && pitchcraft check --strict && mkdocs serve" in result.output
    mkdocs_comment = (site / "mkdocs.yml").read_text().split("site_name")[0]
    assert "docs/adopting.md" in mkdocs_comment and "of\n# Pitchcraft" not in mkdocs_comment


def test_init_in_the_current_folder_names_it_and_says_no_cd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert f"into the current folder ({tmp_path})" in result.output
    assert "cd ." not in result.output
    assert "\n  pitchcraft check --strict && mkdocs serve\n" in result.output


def test_init_keeps_what_builds_write_out_of_git(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    ignored = (tmp_path / ".gitignore").read_text().splitlines()
    for folder in ("/site/", "/site-drafts/", "/.pitchcraft/"):
        assert folder in ignored


def test_the_reps_guides_tab_holds_the_reps_guide_only(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    for config_file in (tmp_path / "mkdocs.yml", REPO / "mkdocs.yml"):
        text = config_file.read_text()
        config = yaml.safe_load(text.replace("!ENV", ""))
        guides = next(e["Guides"] for e in config["nav"] if "Guides" in e)
        assert guides == ["meeting-prep.md"]
