"""The pitch told in the method's order, and nothing before Our solution that sells.

Small content folders (the builders' card) pin the order every form tells a pitch in, which
evidence each part may show (by `whose`), the `check` errors for names and our own figures
said too early, and the Warmer finding.
"""

from __future__ import annotations

from click.testing import CliRunner

from builders import BODY, FRONT, LEDGER, TODAY
from findings import ERROR, WARNING, assert_findings, edit, line_of, want, where
from pitchcraft.cli import main
from pitchcraft.model import Audience
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.pitch.summary import summarize

CFO = Combination("retail", "late-cash", "cfo")
TOLD = ["Warmer", "Reframe", "Rational drowning", "Emotional impact", "Cost of doing nothing",
        "A new way", "Our solution"]
OURS = ("  - ref: dso-gap\n"
        "  - figure: 19%\n    claim: Cut in DSO at customers after a year of Testco Collect.\n"
        "    source: Testco customer results 2026\n    as_of: 2026-06-30\n"
        "    whose: our-results\n"
        "  - figure: 41%\n    claim: Deals won after a pilot.\n    source: Testco CRM\n"
        "    as_of: 2026-06-30\n    whose: internal\n")
WITH_OURS = edit(FRONT, "  - ref: dso-gap\n", OURS)


def _said(folder, fmt: str, persona: str = "cfo") -> str:
    result = CliRunner().invoke(main, [
        "pitch", "--industry", "retail", "--problem", "late-cash", "--persona", persona,
        "--format", fmt, str(folder.root)])
    assert result.exit_code == 0, result.output
    return result.output


def _first_line(pitch, key: str) -> str:
    return next(p.text.split("\n")[0] for p in pitch.teaching if p.key == key)


def _in_order(text: str, *parts: str) -> bool:
    places = [text.index(p) for p in parts]
    return places == sorted(places)


def test_every_form_tells_cost_of_doing_nothing_after_the_story_and_before_a_new_way(folder):
    folder.card("card")  # written with Cost of doing nothing before Emotional impact
    pitch = compose_pitch(folder.load(), CFO, TODAY)
    assert [p.title for p in pitch.teaching] == TOLD
    assert [p.title for p in pitch.talk_track] == [*TOLD, "Next step"]
    text, markdown = _said(folder, "text"), _said(folder, "md")
    assert _in_order(text, *(f"{n}. {t.upper()}" for n, t in enumerate(TOLD, 1)),
                     "OBJECTIONS", "YOUR CONCERNS, ANSWERED", "NEXT STEP")
    assert _in_order(markdown, *(p.text.split("\n")[0] for p in pitch.teaching),
                     "## Your questions, answered", "## Our proposal")  # the buyer's one-pager


def test_evidence_is_shown_by_whose_it_is(folder):
    folder.card("card", front=WITH_OURS)
    pitch = compose_pitch(folder.load(), CFO, TODAY)
    assert [e.figure for e in pitch.research] == ["11.4 days"]
    assert [e.figure for e in pitch.our_results] == ["19%"]
    assert [e.figure for e in pitch.internal_figures] == ["41%"]
    assert pitch.internal_figures[0].audience == Audience.INTERNAL  # whose: internal is internal
    markdown = _said(folder, "md")  # the buyer's one-pager: research early, ours late
    story, solution = (markdown.index(_first_line(pitch, k))
                       for k in ("emotional-impact", "our-solution"))
    assert markdown.index("11.4 days**") < story
    assert solution < markdown.index("19%**") and "41%" not in markdown
    text = _said(folder, "text")
    assert _in_order(text, "3. RATIONAL DROWNING", "11.4 days:", "7. OUR SOLUTION",
                     "What our customers measured:", "19%:", "Internal figures", "41%:")


def test_the_phone_summary_quotes_research_only(folder):
    folder.card("card", front=edit(WITH_OURS, "  - ref: dso-gap\n", ""))
    pitch = compose_pitch(folder.load(), CFO, TODAY)
    assert summarize(pitch).figures == ()
    folder.card("card", front=WITH_OURS)
    assert [f.figure for f in summarize(compose_pitch(folder.load(), CFO, TODAY)).figures] == [
        "11.4 days"]


def test_evidence_that_does_not_say_whose_is_a_warning_and_counts_as_our_results(folder):
    ledger = folder.write("evidence.yml", edit(LEDGER, "    whose: research\n", ""))
    inline = edit(OURS, "    whose: our-results\n", "")
    path = folder.card("card", front=edit(FRONT, "  - ref: dso-gap\n", inline))
    content = folder.load()
    assert_findings(
        content,
        want(ledger, line_of(ledger, "id: dso-gap"), WARNING,
             ("evidence 'dso-gap' does not say whose", "our-results"), "whose: research"),
        want(path, line_of(path, "figure: 19%"), WARNING, "evidence item 2 does not say whose"),
    )  # one problem, one finding: the 11.4 days Rational drowning says is not an error too
    pitch = compose_pitch(content, CFO, TODAY)
    assert pitch.research == () and len(pitch.our_results) == 2  # shown after Our solution
    markdown = _said(folder, "md")
    assert markdown.index(_first_line(pitch, "our-solution")) < markdown.index("11.4 days**")


def test_a_name_before_our_solution_is_an_error_at_its_line_in_any_case(folder):
    front = edit(FRONT, "summary: Late payment is predictable", "summary: With testco collect,"
                 " late payment is predictable")
    body = edit(BODY, "Your forecast misses because late payment is treated as noise.",
                "Your forecast misses; Predictive Dunning would not.")
    body = edit(body, "Predict who will pay late before the invoice goes out.",
                "Predict who will pay late. Ask TESTCO how.")
    body = edit(body, "Predictive dunning ranks invoices by risk.",
                "Testco Collect with Predictive dunning ranks invoices by risk.")
    path = folder.card("card", front=front, body=body)
    assert_findings(
        folder.load(),
        want(path, where(path, "testco collect,"), ERROR,
             ("'Testco Collect' named in the summary", "before Our solution"),
             "name the offering in '## Our solution'"),
        want(path, where(path, "Predictive Dunning"), ERROR,
             "'Predictive dunning' named in '## Reframe'"),  # a persona's variant
        want(path, where(path, "TESTCO how"), ERROR, "'Testco' named in '## A new way'"),
    )


def test_names_in_a_rep_note_or_a_word_inside_another_are_not_said(folder):
    body = edit(BODY, "Predict who will pay late before the invoice goes out.",
                "Predict who will pay late before the invoice goes out; Testcoish tools do"
                ' not.\n\n!!! rep "Rep only"\n    Testco Collect is the product to mention'
                " later.")
    folder.card("card", body=body)
    assert_findings(folder.load())


def test_a_figure_only_our_results_give_is_an_error_before_our_solution(folder):
    body = edit(BODY, "A regional distributor missed payroll.",
                "A regional distributor missed payroll; customers cut DSO by 19%.")
    body = edit(body, "Predictive dunning ranks invoices by risk.",
                "Predictive dunning ranks invoices by risk; customers cut DSO by 19%, and we win"
                " 41% of pilot deals.")
    body = edit(body, "Every day of DSO ties up cash.", "Every day of DSO ties up cash; we win"
                " 41% of pilots.")
    path = folder.card("card", front=WITH_OURS, body=body)
    assert_findings(
        folder.load(),
        want(path, where(path, "41% of pilots."), ERROR,
             "figure '41%' in '## Cost of doing nothing'"),
        want(path, where(path, "19%."), ERROR,
             ("figure '19%' in '## Emotional impact'", "before Our solution"),
             "quote research only"),
    )


def test_a_figure_research_also_gives_may_be_said_anywhere(folder):
    front = edit(WITH_OURS, "  - figure: 19%\n", "  - figure: 11.4 days\n")
    folder.card("card", front=front)  # Rational drowning says 11.4 days, research's figure too
    assert_findings(folder.load())


def test_a_published_card_without_a_warmer_is_a_warning_that_says_what_to_write(folder):
    path = folder.card("card", body=edit(
        BODY, "## Warmer\nFinance teams tell us the cash forecast is the number they trust"
        " least. Is that true for you?\n\n", ""))
    assert_findings(folder.load(), want(
        path, line_of(path, "## Reframe"), WARNING,
        "published card has no Warmer: its pitches open at Reframe",
        ("add '## Warmer' before '## Reframe'", "ending in a question")))
    strict = CliRunner().invoke(main, ["check", "--strict", str(folder.root)])
    assert strict.exit_code == 1 and "no Warmer" in strict.output
    folder.card("card", front=edit(FRONT, "status: published", "status: draft"),
                body=edit(BODY, "## Warmer\n", "## Warmer\n### For: cfo\n"))
    assert_findings(folder.load())


def test_a_warmer_written_for_some_buyers_names_the_others(folder):
    path = folder.card("card", body=edit(BODY, "## Warmer\n", "## Warmer\n### For: cfo\n"))
    assert_findings(folder.load(), want(
        path, line_of(path, "## Warmer"), WARNING, "no Warmer for coo",
        "write general text under '## Warmer'"))
    coo = compose_pitch(folder.load(), Combination("retail", "late-cash", "coo"), TODAY)
    assert not coo.warmer_written and coo.teaching[0].title == "Reframe"
    assert "No Warmer written for this buyer" in _said(folder, "text", "coo")
    assert "No Warmer written" not in _said(folder, "text", "cfo")


def test_a_misspelt_whose_is_one_finding_on_the_item(folder):
    ledger = folder.write("evidence.yml", edit(LEDGER, "whose: research", "whose: ours"))
    folder.card("card")
    assert_findings(folder.load(), want(
        ledger, line_of(ledger, "whose: ours"), ERROR,
        "'whose' must be one of: research, our-results, internal"))


def test_the_title_the_phone_summary_opens_with_names_nothing_we_sell(folder):
    front = edit(FRONT, "title: Late payers are a forecasting problem",
                 "title: Late payers are a forecasting problem Testco solves")
    path = folder.card("card", front=front)
    assert_findings(folder.load(), want(path, where(path, "Testco solves"), ERROR,
                                        "'Testco' named in the title, before Our solution"))
