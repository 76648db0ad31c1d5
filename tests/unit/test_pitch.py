"""A rep asks for a pitch for one buyer and gets the right card, tailored, in six steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import BODY, FRONT, REPO, TODAY
from pitchcraft.cli import main
from pitchcraft.model.outputs import Output
from pitchcraft.pitch import Combination, compose_pitch, nearest_combinations
from pitchcraft.render.buyer_pitch import buyer_pitch
from pitchcraft.render.templates import TemplateError, environment, render

TEMPLATES = REPO / "theme" / "templates"
CFO_RETAIL = Combination("retail", "late-cash", "cfo")


def _pitch(folder, combination=CFO_RETAIL):
    return compose_pitch(folder.load(), combination, TODAY)


def test_exact_industry_card_beats_an_all_industries_card(folder):
    folder.card("for-everyone", front=FRONT.replace("[retail]", "all"))
    folder.card("for-retail")
    pitch = _pitch(folder)
    assert [r.card.id for r in pitch.ranking] == ["for-retail", "for-everyone"]
    assert pitch.ranking[0].reasons[2] == "written for this industry (retail)"
    assert pitch.ranking[1].reasons[2] == "written for every industry"


def test_fresh_card_beats_stale_and_more_evidence_breaks_ties(folder):
    folder.card("stale", front=FRONT.replace("2026-10-01", "2025-01-01"))
    folder.card("fresh")
    two_items = FRONT.replace("  - ref: dso-gap\n", "  - ref: dso-gap\n" + (
        "  - {figure: 4%, claim: Bad debt share., source: Testco survey 2025, as_of: 2025-06-01}\n"
    ))
    folder.card("better-evidenced", front=two_items)
    ranking = _pitch(folder).ranking
    assert [r.card.id for r in ranking] == ["better-evidenced", "fresh", "stale"]
    assert ranking[0].reasons[4] == "2 sourced evidence items"
    assert ranking[2].reasons[3].startswith("stale: review was due 2025-06-30")


def test_ties_break_on_card_id_whatever_the_file_order(folder):
    folder.card("b-card")
    folder.card("a-card")
    assert [r.card.id for r in _pitch(folder).ranking] == ["a-card", "b-card"]


def test_drafts_and_other_personas_are_not_chosen(folder):
    folder.card("draft", front=FRONT.replace("status: published", "status: draft"))
    folder.card("coo-only", front=FRONT.replace("[cfo, coo]", "[coo]"))
    assert _pitch(folder) is None


def test_persona_variant_replaces_the_general_text(folder):
    folder.card("late-payers")
    cfo = _pitch(folder)
    coo = _pitch(folder, Combination("retail", "late-cash", "coo"))
    assert cfo.steps[1].text == "Your forecast misses because late payment is treated as noise."
    assert cfo.steps[1].tailored
    assert coo.steps[1].text == "Late payment is a forecast you are not making."
    assert not coo.steps[1].tailored


def test_rational_drowning_leads_with_the_figures_on_metrics_the_persona_owns(folder):
    otif = "  - {figure: 6 points, claim: OTIF lost to late-paying accounts put on hold.," \
        " source: Testco survey 2025, as_of: 2025-06-01}\n"
    folder.card("late-payers", front=FRONT.replace("  - ref: dso-gap\n",
                                                   "  - ref: dso-gap\n" + otif))
    coo = _pitch(folder, Combination("retail", "late-cash", "coo"))
    cfo = _pitch(folder)
    assert [e.figure for e in coo.evidence] == ["6 points", "11.4 days"]  # the COO owns OTIF
    assert [e.figure for e in cfo.evidence] == ["11.4 days", "6 points"]  # the CFO owns DSO




def test_text_in_differentiation_alone_is_not_meaningfully_different(folder):
    """Four factors of text, no alternative named: nothing says the buyer sees a difference."""
    folder.card("late-payers")
    pitch = _pitch(folder)
    assert pitch.factors_held == 0 and not pitch.meaningfully_different
    assert pitch.scorecard.columns == ()
    text = render(environment([TEMPLATES]), "pitch.txt.j2", pitch=pitch)
    assert "no alternative named - NOT MEANINGFULLY DIFFERENT YET" in text
    one_pager = render(environment([TEMPLATES]), "pitch.md.j2",
                       buyer=buyer_pitch(pitch, "Testco", Output.MARKDOWN_ONE_PAGER))
    assert "different" not in one_pager.casefold()  # the scorecard is the rep's, not the buyer's


def test_talk_time_is_spoken_words_at_140_a_minute(folder):
    body = BODY.replace(
        "Late payment is a forecast you are not making.", " ".join(["word"] * 280)
    )
    folder.card("late-payers", body=body)
    pitch = compose_pitch(folder.load(), Combination("retail", "late-cash", "coo"), TODAY)
    reframe = pitch.steps[1]
    assert (reframe.words, reframe.minutes) == (280, 2.0)
    # Counted by hand in builders.py, in the order said: the Warmer (18 words), Reframe,
    # Rational drowning, Emotional impact, the cost of doing nothing (7), A new way, Our
    # solution and the COO's next step (4): 336 words, 2.4 minutes.
    assert [p.words for p in pitch.talk_track] == [18, 280, 6, 5, 7, 10, 6, 4]
    assert pitch.minutes == 2.4


def test_card_text_that_looks_like_template_code_prints_literally(folder):
    body = BODY.replace("Every day of DSO ties up cash.",
                        "Your deck said {{ savings }} and {% if x %}maybe{% endif %}.")
    folder.card("late-payers", body=body)
    pitch = _pitch(folder)
    buyer = buyer_pitch(pitch, "Testco", Output.MARKDOWN_ONE_PAGER)
    for name in ("pitch.md.j2", "pitch.txt.j2"):
        text = render(environment([TEMPLATES]), name, pitch=pitch, buyer=buyer)
        assert "Your deck said {{ savings }} and {% if x %}maybe{% endif %}." in text


def test_template_error_names_the_template_file_and_line(tmp_path: Path, folder):
    folder.card("late-payers")
    (tmp_path / "pitch.md.j2").write_text("# Title\n\n{{ pitch.card.title }\n")
    with pytest.raises(TemplateError, match=r"pitch\.md\.j2:3: "):
        render(environment([tmp_path]), "pitch.md.j2", pitch=_pitch(folder))
    (tmp_path / "pitch.md.j2").write_text("# Title\n{{ pitch.no_such_field }}\n")
    with pytest.raises(TemplateError, match=r"pitch\.md\.j2:2: .*no_such_field"):
        render(environment([tmp_path]), "pitch.md.j2", pitch=_pitch(folder))


def _run(folder, *args):
    templates = ["--templates", str(TEMPLATES)]
    return CliRunner().invoke(main, ["pitch", *args, *templates, str(folder.root)])


def test_cli_unknown_id_suggests_and_exits_2(folder):
    folder.card("late-payers")
    result = _run(folder, "--industry", "retial", "--problem", "late-cash", "--persona", "cfo")
    assert result.exit_code == 2
    assert "unknown industry id 'retial'" in result.output
    assert "did you mean 'retail'?" in result.output


def test_nearest_pitches_share_the_most_and_prefer_the_same_problem_then_industry():
    wanted = Combination("retail", "late-cash", "cfo")
    same_pair = Combination("retail", "late-cash", "coo")
    same_problem_and_role = Combination("logistics", "late-cash", "cfo")
    same_industry_and_role = Combination("retail", "stock-outs", "cfo")
    same_problem = Combination("logistics", "late-cash", "coo")
    same_industry = Combination("retail", "stock-outs", "coo")
    same_role = Combination("logistics", "stock-outs", "cfo")
    unrelated = Combination("logistics", "stock-outs", "coo")
    covered = [unrelated, same_role, same_industry, same_problem, same_industry_and_role,
               same_problem_and_role, same_pair]
    assert nearest_combinations(covered, wanted, limit=10) == [
        same_pair, same_problem_and_role, same_industry_and_role, same_problem, same_industry,
        same_role,
    ]
    assert nearest_combinations(covered, wanted) == [
        same_pair, same_problem_and_role, same_industry_and_role, same_problem, same_industry,
    ]
