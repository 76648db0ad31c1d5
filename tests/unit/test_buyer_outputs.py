"""Every buyer-facing output of every demo pitch holds only what a buyer may see.

For each industry x problem x persona with a pitch: the Markdown one-pager, and the slides of
the presenter copy and the leave-behind with the presenter copy's speaker notes. None holds a
rep-only note, an internal figure, a step's name, the rep's next step (which speaks of the
buyer in the third person), or the rep's briefing on the buyer ("What they care about").
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from builders import REPO
from pitchcraft.deck.slides import build_deck
from pitchcraft.load import load_content
from pitchcraft.load.rep_notes import card_notes
from pitchcraft.model import NEXT_STEP, SECTIONS, Audience, Content
from pitchcraft.model.outputs import Output
from pitchcraft.pitch import Pitch, compose_pitch, covered_combinations
from pitchcraft.render.buyer_pitch import buyer_pitch
from pitchcraft.render.templates import environment, render
from pitchcraft.render.terminal_text import text_lines
from pitchcraft.theme_files import templates_dir

BUYER_FACING = [o for o in Output if o.buyer_facing]


@pytest.fixture(scope="module")
def demo() -> Content:
    return load_content(REPO / "content")


@pytest.fixture(scope="module")
def pitches(demo: Content) -> list[Pitch]:
    today = dt.date.today()
    found = [compose_pitch(demo, c, today, alternatives=0) for c in covered_combinations(demo)]
    assert found, "the demo has pitches"
    return [p for p in found if p is not None]


def _outputs(pitch: Pitch, company: str) -> dict[str, tuple[list[str], str]]:
    """Each output's titles and everything it says, by name."""
    one_pager = render(environment([templates_dir()]), "pitch.md.j2",
                       buyer=buyer_pitch(pitch, company, Output.MARKDOWN_ONE_PAGER))
    shown = {"one-pager": ([h.removeprefix("## ") for h in one_pager.split("\n")
                            if h.startswith("## ")], one_pager)}
    for output in (Output.PRESENTER_DECK, Output.LEAVE_BEHIND):
        slides = build_deck(pitch, company, output).slides
        said = "\n".join(t for s in slides[1:] for t in (s.title, *s.lines, s.notes))
        shown[output.name] = ([s.title for s in slides], said)
    return shown


def _words(text: str) -> str:
    return " ".join(re.sub(r"[*_`>]", "", text).split())


def test_the_outputs_table_names_who_reads_each_output() -> None:
    assert {o.name for o in BUYER_FACING} == {
        "MARKDOWN_ONE_PAGER", "PUBLIC_SITE", "PRESENTER_DECK", "LEAVE_BEHIND"}
    for output in BUYER_FACING:
        rule = output.rule
        assert not (rule.rep_notes or rule.internal_evidence or rule.method_labels
                    or rule.rep_instructions)
    assert Output.PRESENTER_DECK.rule.speaker_notes
    assert not Output.LEAVE_BEHIND.rule.speaker_notes
    assert Output.TERMINAL_PITCH.rule.rep_notes and not Output.TERMINAL_PITCH.buyer_facing


def test_no_buyer_facing_output_of_the_demo_holds_what_only_the_rep_may_see(
    demo: Content, pitches: list[Pitch],
) -> None:
    assert demo.taxonomy is not None
    company = demo.taxonomy.company.name
    leaks = []
    for pitch in pitches:
        card, persona = pitch.card, pitch.persona
        notes = [line for note in card_notes(card) for line in text_lines(note.text)]
        internal = [e.claim for e in pitch.evidence if e.audience == Audience.INTERNAL]
        section = card.sections.get(NEXT_STEP)
        instructions = [persona.next_step,
                        section.for_buyer(persona.id, pitch.industry.id) if section else ""]
        instructions = [line for text in instructions for line in text_lines(text)]
        for name, (titles, said) in _outputs(pitch, company).items():
            where = f"{card.id} for {persona.id} in {pitch.industry.id}, {name}"
            text = _words(said)
            leaks += [f"{where}: rep note '{n}'" for n in notes if _words(n) in text]
            leaks += [f"{where}: internal '{c}'" for c in internal if _words(c) in text]
            leaks += [f"{where}: rep's next step '{i}'" for i in instructions
                      if _words(i) in text]
            leaks += [f"{where}: step name '{t}' as a title" for t in titles if t in SECTIONS]
            leaks += [f"{where}: '{m}'" for m in re.findall(r"\(\d+ of \d+", said)]
            leaks += [f"{where}: the buyer in the third person ('{label}')" for label in
                      ("they care about", "metrics they own") if label in said.casefold()]
            assert all(t.strip() for t in titles), f"{where}: an empty title"
    assert leaks == []
