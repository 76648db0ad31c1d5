"""The 30-second summary at the top of a persona's tab: what it takes from the pitch."""

from __future__ import annotations

import datetime as dt

from builders import DEMO
from pitchcraft.load import load_content
from pitchcraft.pitch import CardIndex, compose_pitch, covered_combinations
from pitchcraft.pitch.summary import MAX_WORDS, lead_sentences, summarize

TODAY = dt.date(2026, 11, 30)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_demo_summary_is_read_from_its_pitch():
    """Headline is the card title; reframe and next step open the persona's own text; the
    figures are the first two research figures the pitch shows (its own metrics first), never
    our own results or an internal figure."""
    content = load_content(DEMO, TODAY)
    index = CardIndex(content.cards)
    combinations = covered_combinations(content)
    assert combinations
    for combination in combinations:
        pitch = compose_pitch(content, combination, TODAY, index)
        assert pitch is not None, combination
        summary = summarize(pitch)
        reframe = next(s.text for s in pitch.steps if s.key == "reframe")
        assert summary.headline == pitch.card.title
        assert summary.reframe and squash(reframe).startswith(summary.reframe), combination
        assert squash(pitch.next_step.text).startswith(summary.next_step), combination
        numbers = [e for e in pitch.research
                   if e.audience != "internal" and any(c.isdigit() for c in e.figure)]
        assert summary.figures == tuple(numbers[:2])  # quotable figures, in the pitch's order


def test_a_rep_note_or_heading_never_leads_the_summary():
    text = ('!!! rep "Rep only"\n    Discount up to 18 percent.\n\n### Aside\n\n'
            "Your baseload is a choice. It moves with **shift start**. Nobody owns it.")
    assert lead_sentences(text) == "Your baseload is a choice. It moves with **shift start**."


def test_a_long_second_sentence_stays_in_the_talk_track():
    long = " ".join(["word"] * MAX_WORDS)
    assert lead_sentences(f"The bill is a schedule. {long}.") == "The bill is a schedule."
    assert lead_sentences("- Book a site walk. Then the pilot.\n- Other point") == (
        "Book a site walk. Then the pilot.")
    assert lead_sentences("") == ""


def test_code_with_a_blank_line_never_leads_the_summary():
    """Blocks come from the Markdown parse, so the second half of a code sample is still code."""
    text = "```text\nmax_demand_kw = 410\n\nbilled_kw = 612\n```\n\nThe peak sets the bill."
    assert lead_sentences(text) == "The peak sets the bill."
    assert lead_sentences("> Quoted by a *buyer*.\n> Still quoted.") == (
        "Quoted by a *buyer*. Still quoted.")
