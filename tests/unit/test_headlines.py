"""A slide's headline when the card gives none: a whole clause from the text, or a plain title
for the step, never a fragment, never empty; key lines are whole sentences."""

from __future__ import annotations

from pitchcraft.render.headlines import FALLBACK, MAX_WORDS, choose_headline, key_lines

FRAGMENTS = ["Watched the demand charge rise 14% over the same period. Was proud of it.",
             "Read it as a trend. It is a clash between two timetables."]


def test_fragments_and_sentences_that_lean_on_the_last_are_never_headlines() -> None:
    assert choose_headline("emotional-impact", FRAGMENTS) == (FALLBACK["emotional-impact"], "")


def test_the_first_whole_clause_that_fits_is_the_headline() -> None:
    lines = [*FRAGMENTS, "Defrost timers and the morning trucks set your peak: every summer."]
    assert choose_headline("reframe", lines) == (
        "Defrost timers and the morning trucks set your peak", "")
    headline, used = choose_headline("a-new-way", ["Manage defrost as one schedule."])
    assert (headline, used) == ("Manage defrost as one schedule", "Manage defrost as one schedule.")
    long = " ".join(["word"] * (MAX_WORDS + 1)) + "."
    assert choose_headline("warmer", [long])[0] == FALLBACK["warmer"]


def test_key_lines_are_whole_sentences_without_the_headline() -> None:
    lines = ["Manage defrost as one schedule. That takes three things: seeing the load, "
             "forecasting the interval and the authority to act.", "Is that familiar?"]
    assert key_lines(lines, "Manage defrost as one schedule.") == (
        "That takes three things: seeing the load, forecasting the interval and the authority"
        " to act.", "Is that familiar?")
    assert key_lines(["Only the headline."], "Only the headline.") == ()
