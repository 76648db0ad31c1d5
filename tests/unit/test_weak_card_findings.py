"""Weak published cards: each check writes a real card, loads it and compares every finding,
so a knock-on finding fails the test as surely as a missing one (the style of
test_check_findings.py). Lines are found by searching the written file for the text the author
would look for."""

from __future__ import annotations

from builders import BODY, FRONT
from findings import ERROR, WARNING, assert_findings, edit, line_of, want, where
from pitchcraft.load.quality import placeholder_sentences
from pitchcraft.theme_files import templates_dir


def test_the_demo_style_card_has_no_weak_card_findings(folder):
    folder.card("card")
    assert_findings(folder.load())


def test_placeholder_sentences_come_from_the_new_card_template():
    template = (templates_dir() / "new_card.md.j2").read_text()
    sentences = placeholder_sentences()
    assert "the insight in one or two sentences: what the buyer has not considered." in sentences
    assert "an objection in the buyer's words." in sentences
    assert all(s in " ".join(template.casefold().split()).replace("`", "") for s in sentences)
    assert not any(s.startswith(("reframe", "objections")) for s in sentences)


def test_scaffold_text_left_in_a_published_card_is_an_error(folder):
    body = edit(BODY, "Late payment is a forecast you are not making.",
                "The insight in one or two sentences: what the buyer has not considered.")
    body = edit(body, "- How do you forecast cash today?",
                "- A question the rep asks to open the conversation.")
    front = edit(FRONT, "summary: Late payment is predictable, so it is a forecasting problem.",
                 'summary: "One sentence a rep reads in lists and search results."')
    path = folder.card("card", front=front, body=body)
    assert_findings(
        folder.load(),
        want(path, line_of(path, "summary:"), ERROR, "summary is the scaffold's example text",
             "pitchcraft new card"),
        want(path, line_of(path, "The insight in one or two"), ERROR,
             ("placeholder text from the scaffold", "The insight in one or two sentences"),
             "replace the example text"),
        want(path, line_of(path, "A question the rep asks"), ERROR,
             "placeholder text from the scaffold", "the card's own words"),
    )


def test_scaffold_text_in_a_draft_is_not_reported_yet(folder):
    body = edit(BODY, "Late payment is a forecast you are not making.",
                "The insight in one or two sentences: what the buyer has not considered.")
    folder.card("card", front=edit(FRONT, "status: published", "status: draft"), body=body)
    assert_findings(folder.load())


def test_a_differentiation_line_too_short_to_say_how_is_a_warning(folder):
    front = edit(FRONT, "  value: Cash arrives a month earlier than today.", "  value: b")
    path = folder.card("card", front=front)
    line, col = where(path, "value: b")
    assert_findings(folder.load(), want(
        path, (line, col + len("value: ")), WARNING, ("differentiation 'value' is 1 word",
                                                 "too short to say how"), "at least 6 words"))


def test_a_figure_no_evidence_holds_is_a_warning_at_its_line_and_column(folder):
    body = edit(BODY, "Every day of DSO ties up cash.",
                "Every day of DSO ties up cash:\nfor a $40 million retailer that is $300,000 a"
                " year,\nand 11.4 days is 3% of the year.")
    path = folder.card("card", body=body)
    line, col = where(path, "$40 million")
    assert_findings(
        folder.load(),
        want(path, (line, col), WARNING, ("figure '$40 million'", "'## Cost of doing nothing'",
                                          "matches none of the card's evidence"),
             "add the figure to 'evidence:'"),
        want(path, where(path, "$300,000"), WARNING, "figure '$300,000'"),
        want(path, where(path, "3%"), WARNING, "figure '3%'"),
    )


def test_a_figure_matches_evidence_as_rounded_and_in_any_notation(folder):
    front = edit(FRONT, "  - ref: dso-gap", "  - ref: dso-gap\n  - figure: $1,240,000\n"
                 "    claim: A year of late cash at a retailer with 38.4% margin.\n"
                 "    source: Testco retail study\n    as_of: 2026-03-31\n    kind: estimate\n"
                 "    whose: research")
    body = edit(BODY, "Distributors collect 11.4 days after terms.",
                "Distributors collect 11.4 days after terms: about $1.24 million,\n"
                "at a 38% margin, and 11 days is what the buyer remembers.")
    folder.card("card", front=front, body=body)
    assert_findings(folder.load())


def test_figures_in_other_sections_and_in_rep_notes_need_no_source(folder):
    body = edit(BODY, "A regional distributor missed payroll.",
                "A regional distributor missed a $90,000 payroll.")
    body = edit(body, "Every day of DSO ties up cash.",
                'Every day of DSO ties up cash.\n\n!!! rep "Rep only"\n'
                "    Our list price is $45,000 a year; we can discount up to 18%.")
    folder.card("card", body=body)
    assert_findings(folder.load())


def test_a_rep_note_without_indented_text_is_an_error(folder):
    body = edit(BODY, "They chase after the fact; prediction works before it.",
                'They chase after the fact; prediction works before it.\n\n!!! rep "Rep only"\n'
                "We can discount up to 18 percent.")
    path = folder.card("card", body=body)
    assert_findings(folder.load(), want(
        path, line_of(path, "!!! rep"), ERROR, "rep-only note has no indented text",
        "indent the note's text by 4 spaces"))


def test_a_rep_note_in_a_code_block_is_text(folder):
    body = edit(BODY, "Predictive dunning ranks invoices by risk.",
                'Predictive dunning ranks invoices by risk.\n\n```\n!!! rep "Rep only"\n```')
    folder.card("card", body=body)
    assert_findings(folder.load())
