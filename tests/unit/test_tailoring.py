"""Each buyer hears the card that fits them best, in the words written for them.

Small content folders pin the ranking by fit, the precedence of variants and next steps,
where a persona's concerns are answered, and `pitchcraft pitch --card`.
"""

from __future__ import annotations

from click.testing import CliRunner

from builders import BODY, FRONT, REPO, TAXONOMY, TODAY
from pitchcraft.cli import main
from pitchcraft.pitch import Combination, compose_pitch

TEMPLATES = REPO / "theme" / "templates"
CFO_RETAIL = Combination("retail", "late-cash", "cfo")
GENERAL_ONLY = BODY.replace(
    "### For: cfo\nYour forecast misses because late payment is treated as noise.\n\n", "")
MORE_EVIDENCE = FRONT.replace("  - ref: dso-gap\n", "  - ref: dso-gap\n" + (
    "  - {figure: 4%, claim: Bad debt share., source: Testco survey 2025, as_of: 2025-06-01}\n"
))


def _pitch(folder, combination=CFO_RETAIL, **kwargs):
    return compose_pitch(folder.load(), combination, TODAY, **kwargs)


def _ids(pitch):
    return [r.card.id for r in pitch.ranking]


def test_a_card_with_text_for_this_persona_beats_a_broad_card_with_more_evidence(folder):
    folder.card("broad", front=MORE_EVIDENCE.replace("[retail]", "all"), body=GENERAL_ONLY)
    folder.card("written-for-cfo", front=FRONT.replace("[retail]", "all"))
    pitch = _pitch(folder)
    assert _ids(pitch) == ["written-for-cfo", "broad"]
    assert pitch.ranking[0].reasons[0] == "written for this persona (Reframe)"
    assert pitch.ranking[1].reasons[0] == "no text written for this persona"
    # The COO has text in neither card: evidence decides.
    assert _ids(_pitch(folder, Combination("retail", "late-cash", "coo")))[0] == "broad"


def test_a_focused_card_beats_one_that_covers_more_problems(folder):
    folder.card("broad", front=MORE_EVIDENCE.replace("[late-cash]", "[late-cash, stock-outs]"),
                body=GENERAL_ONLY)
    folder.card("focused", body=GENERAL_ONLY)
    pitch = _pitch(folder)
    assert _ids(pitch) == ["focused", "broad"]
    assert pitch.ranking[0].reasons[1] == "focused on this problem"
    assert pitch.ranking[1].reasons[1] == "covers 2 problems, this one among them"


def test_only_teaching_variants_for_this_persona_in_this_industry_count_as_written_for_it(
        folder):
    folder.card("next-step-only", body=GENERAL_ONLY + (
        "\n## Next step\nCall back.\n\n### For: cfo\nMeet the controller.\n"))
    folder.card("other-industry", front=FRONT.replace("[retail]", "[retail, logistics]"),
                body=GENERAL_ONLY.replace("## Rational drowning", (
                    "### For: cfo in logistics\nFreight pays late.\n\n## Rational drowning")))
    assert all(r.reasons[0] == "no text written for this persona" for r in _pitch(folder).ranking)
    logistics = _pitch(folder, Combination("logistics", "late-cash", "cfo"))
    assert logistics.ranking[0].reasons[0] == "written for this persona (Reframe)"


PRECEDENCE = GENERAL_ONLY.replace("## Rational drowning", """\
### For: cfo in retail
Persona in industry.

### For: cfo
Persona.

### For: retail
Industry.

## Rational drowning""")


def test_persona_in_industry_beats_persona_beats_industry_beats_the_general_text(folder):
    folder.card("tailored", front=FRONT.replace("[retail]", "[retail, logistics]"),
                body=PRECEDENCE)
    heard = {
        (industry, persona): _pitch(folder, Combination(industry, "late-cash", persona)).steps[1]
        for industry in ("retail", "logistics") for persona in ("cfo", "coo")
    }
    assert heard["retail", "cfo"].text == "Persona in industry."
    assert heard["logistics", "cfo"].text == "Persona."
    assert heard["retail", "coo"].text == "Industry."
    assert heard["logistics", "coo"].text == "Late payment is a forecast you are not making."
    assert heard["retail", "cfo"].variant == "cfo in retail"
    assert not heard["logistics", "coo"].tailored


def test_next_step_comes_from_the_variant_then_the_card_then_the_persona(folder):
    folder.card("with-next-step", body=BODY + (
        "\n## Next step\nCount last month's calls.\n\n### For: cfo\nMeet the controller.\n"))
    cfo, coo = _pitch(folder), _pitch(folder, Combination("retail", "late-cash", "coo"))
    assert (cfo.next_step.text, cfo.generic_next_step) == ("Meet the controller.", False)
    assert (coo.next_step.text, coo.generic_next_step) == ("Count last month's calls.", False)
    folder.card("with-next-step")  # no Next step section: the persona's own
    cfo = _pitch(folder)
    assert cfo.next_step.text == "Book a working session with the controller."
    assert cfo.generic_next_step


def _text(folder, persona="cfo"):
    """The rep's pitch, where the order of concerns and steps is the rep's to follow."""
    result = CliRunner().invoke(main, [
        "pitch", "--industry", "retail", "--problem", "late-cash", "--persona", persona,
        "--templates", str(TEMPLATES), str(folder.root)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _markdown(folder, persona="cfo", *extra):
    result = CliRunner().invoke(main, [
        "pitch", "--industry", "retail", "--problem", "late-cash", "--persona", persona,
        "--format", "md", *extra, "--templates", str(TEMPLATES), str(folder.root)])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_persona_hears_concerns_answered_after_our_solution_and_the_objections(folder):
    folder.write("taxonomy.yml", TAXONOMY.replace("role: champion", "role: evaluator"))
    folder.card("late-payers")
    buyer, evaluator = _text(folder, "cfo"), _text(folder, "coo")
    answer = "Nothing changes on the floor until you have seen a month of results."
    for told in (buyer, evaluator):
        assert (told.index("OUR SOLUTION") < told.index("OBJECTIONS")
                < told.index("YOUR CONCERNS, ANSWERED") < told.index("NEXT STEP"))
    assert evaluator.index("OUR SOLUTION") < evaluator.index(answer)
    assert "It reads your ledger; nothing new to run." in buyer
    assert "(evaluator)" in evaluator and "(economic buyer)" in buyer


def test_a_card_without_a_warmer_opens_at_reframe_and_tells_the_rep_so(folder):
    folder.card("late-payers", body=BODY[BODY.index("## Reframe"):])
    pitch = _pitch(folder)
    assert not pitch.warmer_written
    assert [p.key for p in pitch.talk_track][:2] == ["reframe", "rational-drowning"]
    for_rep, one_pager = _text(folder), _markdown(folder)
    assert "No Warmer written for this buyer" in for_rep
    assert for_rep.index("No Warmer written") < for_rep.index("1. REFRAME")
    assert "WARMER" not in for_rep
    assert "No Warmer written for this buyer" not in one_pager  # the one-pager is the buyer's
    for told in (for_rep, one_pager):
        assert "Footfall is falling" not in told  # the industry's trend is never filler


def test_a_rep_can_tell_the_pitch_from_any_card_that_serves_the_buyer(folder):
    folder.card("late-payers")
    folder.card("for-everyone", front=FRONT.replace("[retail]", "all"), body=GENERAL_ONLY)
    best = _pitch(folder)
    assert best.card.id == "late-payers"
    assert [a.card.id for a in best.alternatives] == ["for-everyone"]
    chosen = _pitch(folder, card_id="for-everyone")
    assert chosen.card.id == "for-everyone" and chosen.steps[1].text.startswith("Late payment")
    text = _markdown(folder, "cfo", "--card", "for-everyone")
    assert text.startswith("# Late payers are a forecasting problem")
    assert "Late payment is a forecast you are not making." in text


def test_a_card_that_does_not_serve_the_buyer_is_refused_with_the_cards_that_do(folder):
    folder.card("late-payers")
    folder.card("coo-only", front=FRONT.replace("[cfo, coo]", "[coo]"), body=GENERAL_ONLY)
    result = CliRunner().invoke(main, [
        "pitch", "--industry", "retail", "--problem", "late-cash", "--persona", "cfo",
        "--card", "coo-only", str(folder.root)])
    assert result.exit_code == 1
    assert "Card 'coo-only' does not serve this buyer" in result.output
    assert "--card late-payers" in result.output and "--card coo-only" not in result.output


def _findings(folder, heading):
    path = folder.card("variants", body=BODY.replace("### For: cfo", heading))
    line = path.read_text().splitlines().index(heading) + 1
    return [(f.path.rsplit("/", 1)[-1], f.line, f.message, f.hint)
            for f in folder.load().findings if f.line == line], line


def test_variant_ids_are_checked_with_file_and_line(folder):
    found, line = _findings(folder, "### For: cfo in retial")
    assert found == [("variants.md", line, "variant for unknown industry id 'retial' in"
                      " '## Reframe'", "did you mean 'retail'?; known industry ids:"
                      " logistics, retail")]
    found, _ = _findings(folder, "### For: logistics")
    assert found[0][2] == ("variant for industry 'logistics', but the card does not list that"
                           " industry in '## Reframe'")
    found, _ = _findings(folder, "### For: retial")
    assert found[0][2] == "variant for unknown id 'retial' in '## Reframe'"
    assert found[0][3].startswith("did you mean 'retail'?")


def test_an_id_that_is_both_a_persona_and_an_industry_is_ambiguous(folder):
    folder.write("taxonomy.yml", TAXONOMY.replace("  - id: logistics\n", "  - id: cfo\n"))
    found, _ = _findings(folder, "### For: cfo")
    assert found[0][2] == ("variant 'cfo' is ambiguous: it is both a persona and an industry"
                           " id in '## Reframe'")
