"""`check` on alternatives and a card's `against:`: each mistake one finding, on its line.

The fixture (`builders.alternatives_folder`) has a card meaningfully different against the
status quo and weak against a free option: its two findings are the baseline every test adds
its one mistake to.
"""

from __future__ import annotations

import pytest

from builders import AGAINST, ALTERNATIVES, FRONT, TAXONOMY, alternatives_folder
from findings import ERROR, WARNING, assert_findings, edit, line_of, want
from findings import where as where_in

CARD = "insights/card.md"


@pytest.fixture
def alts(tmp_path):
    return alternatives_folder(tmp_path / "content")


def _baseline(folder):
    """The fixture's own findings: the free option is not answered, its value only claimed."""
    path = folder.root / CARD
    return [
        want(path, line_of(path, "  erp-dunning:"), WARNING,
             ("free fix not answered", "'erp-dunning'"), "does not last without what we sell"),
        want(path, line_of(path, "    value: {verdict: better, reason: Reminders"), WARNING,
             ("value against 'erp-dunning' is claimed, not shown",), "proof:"),
    ]


def _card(folder, against: str):
    return folder.card("card", front=FRONT + against)


def test_the_fixture_says_only_what_is_weak(alts):
    assert_findings(alts.load(), *_baseline(alts))


def test_an_alternative_the_taxonomy_does_not_know_is_an_error_with_the_nearest_id(alts):
    path = _card(alts, edit(AGAINST, "  erp-dunning:", "  erp-duning:"))
    found = alts.load()
    assert_findings(found, want(path, line_of(path, "  erp-duning:"), ERROR,
                                "unknown alternative id 'erp-duning' in 'against'",
                                "did you mean 'erp-dunning'?"),
                    want(path, line_of(path, "    value: {verdict: better, reason: Rem"),
                         WARNING, "claimed, not shown"))


def test_an_unknown_factor_is_an_error_with_the_nearest_factor(alts):
    path = _card(alts, edit(AGAINST, "    risk: {verdict: equal", "    risks: {verdict: equal"))
    findings = alts.load().findings
    assert [(f.line, f.severity) for f in findings if "risks" in f.message] == [
        (line_of(path, "    risks:"), ERROR)]
    assert "did you mean 'risk'?" in next(f.hint for f in findings if "risks" in f.message)


def test_a_bad_verdict_is_an_error_naming_the_verdicts(alts):
    path = _card(alts, edit(AGAINST, "{verdict: worse, reason: The module is free.}",
                            "{verdict: wrose, reason: The module is free.}"))
    bad = [f for f in alts.load().findings if "verdict" in f.message]
    assert [(f.line, f.severity) for f in bad] == [(line_of(path, "    commercials: {verdict: wr"),
                                                    ERROR)]
    assert "better, equal, worse" in bad[0].message and "did you mean 'worse'?" in bad[0].hint


def test_proof_naming_no_ledger_entry_is_an_error(alts):
    path = _card(alts, edit(AGAINST, "instead of chasing., proof: dso-gap}",
                            "instead of chasing., proof: dso-gapp}"))
    found = [f for f in alts.load().findings if "dso-gapp" in f.message]
    assert [(f.line, f.severity, f.hint) for f in found] == [
        (line_of(path, "instead of chasing., proof: dso-gapp"), ERROR,
         "did you mean 'dso-gap'?; known evidence ids: dso-gap")]


def test_a_published_card_that_addresses_no_status_quo_is_a_warning(alts):
    against = AGAINST[:AGAINST.index("  phone-chasing:")] + AGAINST[AGAINST.index("  erp-dun"):]
    path = _card(alts, against)
    found = [f for f in alts.load().findings if "status-quo" in f.message]
    assert [(f.line, f.severity) for f in found] == [(line_of(path, "against:"), WARNING)]
    assert "against: phone-chasing:" in found[0].hint


def test_not_beating_the_status_quo_is_a_warning_naming_the_missing_factors(alts):
    path = _card(alts, edit(AGAINST, "No calls until the forecast says so., proof: dso-gap}",
                            "No calls until the forecast says so.}"))
    found = [f for f in alts.load().findings if "not meaningfully different" in f.message]
    assert [(f.line, f.severity) for f in found] == [(line_of(path, "  phone-chasing:"), WARNING)]
    assert "3 of 5 factors shown better (needs 4)" in found[0].message
    assert "commercials or ease" in found[0].hint


def test_content_without_alternatives_is_not_asked_for_them(folder):
    folder.card("card")
    assert not [f for f in folder.load().findings if "alternative" in f.message]


def test_an_alternative_missing_a_field_is_an_error_at_the_alternative(alts):
    tax = alts.write("taxonomy.yml", TAXONOMY + edit(
        ALTERNATIVES, "    chosen_when: Always, until a missed forecast makes the cost visible.\n",
        ""))
    found = [f for f in alts.load().findings if "chosen_when" in f.message]
    assert [(f.line, f.severity) for f in found] == [(line_of(tax, "  - id: phone-chasing"),
                                                      ERROR)]


def test_an_alternative_without_its_battlecard_is_a_warning(alts):
    start, end = ALTERNATIVES.index("    traps:\n"), ALTERNATIVES.index("  - id: erp-dunning")
    tax = alts.write("taxonomy.yml", TAXONOMY + ALTERNATIVES[:start] + ALTERNATIVES[end:])
    found = [f for f in alts.load().findings if f.path == tax.as_posix()]
    assert [(f.line, f.severity, f.message) for f in found] == [
        (line_of(tax, "  - id: phone-chasing"), WARNING,
         "alternative 'phone-chasing' has no traps, objections, where_we_lose, concede")]


def test_a_stale_alternative_is_a_warning_naming_its_owner(alts):
    tax = alts.write("taxonomy.yml", TAXONOMY + ALTERNATIVES.replace(
        "reviewed: 2026-10-01", "reviewed: 2025-01-01", 1))
    found = [f for f in alts.load().findings if f.path == tax.as_posix()]
    assert [(f.line, f.severity) for f in found] == [(line_of(tax, "  - id: phone-chasing"),
                                                      WARNING)]
    assert "stale: review was due 2025-06-30" in found[0].message
    assert "ask Dana Smith" in found[0].hint


def test_an_alternative_for_an_unknown_problem_is_an_error(alts):
    tax = alts.write("taxonomy.yml", TAXONOMY + ALTERNATIVES.replace(
        "problems: [late-cash]", "problems: [late-csh]", 1))
    found = [f for f in alts.load().findings if f.path == tax.as_posix()]
    assert [(f.severity, f.message) for f in found] == [
        (ERROR, "unknown problem id 'late-csh' in 'problems'")]


@pytest.mark.parametrize(("section", "says"), [
    ("## Reframe\n", "before Our solution"),
    ("## Our solution\n", "which buyers read"),
])
def test_an_alternatives_name_in_a_text_buyers_read_is_an_error(alts, section, says):
    from builders import BODY

    body = BODY.replace(section, f"{section}Unlike the ERP's dunning module, this works.\n")
    path = alts.card("card", front=FRONT + AGAINST, body=body)
    found = [f for f in alts.load().findings if "named in" in f.message]
    line, col = where_in(path, "the ERP's dunning module, this")
    assert [(f.line, f.col, f.severity) for f in found] == [(line, col, ERROR)]
    assert f"alternative 'The ERP's dunning module' named in '{section[:-1]}', {says}" == \
        found[0].message
    assert "without naming it" in found[0].hint


def test_an_alternatives_name_in_a_headline_is_an_error_on_its_line(alts):
    front = FRONT + "headlines:\n  reframe: Beyond the ERP's dunning module\n" + AGAINST
    path = alts.card("card", front=front)
    found = [f for f in alts.load().findings if "named in" in f.message]
    assert [(f.line, f.message) for f in found] == [
        (line_of(path, "  reframe: Beyond the"),
         "alternative 'The ERP's dunning module' named in the reframe headline, a slide title"
         " buyers read")]
