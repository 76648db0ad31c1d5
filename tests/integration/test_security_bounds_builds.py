"""Bounded work on hostile input, through the commands that build: a number no float can
hold stops `pitchcraft generate` and the real `mkdocs build` with its finding, never a
traceback."""

from __future__ import annotations

from click.testing import CliRunner

from builders import site_project
from cost_content import COST_FRONT, cost_folder
from findings import BIG, assert_clean_exit, edit
from pitchcraft.cli import main
from site_server import mkdocs_build

# --- numbers no float can hold: findings with their lines, never tracebacks -----------------


def test_a_400_digit_input_stops_generate_with_the_finding(folder, tmp_path):
    cost_folder(folder, front=edit(COST_FRONT, "max: 50000000", f"max: {BIG}"))
    project = site_project(tmp_path, folder.root)
    result = CliRunner().invoke(main, ["generate", "-f", str(project / "mkdocs.yml"),
                                       str(tmp_path / "pages")])
    assert_clean_exit(result)
    assert "annual_spend: max is too large to compute with" in result.output


def test_a_400_digit_formula_literal_stops_the_real_build_with_the_finding(folder, tmp_path):
    """It once passed check and crashed the build writing the calculator's JSON."""
    old = "formula: annual_spend * ledger.demand-share"
    cost_folder(folder, front=edit(COST_FRONT, old, f"formula: annual_spend * {BIG}"))
    project = site_project(tmp_path, folder.root)
    result = mkdocs_build(project, tmp_path / "site", "--no-strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr
    assert "startup.md" in result.stderr and "a number of 401 digits" in result.stderr
