"""The buyer's numbers in the printed pitch: defaults, or the rep's from `--inputs`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import TODAY, ContentFolder
from cost_content import cost_folder
from pitchcraft.cli import main
from pitchcraft.pitch import Combination, compose_pitch

RETAIL_COO = ["--industry", "retail", "--problem", "late-cash", "--persona", "coo"]


def _pitch(folder: ContentFolder, *args: str) -> str:
    cost_folder(folder)
    result = CliRunner().invoke(main, ["pitch", *RETAIL_COO, *args, str(folder.root)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # the terminal wraps lines


def test_the_pitch_says_the_figures_for_the_defaults(folder: ContentFolder) -> None:
    printed = _pitch(folder)
    assert "that is $460,000 a year in demand charges, and $320,000 of it" in printed
    assert "ties up cash: $320,000 a year" in printed  # said as a person says it
    assert "{cost:" not in printed


def test_the_reps_numbers_change_every_figure(folder: ContentFolder) -> None:
    printed = _pitch(folder, "--inputs", "annual_spend=2000000", "--format", "md")
    assert "that is $760,000 a year in demand charges, and $540,000 of it" in printed
    assert "ties up cash: $540,000 a year" in printed


def _refused(folder: ContentFolder, command: str, inputs: str, tmp_path: Path) -> str:
    cost_folder(folder)
    extra = ["-o", str(tmp_path / "deck.pptx")] if command == "deck" else []
    result = CliRunner().invoke(
        main, [command, *RETAIL_COO, "--inputs", inputs, *extra, str(folder.root)])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "deck.pptx").exists()
    assert "annual_spend: Annual electricity spend in USD, 100000 to 50000000, default 1200000" \
        in result.output  # the valid inputs, with range, unit and default
    return " ".join(result.output.split())


@pytest.mark.parametrize("command", ["pitch", "deck"])
@pytest.mark.parametrize(("inputs", "said"), [
    ("annual_spnd=2000000", "'annual_spnd' is not an input of this card's cost model"),
    ("annual_spend=two million", "annual_spend='two million' is not a plain number"),
    ("annual_spend=2,000,000", "annual_spend='2,000,000' is not a plain number"),
    ("annual_spend=2000000,starts=3", "annual_spend='2000000,starts=3' is not a plain number"),
    ("annual_spend=999999999999", "annual_spend=999999999999 is outside 100000 to 50000000"),
    ("annual_spend=50", "annual_spend=50 is outside 100000 to 50000000"),
    ("annual_spend", "'annual_spend' has no value"),
    ("annual_spend=2000000&annual_spend=3000000", "'annual_spend' is given twice"),
])
def test_numbers_that_cannot_be_used_as_typed_stop_the_command(
    folder: ContentFolder, tmp_path: Path, command: str, inputs: str, said: str
) -> None:
    assert said in _refused(folder, command, inputs, tmp_path)


def test_every_problem_is_named_at_once(folder: ContentFolder, tmp_path: Path) -> None:
    said = _refused(folder, "pitch", "trucks=50&annual_spend=1e6", tmp_path)
    assert "'trucks' is not an input" in said
    assert "annual_spend='1e6' is not a plain number" in said


def test_talk_time_counts_the_figure_as_said(folder: ContentFolder) -> None:
    content = cost_folder(folder).load()
    pitch = compose_pitch(content, Combination("retail", "late-cash", "coo"), TODAY)
    assert pitch is not None and pitch.figures is not None
    drowning = pitch.steps[2]
    assert drowning.words == len(drowning.text.split())


def test_inputs_for_a_card_without_a_cost_model_are_refused(folder: ContentFolder) -> None:
    folder.card("plain")
    result = CliRunner().invoke(
        main, ["pitch", *RETAIL_COO, "--inputs", "annual_spend=2000000", str(folder.root)])
    assert result.exit_code == 2, result.output
    assert "this card has no cost model, so it takes no inputs" in result.output
