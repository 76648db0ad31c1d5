"""`pitchcraft deck`: each copy opened with python-pptx, as PowerPoint would read it.

How the slides look in a client is judged in tests/integration/test_deck_rendering.py.
"""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from builders import TAXONOMY, ContentFolder
from cost_content import COST_FRONT, INTERNAL_CLAIM, NOTED_BODY, REP_NOTE, cost_folder
from pitchcraft.cli import main
from pitchcraft.deck.slides import INTERNAL_TITLE
from pitchcraft.model import SECTIONS

RETAIL_COO = ["--industry", "retail", "--problem", "late-cash", "--persona", "coo"]
COO_PROPOSAL = "We propose to walk the floor with you and mark where the first sensors go."
REP_NEXT_STEP = "Walk the floor together."
HEADLINES = "headlines:\n  reframe: Late payment is a forecast\n"


def _decks(folder: ContentFolder, tmp_path: Path, *args: str, front: str = COST_FRONT,
           body: str = NOTED_BODY) -> tuple[Presentation, Presentation]:
    """The presenter copy and the leave-behind of the COO's pitch."""
    cost_folder(folder, front, body)
    target = tmp_path / "out" / "deck.pptx"
    result = CliRunner().invoke(main, ["deck", *RETAIL_COO, *args, "-o", str(target),
                                       str(folder.root)])
    assert result.exit_code == 0, result.output
    presenter, leave = tmp_path / "out/deck-presenter.pptx", tmp_path / "out/deck-leave-behind.pptx"
    assert f"presenter copy written to {presenter}" in result.output
    assert f"leave-behind written to {leave}" in result.output
    return Presentation(str(presenter)), Presentation(str(leave))


def _texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _notes(slide) -> str:  # type: ignore[no-untyped-def]
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _everything(deck: Presentation) -> str:
    return "\n".join(t for s in deck.slides for t in [*_texts(s), _notes(s)])


def _titles(deck: Presentation) -> list[str]:
    return [s.shapes.title.text for s in deck.slides]


def test_the_presenter_copy_heads_each_step_with_its_headline_and_says_the_talk_track(
    folder: ContentFolder, tmp_path: Path
) -> None:
    presenter, _ = _decks(folder, tmp_path, front=COST_FRONT + HEADLINES)
    slides, titles = list(presenter.slides), _titles(presenter)
    assert titles[0] == "Late payers are a forecasting problem"
    assert "For the Chief Operating Officer" in _texts(slides[0])[1]
    reframe = slides[titles.index("Late payment is a forecast")]  # the card's headline
    assert _notes(reframe) == "Late payment is a forecast you are not making."
    drowning = slides[titles.index("Distributors collect 11.4 days after terms")]  # chosen
    assert _texts(drowning)[1] == ("At your plant that is $460,000 a year in demand charges,"
                                   " and $320,000 of it is set at start-up.")  # as said
    assert "Distributors collect 11.4 days after terms." in _notes(drowning)
    assert titles[-1] == "Our proposal" and _texts(slides[-1])[1] == COO_PROPOSAL
    assert all(title.strip() for title in titles)
    said = _everything(presenter)
    assert REP_NEXT_STEP not in said  # the rep's instruction
    for step in SECTIONS:  # no method label, as a title or in the notes
        assert step not in titles and f"{step} (" not in said
    assert " of 8" not in said and "{cost" not in said and "<span" not in said
    properties = presenter.core_properties
    assert properties.title == "Late payers are a forecasting problem (presenter copy)"
    assert properties.subject.startswith("Presenter copy")


def test_the_leave_behind_has_the_same_slides_and_no_notes(
    folder: ContentFolder, tmp_path: Path
) -> None:
    presenter, leave = _decks(folder, tmp_path)
    assert _titles(leave) == _titles(presenter)
    assert [_texts(s) for s in leave.slides] == [_texts(s) for s in presenter.slides]
    assert not any(s.has_notes_slide for s in leave.slides)
    assert leave.core_properties.title.endswith("(leave-behind)")
    assert leave.core_properties.subject.startswith("Leave-behind")


def test_rep_only_notes_and_internal_evidence_reach_neither_copy(
    folder: ContentFolder, tmp_path: Path
) -> None:
    for deck in _decks(folder, tmp_path):
        everything = _everything(deck)
        assert "Predictive dunning ranks invoices by risk" in everything
        assert "It runs beside your ERP." in everything  # the text after the rep note
        assert REP_NOTE not in everything and "Discount" not in everything
        assert "Rep only" not in everything
        assert INTERNAL_CLAIM not in everything and "CRM export" not in everything


def test_internal_evidence_only_in_a_preparation_copy_on_a_last_slide_that_says_to_remove_it(
    folder: ContentFolder, tmp_path: Path
) -> None:
    presenter, leave = _decks(folder, tmp_path, "--internal")
    assert INTERNAL_CLAIM not in _everything(presenter) + _everything(leave)
    slides = list(Presentation(str(tmp_path / "out/deck-preparation.pptx")).slides)
    last = slides[-1]
    assert last.shapes.title.text == INTERNAL_TITLE
    assert INTERNAL_CLAIM in _texts(last)[1]
    assert all(INTERNAL_CLAIM not in t for s in slides[:-1] for t in _texts(s))
    assert REP_NOTE not in "\n".join(t for s in slides for t in _texts(s))


def test_the_buyers_numbers_reach_the_slides_and_the_evidence(
    folder: ContentFolder, tmp_path: Path
) -> None:
    presenter, _ = _decks(folder, tmp_path, "--inputs", "annual_spend=2000000")
    everything = _everything(presenter)
    assert "$760,000 a year in demand charges" in everything
    assert all(default not in everything for default in ("$456,000", "$460,000", "$1,200,000"))
    evidence = [s for s in presenter.slides
                if s.shapes.title.text == "Where the figures come from"]
    shown = "\n".join(_texts(slide)[1] for slide in evidence).split("\n")
    assert "Demand charges a year: $2,000,000 \u00d7 38% = $760,000" in shown  # exact, theirs
    assert "Demand charge set at start-up: $760,000 \u00d7 71% = $539,600" in shown


def test_the_proposal_is_the_cards_for_this_buyer_and_none_means_no_next_step_slide(
    folder: ContentFolder, tmp_path: Path
) -> None:
    written = NOTED_BODY + ("\n## Proposal\nWe propose a pilot.\n\n### For: coo\n"
                            "We propose a two-week pilot on your busiest line.\n")
    presenter, _ = _decks(folder, tmp_path, body=written)
    last = list(presenter.slides)[-1]  # a short proposal is its own headline
    assert last.shapes.title.text == "We propose a two-week pilot on your busiest line"
    assert _notes(last) == "We propose a two-week pilot on your busiest line."
    folder.write("taxonomy.yml", "\n".join(
        line for line in TAXONOMY.split("\n") if "proposal:" not in line))
    presenter, leave = _decks(folder, tmp_path)
    for deck in (presenter, leave):
        assert "Our proposal" not in _titles(deck) and "propose" not in _everything(deck)
        assert REP_NEXT_STEP not in _everything(deck)


def test_a_long_opening_sentence_stays_whole_and_the_headline_is_a_clause_that_fits(
    folder: ContentFolder, tmp_path: Path
) -> None:
    long = ("More than a third of your bill is priced not on what you use but on one spike a"
            " month: that spike is a scheduling decision nobody in finance sees.")
    body = NOTED_BODY.replace("Late payment is a forecast you are not making.", long)
    presenter, _ = _decks(folder, tmp_path, body=body)
    titles = _titles(presenter)
    reframe = list(presenter.slides)[2]
    assert reframe.shapes.title.text == "A different way to see it"  # no clause of <= 10 words
    assert _texts(reframe)[1] == long and _notes(reframe) == long
    assert "Was proud of it" not in titles


def _reference(path: Path) -> Path:
    """A company's deck: 4:3, a mark on its master, a renamed layout and an example slide."""
    reference = Presentation()
    reference.slide_width, reference.slide_height = Inches(10), Inches(7.5)
    reference.slide_layouts[1].name = "Pitchcraft step"
    example = reference.slides.add_slide(reference.slide_layouts[0])
    example.shapes.title.text = "EXAMPLE SLIDE"
    mark = example.shapes.add_textbox(Inches(0.2), Inches(7), Inches(3), Inches(0.4))
    mark.text_frame.text = "ACME CONFIDENTIAL"  # python-pptx adds shapes to slides only
    reference.slide_masters[0].shapes._spTree.append(copy.deepcopy(mark._element))
    reference.save(str(path))
    return path


def test_a_reference_deck_gives_its_layouts_size_and_master(
    folder: ContentFolder, tmp_path: Path
) -> None:
    for deck in _decks(folder, tmp_path, "--reference-deck",
                       str(_reference(tmp_path / "acme.pptx"))):
        assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
        layouts = [s.slide_layout.name for s in deck.slides]
        assert layouts[0] == "Title Slide" and set(layouts[1:]) == {"Pitchcraft step"}
        master_text = [sh.text_frame.text for sh in deck.slide_masters[0].shapes
                       if sh.has_text_frame]
        assert "ACME CONFIDENTIAL" in master_text
        assert "EXAMPLE SLIDE" not in _everything(deck)


def test_without_a_reference_the_deck_is_16_by_9(folder: ContentFolder, tmp_path: Path) -> None:
    presenter, _ = _decks(folder, tmp_path)
    assert round(presenter.slide_width / presenter.slide_height, 2) == round(16 / 9, 2)


def test_a_reference_that_is_not_a_deck_is_a_usage_error(
    folder: ContentFolder, tmp_path: Path
) -> None:
    cost_folder(folder)
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a deck")
    result = CliRunner().invoke(main, ["deck", *RETAIL_COO, "--reference-deck", str(bad), "-o",
                                       str(tmp_path / "d.pptx"), str(folder.root)])
    assert result.exit_code == 2 and "notes.pptx: not a PowerPoint deck" in result.output
    assert not list(tmp_path.glob("d*.pptx"))


def test_a_card_that_does_not_cover_the_buyer_is_refused(
    folder: ContentFolder, tmp_path: Path
) -> None:
    cost_folder(folder)
    result = CliRunner().invoke(main, ["deck", "--industry", "logistics", "--problem",
                                       "late-cash", "--persona", "coo", "--card", "startup",
                                       "-o", str(tmp_path / "d.pptx"), str(folder.root)])
    assert result.exit_code == 1
    assert "card 'startup' does not cover logistics x late-cash x coo" in result.output
    assert not list(tmp_path.glob("d*.pptx"))


def test_a_headline_of_more_than_eight_words_is_a_finding(folder: ContentFolder) -> None:
    long = "headlines:\n  reframe: One two three four five six seven eight nine\n"
    cost_folder(folder, COST_FRONT + long)
    found = [f for f in folder.load().findings if "headlines" in f.message]
    assert len(found) == 1 and "more than 8 words" in found[0].message
