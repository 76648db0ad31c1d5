"""`pitchcraft deck`: each deck opened with python-pptx, as PowerPoint would read it."""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from builders import ContentFolder
from cost_content import INTERNAL_CLAIM, NOTED_BODY, REP_NOTE, cost_folder
from pitchcraft.cli import main
from pitchcraft.deck.slides import INTERNAL_TITLE

RETAIL_COO = ["--industry", "retail", "--problem", "late-cash", "--persona", "coo"]
STEP_TITLES = ["Warmer", "Reframe", "Rational drowning", "Emotional impact", "A new way",
               "Our solution", "Cost of doing nothing"]


def _deck(folder: ContentFolder, tmp_path: Path, *args: str) -> Presentation:
    cost_folder(folder, body=NOTED_BODY)
    target = tmp_path / "out" / "deck.pptx"
    result = CliRunner().invoke(main, ["deck", *RETAIL_COO, *args, "-o", str(target),
                                       str(folder.root)])
    assert result.exit_code == 0, result.output
    return Presentation(str(target))


def _texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _everything(deck: Presentation) -> str:
    return "\n".join(t for s in deck.slides for t in
                     [*_texts(s), s.notes_slide.notes_text_frame.text])


def test_the_deck_has_a_slide_per_step_in_pitch_order_with_the_talk_track_in_the_notes(
    folder: ContentFolder, tmp_path: Path
) -> None:
    deck = _deck(folder, tmp_path)
    slides = list(deck.slides)
    titles = [s.shapes.title.text for s in slides]
    assert titles[0] == "Late payers are a forecasting problem"
    assert "For the Chief Operating Officer" in _texts(slides[0])[1]
    notes = [s.notes_slide.notes_text_frame.text for s in slides]
    steps = [n.split(" (")[0] for n in notes if n.split(" (")[0] in STEP_TITLES]
    assert steps == STEP_TITLES
    assert titles[3] == "Distributors collect 11.4 days after terms."
    assert _texts(slides[3])[1] == ("At your plant that is $460,000 a year in demand charges,"
                                    " and $320,000 of it is set at start-up.")  # as said
    assert titles[4] == "The evidence"  # right after the figures it backs
    evidence = _texts(slides[4])[1]
    assert "Testco Benchmark 2026 (412 customers), 2026-03-31" in evidence
    assert "Utility tariff survey, 2025-11-30" in evidence
    assert titles[-1] == "Next step" and _texts(slides[-1])[1] == "Walk the floor together."
    assert "Walk the floor together." in notes[-1]
    solution = slides[titles.index("Predictive dunning ranks invoices by risk.")]
    assert "Predictive dunning: Predicts late payers." in _texts(solution)[1]
    assert "{cost" not in _everything(deck) and "<span" not in _everything(deck)


def test_rep_only_notes_and_internal_evidence_reach_no_slide_and_no_note(
    folder: ContentFolder, tmp_path: Path
) -> None:
    everything = _everything(_deck(folder, tmp_path))
    assert "It runs beside your ERP." in everything  # the text after the rep note stays
    assert REP_NOTE not in everything and "Discount" not in everything
    assert "Rep only" not in everything
    assert INTERNAL_CLAIM not in everything and "CRM export" not in everything


def test_internal_evidence_only_on_a_last_slide_that_says_to_remove_it(
    folder: ContentFolder, tmp_path: Path
) -> None:
    slides = list(_deck(folder, tmp_path, "--internal").slides)
    last = slides[-1]
    assert last.shapes.title.text == INTERNAL_TITLE
    assert INTERNAL_CLAIM in _texts(last)[1]
    assert all(INTERNAL_CLAIM not in t for s in slides[:-1] for t in _texts(s))
    assert REP_NOTE not in "\n".join(t for s in slides for t in _texts(s))


def test_the_buyers_numbers_reach_the_slides(folder: ContentFolder, tmp_path: Path) -> None:
    everything = _everything(_deck(folder, tmp_path, "--inputs", "annual_spend=2000000"))
    assert "$760,000 a year in demand charges" in everything
    assert "$460,000" not in everything and "$456,000" not in everything


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
    deck = _deck(folder, tmp_path, "--reference-deck", str(_reference(tmp_path / "acme.pptx")))
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    layouts = [s.slide_layout.name for s in deck.slides]
    assert layouts[0] == "Title Slide" and set(layouts[1:]) == {"Pitchcraft step"}
    master_text = [sh.text_frame.text for sh in deck.slide_masters[0].shapes
                   if sh.has_text_frame]
    assert "ACME CONFIDENTIAL" in master_text
    assert "EXAMPLE SLIDE" not in _everything(deck)


def test_a_reference_that_is_not_a_deck_is_a_usage_error(
    folder: ContentFolder, tmp_path: Path
) -> None:
    cost_folder(folder)
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a deck")
    result = CliRunner().invoke(main, ["deck", *RETAIL_COO, "--reference-deck", str(bad), "-o",
                                       str(tmp_path / "d.pptx"), str(folder.root)])
    assert result.exit_code == 2 and "notes.pptx: not a PowerPoint deck" in result.output
    assert not (tmp_path / "d.pptx").exists()


def test_a_card_that_does_not_cover_the_buyer_is_refused(
    folder: ContentFolder, tmp_path: Path
) -> None:
    cost_folder(folder)
    result = CliRunner().invoke(main, ["deck", "--industry", "logistics", "--problem",
                                       "late-cash", "--persona", "coo", "--card", "startup",
                                       "-o", str(tmp_path / "d.pptx"), str(folder.root)])
    assert result.exit_code == 1
    assert "card 'startup' does not cover logistics x late-cash x coo" in result.output
    assert not (tmp_path / "d.pptx").exists()


def test_a_long_opening_sentence_becomes_a_short_headline_and_the_notes_keep_it_whole(
    folder: ContentFolder, tmp_path: Path
) -> None:
    long = ("More than a third of your bill is priced not on what you use but on one spike a"
            " month, and that spike is a scheduling decision nobody in finance sees.")
    cost_folder(folder, body=NOTED_BODY.replace(
        "Late payment is a forecast you are not making.", long))
    target = tmp_path / "d.pptx"
    result = CliRunner().invoke(main, ["deck", *RETAIL_COO, "-o", str(target), str(folder.root)])
    assert result.exit_code == 0, result.output
    reframe = Presentation(str(target)).slides[2]
    assert reframe.shapes.title.text == ("More than a third of your bill is priced not on what you"
                                         " use but on one spike a month")
    assert _texts(reframe)[1] == "That spike is a scheduling decision nobody in finance sees."
    assert long in reframe.notes_slide.notes_text_frame.text
