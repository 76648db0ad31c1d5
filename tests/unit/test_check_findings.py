"""The catalogue of `pitchcraft check` findings: one broken input, one finding, each.

Every test writes real files, loads them and compares the *whole* list of findings, so a
knock-on finding (a second message for the same mistake) fails the test as surely as a missing
one. Lines are located by searching the written file for the text the author would look for,
so the expectations say "the line with `owner: Dana: Smith`", not a number that drifts when
the shared builders change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import BODY, FRONT, LEDGER, TAXONOMY, TODAY, ContentFolder, card_text
from findings import (
    ERROR,
    WARNING,
    assert_findings,
    edit,
    line_of,
    lines_of,
    want,
    where,
    write_card,
)
from pitchcraft.cli import main

RISK_LINE = "  risk: Runs beside your ERP with nothing replaced.\n"


# --- the file itself: encoding, front matter fences, YAML syntax -----------------------------


def test_yaml_syntax_error_points_at_the_file_line_not_the_front_matter_line(folder):
    path = folder.write("insights/card.md", "---\ntitle: A\nowner: Dana: Smith\n---\n")
    # Line 3 of the file is line 2 of the front matter: the author's editor shows 3.
    assert_findings(folder.load(), want(
        path, (3, 12), ERROR, "YAML syntax error", "quote text that contains ': '"))


def test_yaml_syntax_error_in_a_full_card(folder):
    path = write_card(folder, front=edit(FRONT, "owner: Dana Smith", "owner: Dana: Smith"))
    line, col = where(path, ": Smith")
    assert line > 1
    assert_findings(folder.load(), want(path, (line, col), ERROR, "YAML syntax error", "quote"))


def test_unclosed_list_points_at_its_bracket_not_at_the_closing_fence(folder):
    path = write_card(folder, front=edit(FRONT, "tags: [cash]", "tags: [cash"))
    assert_findings(folder.load(), want(
        path, where(path, "[cash"), ERROR, ("YAML syntax error", "']'"), "close the list"))


def test_tab_indentation_is_named(folder):
    path = write_card(folder, front=edit(FRONT, "  offering:", "\toffering:"))
    assert_findings(folder.load(), want(
        path, (line_of(path, "\toffering:"), 1), ERROR, "YAML syntax error",
        "spaces, not tabs"))


def test_front_matter_never_closed(folder):
    path = folder.write("insights/card.md", f"---\n{FRONT}\n{BODY}")
    assert_findings(folder.load(), want(
        path, (1, 1), ERROR, "front matter is never closed", "'---'"))


def test_no_front_matter(folder):
    path = folder.write("insights/card.md", BODY)
    assert_findings(folder.load(), want(
        path, (1, 1), ERROR, "no front matter", "first line must be '---'"))


@pytest.mark.parametrize("text", ["", "\n  \n"], ids=["empty", "blank-lines"])
def test_empty_file(folder, text):
    path = folder.write("insights/card.md", text)
    assert_findings(folder.load(), want(path, (1, 1), ERROR, "file is empty", "front matter"))


def test_not_utf8_points_at_the_bad_byte_counting_characters(folder):
    # 'é' is two bytes in UTF-8 but one column in an editor; 'ü' is saved as Latin-1.
    front = edit(FRONT, "owner: Dana Smith", "owner: Renée Müller")
    raw = card_text(front).encode("utf-8").replace("ü".encode(), b"\xfc")
    path = folder.write("insights/card.md", raw)
    line = line_of(path, "owner: Ren")
    col = len("owner: Renée M") + 1
    assert_findings(folder.load(), want(
        path, (line, col), ERROR, ("not UTF-8", "0xfc"), "UTF-8"))


def test_a_folder_named_like_a_card_is_a_finding(folder):
    path = folder.root / "insights" / "old-cards.md"
    path.mkdir()
    assert_findings(folder.load(), want(path, (1, 1), ERROR, ("cannot read", "folder"), "rename"))


def test_a_link_to_a_card_that_is_gone_is_a_finding(folder):
    path = folder.root / "insights" / "moved.md"
    path.symlink_to(folder.root / "nowhere.md")
    assert_findings(folder.load(), want(path, (1, 1), ERROR, "cannot read", "rename"))
    result = CliRunner().invoke(main, ["check", str(folder.root)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output


def test_byte_order_mark_is_not_counted_as_a_column(folder):
    raw = b"\xef\xbb\xbf" + b"---\ntitle: Caf\xe9\n---\n"
    path = folder.write("insights/card.md", raw)
    assert_findings(folder.load(), want(path, (2, 11), ERROR, "not UTF-8"))


def test_control_character_in_front_matter(folder):
    path = write_card(folder, front=edit(FRONT, "Dana Smith", "Dana\x00Smith"))
    line, col = where(path, "\x00")
    assert_findings(folder.load(), want(
        path, (line, col), ERROR, "U+0000 is not allowed", "delete it"))


@pytest.mark.parametrize("front", ["- title\n- owner\n", "just a sentence\n", ""],
                         ids=["list", "text", "nothing"])
def test_front_matter_that_is_not_a_mapping(folder, front):
    path = folder.write("insights/card.md", f"---\n{front}---\n{BODY}")
    assert_findings(folder.load(), want(
        path, 2, ERROR, "front matter is not a mapping", "'field: value'"))


def test_deep_nesting_is_a_finding_not_a_crash(folder):
    nested = "[" * 400 + "]" * 400
    path = write_card(folder, front=edit(FRONT, "tags: [cash]", f"tags: {nested}"))
    assert_findings(folder.load(), want(
        path, line_of(path, "tags: [[["), ERROR, "too deeply nested"))


def test_alias_expansion_is_capped(folder):
    bomb = "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n"
        for prev, name in zip("abcdef", "bcdefg", strict=True)
    )
    front = edit(FRONT, "tags: [cash]\n", "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + bomb)
    path = write_card(folder, front=front)
    [finding] = folder.load().findings
    assert (finding.path, finding.severity) == (path.as_posix(), ERROR)
    assert "too large once aliases are expanded" in finding.message


# --- field shapes ----------------------------------------------------------------------------


def test_personas_as_a_string_is_one_finding(folder):
    # Not also "variant for persona 'cfo' ... the card does not list that persona".
    path = write_card(folder, front=edit(FRONT, "personas: [cfo, coo]", "personas: cfo"))
    line, col = where(path, "personas: cfo")
    assert_findings(folder.load(), want(
        path, (line, col + len("personas: ")), ERROR, "'personas' must be a list",
        "write it as a list: [cfo]"))


@pytest.mark.parametrize("value", ['"not a date"', "2026-02-30", "20261001", "[2026]"],
                         ids=["text", "impossible-day", "number", "list"])
def test_reviewed_that_is_not_a_date(folder, value):
    path = write_card(folder, front=edit(FRONT, "reviewed: 2026-10-01", f"reviewed: {value}"))
    line, col = where(path, "reviewed:")
    assert_findings(folder.load(), want(
        path, (line, col + len("reviewed: ")), ERROR, "'reviewed' is not a date", "YYYY-MM-DD"))


def test_figure_as_a_number(folder):
    inline = "  - figure: 3\n    claim: x\n    source: y\n    as_of: 2026-01-01"
    path = write_card(folder, front=edit(FRONT, "  - ref: dso-gap", inline))
    line, col = where(path, "figure: 3")
    assert_findings(folder.load(), want(
        path, (line, col + len("figure: ")), ERROR, ("'figure'", "must be text"),
        "put it in quotes: '3'"))


def test_status_typo_suggests_the_value(folder):
    path = write_card(folder, front=edit(FRONT, "status: published", "status: publish"))
    assert_findings(folder.load(), want(
        path, line_of(path, "status:"), ERROR,
        ("'status' must be one of", "draft, published, retired"), "did you mean 'published'?"))


def test_id_in_capitals_is_one_finding(folder):
    path = write_card(folder, front=edit(FRONT, "industries: [retail]", "industries: [Retail]"))
    assert_findings(folder.load(), want(
        path, line_of(path, "industries:"), ERROR, "'Retail' is not a valid id",
        "lowercase letters"))


def test_industries_neither_all_nor_a_list(folder):
    path = write_card(folder, front=edit(FRONT, "industries: [retail]", "industries: 3"))
    assert_findings(folder.load(), want(
        path, line_of(path, "industries:"), ERROR, "'industries' must be 'all' or a list"))


def test_evidence_item_written_as_a_bare_id(folder):
    # One finding: not also "published card has no evidence".
    path = write_card(folder, front=edit(FRONT, "  - ref: dso-gap", "  - dso-gap"))
    assert_findings(folder.load(), want(
        path, where(path, "dso-gap"), ERROR, "'evidence' item 1 must be a mapping",
        "- ref: <id>"))


def test_differentiation_as_a_list_is_not_also_a_warning(folder):
    front, count = re.subn(r"differentiation:\n(?:  .*\n)+",
                           "differentiation: [offering, value]\n", FRONT)
    assert count == 1
    path = write_card(folder, front=front)
    assert_findings(folder.load(), want(
        path, line_of(path, "differentiation:"), ERROR,
        "'differentiation' must be a mapping of fields"))


def test_unknown_field_did_you_mean(folder):
    path = write_card(folder, front=edit(FRONT, "industries:", "industires:"))
    assert_findings(folder.load(), want(
        path, where(path, "industires"), ERROR, "unknown field 'industires'",
        "did you mean 'industries'?"))


def test_unknown_field_without_a_near_name_lists_the_fields(folder):
    path = write_card(folder, front=FRONT + "colour: blue\n")
    assert_findings(folder.load(), want(
        path, where(path, "colour"), ERROR, "unknown field 'colour'",
        ("known fields:", "industries", "owner")))


def test_duplicate_yaml_key(folder):
    path = write_card(folder, front=FRONT + "owner: Sam Lee\n")
    assert_findings(folder.load(), want(
        path, where(path, "owner: Sam Lee"), ERROR, "field 'owner' appears twice", "keep one"))


def test_missing_required_field(folder):
    path = write_card(folder, front=edit(FRONT, "owner: Dana Smith\n", ""))
    assert_findings(folder.load(), want(
        path, 2, ERROR, "missing required field 'owner'", ("add 'owner:'", "a person")))


# --- references to the taxonomy and the ledger -----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "kind", "field", "meant", "known"),
    [
        ("industries: [retail]", "industries: [retial]", "industry", "industries", "retail",
         "logistics, retail"),
        ("problems: [late-cash]", "problems: [late-csh]", "problem", "problems", "late-cash",
         "late-cash"),
        ("personas: [cfo, coo]", "personas: [cfo, cooo]", "persona", "personas", "coo",
         "cfo, coo"),
        ("leads_to: [predictive]", "leads_to: [predictiv]", "differentiator", "leads_to",
         "predictive", "predictive"),
    ],
    ids=["industry", "problem", "persona", "differentiator"],
)
def test_unknown_taxonomy_id(folder, old, new, kind, field, meant, known):
    path = write_card(folder, front=edit(FRONT, old, new))
    typo = new.split("[")[1].rstrip("]").split(", ")[-1]
    assert_findings(folder.load(), want(
        path, line_of(path, f"{field}:"), ERROR, f"unknown {kind} id '{typo}' in '{field}'",
        (f"did you mean '{meant}'?", f"known {kind} ids: {known}")))


def test_unknown_id_with_nothing_close_lists_the_ids(folder):
    path = write_card(folder, front=edit(FRONT, "[retail]", "[banking]"))
    [finding] = folder.load().findings
    assert (finding.path, finding.line) == (path.as_posix(), line_of(path, "industries:"))
    assert finding.message == "unknown industry id 'banking' in 'industries'"
    assert finding.hint == "known industry ids: logistics, retail"


def test_long_id_lists_are_not_dumped_into_the_hint(folder):
    many = "".join(f"  - {{id: sector-{n}, name: S{n}, description: D., context: [C.]}}\n"
                   for n in range(12))
    folder.write("taxonomy.yml", edit(TAXONOMY, "industries:\n", "industries:\n" + many))
    path = write_card(folder, front=edit(FRONT, "[retail]", "[sector-33]"))
    [finding] = folder.load().findings
    assert finding.path == path.as_posix()
    assert "did you mean 'sector-3'?" in finding.hint
    assert "known industry ids" not in finding.hint


def test_unknown_evidence_ref(folder):
    path = write_card(folder, front=edit(FRONT, "ref: dso-gap", "ref: dso-gaps"))
    assert_findings(folder.load(), want(
        path, line_of(path, "ref: dso-gaps"), ERROR, "unknown evidence id 'dso-gaps'",
        ("did you mean 'dso-gap'?", "known evidence ids: dso-gap")))


# --- card identity and body ------------------------------------------------------------------


def test_duplicate_card_id_from_two_files_of_the_same_name(folder):
    # Reported once, on the file that sorts later, naming the one that sorts first.
    first = folder.write("insights/finance/late-payers.md", card_text())
    second = write_card(folder, "late-payers")
    assert_findings(folder.load(), want(
        second, 1, ERROR, ("duplicate card id 'late-payers'", first.as_posix()),
        "set a unique 'id:'"))


def test_duplicate_card_id_set_in_front_matter(folder):
    first = write_card(folder, "late-payers")
    second = write_card(folder, "other", front="id: late-payers\n" + FRONT)
    assert_findings(folder.load(), want(
        second, line_of(second, "id: late-payers"), ERROR,
        ("duplicate card id 'late-payers'", first.as_posix())))


def test_missing_section_points_where_it_belongs(folder):
    body = edit(BODY, "## Emotional impact\nA regional distributor missed payroll.\n\n", "")
    path = write_card(folder, body=body)
    assert_findings(folder.load(), want(
        path, line_of(path, "## Cost of doing nothing"), ERROR,
        "missing section '## Emotional impact'", "add it before '## Cost of doing nothing'"))


def test_missing_last_section_points_at_the_end(folder):
    body = BODY.split("## Objections")[0]
    path = write_card(folder, body=body)
    assert_findings(folder.load(), want(
        path, line_of(path, "## Discovery questions"), ERROR, "missing section '## Objections'",
        "at the end"))


def test_unknown_section_is_one_finding(folder):
    # Not also "missing section" for the heading it meant, nor "text before the first section".
    path = write_card(folder, body=edit(BODY, "## Emotional impact", "## Emotional impacts"))
    assert_findings(folder.load(), want(
        path, (line_of(path, "## Emotional impacts"), 1), ERROR,
        "unknown section '## Emotional impacts'", "did you mean '## Emotional impact'?"))


def test_section_twice_is_one_finding(folder):
    path = write_card(folder, body=BODY + "\n## Reframe\nA second reframe.\n")
    assert_findings(folder.load(), want(
        path, line_of(path, "A second reframe.") - 1, ERROR,
        "section '## Reframe' appears twice", "merge"))


def test_variant_for_a_persona_the_card_does_not_list(folder):
    path = write_card(folder, front=edit(FRONT, "[cfo, coo]", "[cfo]"),
                      body=edit(BODY, "### For: cfo", "### For: coo"))
    assert_findings(folder.load(), want(
        path, (line_of(path, "### For: coo"), 1), ERROR,
        ("variant for persona 'coo'", "## Reframe", "does not list"),
        ("add 'coo' to 'personas:'", "cfo")))


def test_variant_for_an_unknown_id_suggests_the_nearest(folder):
    path = write_card(folder, body=edit(BODY, "### For: cfo", "### For: ceo"))
    assert_findings(folder.load(), want(
        path, (line_of(path, "### For: ceo"), 1), ERROR,
        ("variant for unknown id 'ceo'", "## Reframe"),
        ("did you mean 'coo'?", "### For: <persona> in <industry>")))


def test_variant_for_a_persona_in_an_industry_the_card_does_not_list(folder):
    path = write_card(folder, body=edit(BODY, "### For: cfo", "### For: cfo in logistics"))
    assert_findings(folder.load(), want(
        path, (line_of(path, "### For: cfo in logistics"), 1), ERROR,
        ("variant for industry 'logistics'", "## Reframe", "does not list"),
        ("add 'logistics' to 'industries:'", "retail")))


def test_objection_without_an_answer(folder):
    path = write_card(folder, body=BODY + "\n### It is too expensive.\n")
    assert_findings(folder.load(), want(
        path, line_of(path, "### It is too expensive."), ERROR,
        "objection 'It is too expensive.' has no answer", "answer"))


# --- evidence, differentiation, freshness ----------------------------------------------------


def test_published_card_without_evidence_points_at_its_status(folder):
    path = write_card(folder, front=edit(FRONT, "evidence:\n  - ref: dso-gap\n", ""))
    assert_findings(folder.load(), want(
        path, line_of(path, "status: published"), ERROR, "published card has no evidence",
        "evidence:"))


def test_published_card_with_an_empty_evidence_list(folder):
    path = write_card(folder, front=edit(FRONT, "evidence:\n  - ref: dso-gap\n", "evidence: []\n"))
    assert_findings(folder.load(), want(
        path, line_of(path, "evidence: []"), ERROR, "published card has no evidence"))


def test_inline_evidence_without_a_source(folder):
    inline = "  - figure: 3.2%\n    claim: Written off.\n    as_of: 2025-12-01"
    path = write_card(folder, front=edit(FRONT, "  - ref: dso-gap", inline))
    assert_findings(folder.load(), want(
        path, where(path, "figure: 3.2%"), ERROR, "evidence item 1 has no source",
        "where the figure comes from"))


def test_stale_card_is_a_warning_naming_the_owner(folder):
    path = write_card(folder, front=edit(FRONT, "reviewed: 2026-10-01", "reviewed: 2025-01-01"))
    # 2025-01-01 + 180 days = 2025-06-30; TODAY is 2026-11-24.
    assert_findings(folder.load(), want(
        path, line_of(path, "reviewed:"), WARNING, ("stale", "2025-06-30"),
        ("ask Dana Smith", "'reviewed:'")))


def test_card_interval_overrides_the_taxonomy_default(folder):
    front = edit(FRONT, "reviewed: 2026-10-01", "reviewed: 2026-10-01\nreview_interval_days: 30")
    path = write_card(folder, front=front)
    assert_findings(folder.load(), want(
        path, line_of(path, "reviewed:"), WARNING, ("stale", "2026-10-31")))


def test_reviewed_in_the_future_is_an_error(folder):
    path = write_card(folder, front=edit(FRONT, "reviewed: 2026-10-01", "reviewed: 2027-01-01"))
    assert_findings(folder.load(), want(
        path, line_of(path, "reviewed:"), ERROR, "reviewed date 2027-01-01 is in the future"))


def test_inline_evidence_dated_in_the_future(folder):
    inline = ("  - figure: 3.2%\n    claim: Written off.\n    source: Study\n"
              "    as_of: 2027-01-01\n    whose: research")
    path = write_card(folder, front=edit(FRONT, "  - ref: dso-gap", inline))
    assert_findings(folder.load(), want(
        path, line_of(path, "figure: 3.2%"), ERROR, "evidence date 2027-01-01 is in the future",
        "measured"))


def test_ledger_evidence_dated_in_the_future_is_reported_on_the_ledger(folder):
    ledger = folder.write("evidence.yml", edit(LEDGER, "as_of: 2026-03-31", "as_of: 2027-03-31"))
    write_card(folder)
    assert_findings(folder.load(), want(
        ledger, line_of(ledger, "id: dso-gap"), ERROR, ("'dso-gap'", "2027-03-31", "future")))


# --- drafts and retired cards ----------------------------------------------------------------


def test_draft_is_checked_but_needs_no_evidence(folder):
    front = edit(FRONT, "status: published", "status: draft")
    front = edit(front, "evidence:\n  - ref: dso-gap\n", "")
    write_card(folder, "clean-draft", front=front)
    broken = write_card(folder, "broken-draft", front=edit(front, "[retail]", "[retial]"))
    content = folder.load()
    assert_findings(content, want(
        broken, line_of(broken, "industries:"), ERROR, "unknown industry id 'retial'"))
    assert content.published_cards == ()


def test_retired_card_is_checked(folder):
    front = edit(FRONT, "status: published", "status: retired")
    path = write_card(folder, front=edit(front, "personas: [cfo, coo]", "personas: [cfo, cooo]"))
    assert_findings(folder.load(), want(
        path, line_of(path, "personas:"), ERROR, "unknown persona id 'cooo'"))


# --- taxonomy and ledger files ---------------------------------------------------------------


def test_missing_taxonomy_is_one_finding(folder):
    (folder.root / "taxonomy.yml").unlink()
    write_card(folder)
    assert_findings(folder.load(), want(
        folder.root / "taxonomy.yml", (1, 1), ERROR, "taxonomy.yml not found", "industries"))


def test_broken_taxonomy_yaml_is_one_finding(folder):
    path = folder.write("taxonomy.yml", edit(TAXONOMY, "name: Logistics", "name: Logistics: 3PL"))
    write_card(folder)
    line, col = where(path, ": 3PL")
    assert_findings(folder.load(), want(path, (line, col), ERROR, "YAML syntax error"))


def test_empty_taxonomy(folder):
    path = folder.write("taxonomy.yml", "# to do\n")
    write_card(folder)
    assert_findings(folder.load(), want(path, (1, 1), ERROR, "file is empty"))


def test_duplicate_industry_id(folder):
    path = folder.write("taxonomy.yml", edit(TAXONOMY, "id: logistics", "id: retail"))
    write_card(folder)
    first, second = lines_of(path, "- id: retail")
    assert_findings(folder.load(), want(
        path, second, ERROR, "duplicate industry id 'retail'", f"first one is on line {first}"))


def test_persona_missing_a_required_field(folder):
    path = folder.write("taxonomy.yml", edit(TAXONOMY, "    next_step: Walk the floor together.\n",
                                             ""))
    write_card(folder)
    assert_findings(folder.load(), want(
        path, where(path, "id: coo"), ERROR,
        ("missing required field 'next_step'", "'personas' item 2"), "add 'next_step:'"))


def test_unknown_taxonomy_field(folder):
    path = folder.write("taxonomy.yml", edit(TAXONOMY, "problems:", "problemss:"))
    write_card(folder)
    findings = folder.load().findings
    assert [(f.path, f.line, f.message, f.hint) for f in findings] == [(
        path.as_posix(), line_of(path, "problemss:"), "unknown field 'problemss'",
        "did you mean 'problems'?",
    )]


def test_duplicate_evidence_id(folder):
    path = folder.write("evidence.yml", LEDGER + LEDGER.removeprefix("evidence:\n"))
    write_card(folder)
    first, second = lines_of(path, "- id: dso-gap")
    assert_findings(folder.load(), want(
        path, second, ERROR, "duplicate evidence id 'dso-gap'", f"first one is on line {first}"))


def test_ledger_entry_without_source(folder):
    path = folder.write("evidence.yml", edit(
        LEDGER, "    source: Testco Benchmark 2026 (412 customers)\n", ""))
    write_card(folder)
    assert_findings(folder.load(), want(
        path, where(path, "id: dso-gap"), ERROR, "evidence item 1 has no source"))


def test_broken_ledger_does_not_fail_every_citation(folder):
    path = folder.write("evidence.yml", edit(LEDGER, "kind: fact", "kind: fact: measured"))
    write_card(folder, "one")
    write_card(folder, "two")
    assert_findings(folder.load(), want(path, where(path, ": measured"), ERROR,
                                        "YAML syntax error"))


def test_empty_ledger_is_allowed_and_citations_then_fail(folder):
    folder.write("evidence.yml", "# figures go here\n")
    path = write_card(folder)
    assert_findings(folder.load(), want(
        path, line_of(path, "ref: dso-gap"), ERROR, "unknown evidence id 'dso-gap'",
        "known evidence ids: (none)"))


# --- the command line ------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
                  r"(?P<message>.+?)(?: \((?P<hint>.+)\))?$")
SUMMARY = re.compile(r"^\d+ cards: \d+ published.*; \d+ errors?, \d+ warnings?$")


def fresh(front: str = FRONT) -> str:
    """Front matter reviewed today: the CLI checks against the real date, not TODAY."""
    return edit(front, "reviewed: 2026-10-01", f"reviewed: {dt.date.today().isoformat()}")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_cli_clean_content_exits_0(folder):
    write_card(folder, front=fresh())
    code, output = run("check", str(folder.root))
    assert (code, output) == (0, "1 cards: 1 published; 0 errors, 0 warnings\n")


def test_cli_errors_exit_1_with_one_line_per_finding(folder):
    path = write_card(folder, front=fresh(edit(FRONT, "[retail]", "[retial]")))
    code, output = run("check", str(folder.root))
    assert code == 1
    col = path.read_text().splitlines()[line_of(path, "industries:") - 1].index("retial") + 1
    assert output.splitlines() == [
        f"{path.as_posix()}:{line_of(path, 'industries:')}:{col}: error:"
        " unknown industry id 'retial' in 'industries'"
        " (did you mean 'retail'?; known industry ids: logistics, retail)",
        "1 cards: 1 published; 1 error, 0 warnings",
    ]


def test_cli_warnings_fail_only_with_strict(folder):
    stale = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    write_card(folder, front=edit(FRONT, "reviewed: 2026-10-01", f"reviewed: {stale}"))
    code, output = run("check", str(folder.root))
    assert code == 0
    assert ": warning: stale:" in output
    assert "0 errors, 1 warning" in output
    strict_code, strict_output = run("check", "--strict", str(folder.root))
    assert strict_code == 1
    assert strict_output == output


def test_cli_usage_errors_exit_2(folder):
    assert run("check", str(folder.root / "nowhere"))[0] == 2
    assert run("check", "--no-such-option", str(folder.root))[0] == 2
    not_a_dir = folder.write("file.txt", "x")
    assert run("check", str(not_a_dir))[0] == 2


def test_cli_summary_names_drafts_and_retired_cards(folder):
    write_card(folder, "live", front=fresh())
    write_card(folder, "idea", front=fresh(edit(FRONT, "status: published", "status: draft")))
    retired = fresh(edit(FRONT, "status: published", "status: retired"))
    write_card(folder, "old", front=edit(retired, "[retail]", "[retial]"))
    code, output = run("check", str(folder.root))
    assert code == 1  # a retired card's errors still count
    assert output.splitlines()[-1] == (
        "3 cards: 1 published, 1 draft (idea), 1 retired (old); 1 error, 0 warnings")


def test_cli_output_is_sorted_stable_and_one_line_per_finding(folder):
    folder.write("taxonomy.yml", edit(TAXONOMY, "id: logistics", "id: retail"))
    folder.write("evidence.yml", edit(LEDGER, "    source: Testco Benchmark 2026 (412 customers)\n",
                                      ""))
    write_card(folder, "zeta", front=fresh(edit(FRONT, "[retail]", "[retial]")))
    write_card(folder, "alpha", body=BODY + "\n### Silence.\n",
               front=fresh(edit(FRONT, RISK_LINE, "")))
    folder.write("insights/broken.md", b"---\ntitle: \xff\n---\n")
    # A quoted YAML value can hold a line break; the finding quoting it stays on one line.
    folder.write("insights/multi.md", card_text(fresh(edit(
        FRONT, "industries: [retail]", 'industries: ["re\\ntail"]'))))
    first = run("check", str(folder.root))
    second = run("check", str(folder.root))
    assert first == second
    code, output = first
    assert code == 1
    *lines, summary = output.splitlines()
    assert SUMMARY.match(summary), summary
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), "\n".join(line for line, m in zip(lines, parsed, strict=True) if not m)
    keys = [(m["path"], int(m["line"]), int(m["col"])) for m in parsed if m]
    assert keys == sorted(keys)
    files = [Path(m["path"]).name for m in parsed if m]
    assert sorted(set(files)) == ["alpha.md", "broken.md", "evidence.yml", "multi.md",
                                  "taxonomy.yml", "zeta.md"]
    assert "'re\\ntail' is not a valid id" in output


def test_cli_json_and_github_formats_carry_the_same_findings(folder):
    path = write_card(folder, front=fresh(edit(FRONT, "[retail]", "[retial]")))
    code, output = run("check", "--format", "github", str(folder.root))
    assert code == 1
    line = line_of(path, "industries:")
    col = path.read_text().splitlines()[line - 1].index("retial") + 1
    assert output.splitlines()[0].startswith(
        f"::error file={path.as_posix()},line={line},col={col},title=pitchcraft::unknown industry")
    code, output = run("check", "--format", "json", str(folder.root))
    assert code == 1
    assert '"message": "unknown industry id \'retial\' in \'industries\'"' in output


BROKEN: dict[str, Callable[[ContentFolder], object]] = {
    "yaml-syntax": lambda f: write_card(f, front=FRONT + "owner: a: b\n"),
    "never-closed": lambda f: f.write("insights/c.md", f"---\n{FRONT}"),
    "no-front-matter": lambda f: f.write("insights/c.md", BODY),
    "empty": lambda f: f.write("insights/c.md", ""),
    "latin-1": lambda f: f.write("insights/c.md", card_text().encode() + b"\xe9"),
    "nul": lambda f: f.write("insights/c.md", "---\ntitle: \x00\n---\n"),
    "not-mapping": lambda f: f.write("insights/c.md", "---\n[1, 2]\n---\n"),
    "wrong-types": lambda f: write_card(f, front=(
        "title: [1]\nsummary: {a: 1}\nindustries: {}\nproblems: 3\npersonas: cfo\nowner: 4\n"
        "reviewed: yes\nstatus: 7\naudience: []\nevidence: x\ndifferentiation: 1\n"
        "leads_to: y\ntags: 2\nreview_interval_days: -1\nid: Bad Id\n")),
    "odd-keys": lambda f: write_card(f, front=FRONT + "2026-01-01: x\n? [a]\n: b\nnull: c\n"),
    "evidence-shapes": lambda f: write_card(f, front=edit(FRONT, "  - ref: dso-gap", (
        "  - 1\n  - []\n  - {ref: 3}\n  - {ref: a, figure: b}\n  - {as_of: 2026-99-99}"))),
    "dates": lambda f: write_card(f, front=edit(FRONT, "reviewed: 2026-10-01",
                                                "reviewed: 2026-13-45\nreview_interval_days: x")),
    "body-only-headings": lambda f: write_card(f, body="## \n### For:\n## Objections\n###\n"),
    "deep": lambda f: write_card(f, front=FRONT + "x: " + "[" * 900 + "]" * 900 + "\n"),
    "taxonomy-list": lambda f: f.write("taxonomy.yml", "- a\n- b\n"),
    "taxonomy-shapes": lambda f: f.write("taxonomy.yml", (
        "review_interval_days: many\nindustries: retail\nproblems: [1, {id: X}]\n"
        "personas: [{}]\ncompany: {offerings: 1, differentiators: [{id: a, id: b}]}\n")),
    "taxonomy-latin-1": lambda f: f.write("taxonomy.yml", TAXONOMY.encode() + b"\xe9"),
    "ledger-shapes": lambda f: f.write("evidence.yml", (
        "evidence:\n  - 1\n  - {id: 2}\n  - {id: a, as_of: tomorrow}\nother: 1\n")),
    "ledger-list": lambda f: f.write("evidence.yml", "- a\n"),
    "no-taxonomy": lambda f: (f.root / "taxonomy.yml").unlink(),
}


@pytest.mark.parametrize("name", BROKEN)
def test_cli_never_shows_a_traceback(folder, name):
    write_card(folder, "good", front=fresh())
    BROKEN[name](folder)
    code, output = run("check", str(folder.root))
    assert code == 1
    *lines, summary = output.splitlines()
    assert lines, "a broken input must produce a finding"
    assert all(LINE.match(line) for line in lines), output
    assert SUMMARY.match(summary), summary


def test_reviewed_today_is_neither_future_nor_stale(folder):
    write_card(folder, front=edit(FRONT, "reviewed: 2026-10-01", f"reviewed: {TODAY}"))
    assert folder.load().findings == ()
