"""The buyer's numbers in the printed pitch: defaults, or the rep's from `--inputs`."""

from __future__ import annotations

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
    assert "that is $456,000 a year in demand charges, and $323,760 of it" in printed
    assert "ties up cash: $323,760 a year" in printed
    assert "{cost:" not in printed


def test_the_reps_numbers_change_every_figure(folder: ContentFolder) -> None:
    printed = _pitch(folder, "--inputs", "annual_spend=2000000", "--format", "md")
    assert "that is $760,000 a year in demand charges, and $539,600 of it" in printed
    assert "ties up cash: $539,600 a year" in printed


def test_numbers_outside_the_range_are_kept_inside_it(folder: ContentFolder) -> None:
    printed = _pitch(folder, "--inputs", "annual_spend=999999999999")
    assert "$19,000,000 a year in demand charges" in printed  # 50,000,000 x 38%


def test_talk_time_counts_the_figure_as_said(folder: ContentFolder) -> None:
    content = cost_folder(folder).load()
    pitch = compose_pitch(content, Combination("retail", "late-cash", "coo"), TODAY)
    assert pitch is not None and pitch.figures is not None
    drowning = pitch.steps[2]
    assert drowning.words == len(drowning.text.split())
