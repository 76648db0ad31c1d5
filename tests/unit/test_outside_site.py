"""A command run outside a site says where it looked and what to do: run it in the site's
folder (named when one is near), or start a site with `pitchcraft init`; never click's
`Directory 'content' does not exist`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pitchcraft.cli import main

BUYER = ["--industry", "retail", "--problem", "payroll-errors", "--persona", "cfo"]
COMMANDS = {
    "build": (["build"], "mkdocs.yml"),
    "check": (["check"], "content"),
    "pitch": (["pitch", *BUYER], "content"),
    "deck": (["deck", *BUYER, "-o", "x.pptx"], "content"),
    "new card": (["new", "card", "--title", "T"], "content"),
    "report": (["report"], "content"),
    "diff": (["diff", "HEAD~1"], "content"),
    "generate": (["generate"], "mkdocs.yml"),
    "prep new": (["prep", "new", "account.yml"], "content"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_outside_any_site_each_command_names_where_it_looked_and_suggests_init(
    name, tmp_path, monkeypatch
):
    args, looked_for = COMMANDS[name]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"at {tmp_path / looked_for}" in result.output
    assert "`pitchcraft init`" in result.output
    assert "does not exist" not in result.output


@pytest.mark.parametrize("name", ["check", "build"])
def test_beside_or_inside_a_site_the_command_names_the_sites_folder(name, tmp_path, monkeypatch):
    site = tmp_path / "acme"
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    for where in (tmp_path, site / "content" / "insights"):
        monkeypatch.chdir(where)
        result = CliRunner().invoke(main, COMMANDS[name][0])
        assert result.exit_code == 2
        assert f"A site is at {site}: run the command there (cd {site})." in result.output


def test_a_site_folder_without_content_asks_for_the_content_folder(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert f"No content folder at {tmp_path / 'content'}. This folder has mkdocs.yml" in (
        result.output)
