"""A diff a reviewer reads in a minute: a changed step shows the sentences that changed with
the changed words marked; pitches that changed alike are told once; figures are values."""

from __future__ import annotations

import datetime as dt

from pitchcraft.changes.diff import PitchChange, RowChange, StepChange
from pitchcraft.changes.grouping import _groups
from pitchcraft.changes.snapshot import Figure, PitchState, Step
from pitchcraft.changes.word_diff import GAP, NEW, OLD, changed_words, has_notes

BEFORE = ("Demand charges made up **38%** of the bill. At $1,200,000 a year, that is roughly "
          "**$456,000 a year**. Nobody is asked to explain it.")


def test_a_changed_step_shows_only_its_changed_sentence_with_the_words_marked():
    segments = changed_words(BEFORE, BEFORE.replace("456,000", "492,000"))
    assert [(s.kind, s.text) for s in segments if s.kind != "same"] == [
        (OLD, "$456,000"), (NEW, "$492,000")]
    text = " ".join(s.text for s in segments)
    assert text.startswith(GAP) and text.endswith(GAP)
    assert "Nobody" not in text and "38%" not in text


def test_a_step_with_a_rep_note_is_not_flattened():
    noted = BEFORE + '\n\n!!! rep "Pricing"\n    Offer the pilot first.\n'
    assert has_notes(BEFORE, noted)
    assert not has_notes(BEFORE, BEFORE)


def _figure(value: str) -> Figure:
    return Figure("share", value, "Share of the bill.", "Study", dt.date(2026, 1, 1), "fact",
                  "", "public")


def test_a_changed_row_reads_as_old_to_new():
    assert RowChange("share", _figure("38%"), _figure("41%")).text == "38% → 41%"
    assert RowChange("share", None, _figure("41%")).text == "41% (new)"


def _pitch(persona: str, industry: str = "Retail") -> PitchChange:
    state = PitchState(("retail", "late-cash", persona), (industry, "Late cash", persona),
                       "card", "Card", (Step("reframe", "Reframe", "x"),), ())
    step = StepChange("reframe", "Reframe", Step("reframe", "Reframe", "a"),
                      Step("reframe", "Reframe", "b"))
    return PitchChange("changed", state, state, (step,), True, ("share",),
                       (RowChange("share", _figure("38%"), _figure("41%")),))


def test_pitches_that_changed_alike_are_one_group_named_by_industry_problem_and_personas():
    (group,) = _groups([_pitch("CFO"), _pitch("COO"), _pitch("CFO", "Logistics")])
    assert group.label == "Retail x Late cash (CFO, COO); Logistics x Late cash (CFO)"
    assert len(group.pitches) == 3 and not group.evidence_only
