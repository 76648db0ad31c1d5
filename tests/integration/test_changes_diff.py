"""`pitchcraft diff` against a real git repository: each kind of edit shows up exactly where a
reviewer looks for it, in text, in the pull-request comment and in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from change_repo import golden, make_repo
from pitchcraft.changes.report import MARKER
from pitchcraft.cli import main


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("changes"))


def run(repo: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_every_kind_of_edit_matches_the_golden_file(repo, fmt, monkeypatch, update_golden):
    code, out = run(repo, "start", "winning", "--format", fmt, monkeypatch=monkeypatch)
    assert code == 0
    golden(f"diff-start-winning.{'txt' if fmt == 'text' else fmt}", out, update_golden)


@pytest.mark.parametrize(("base", "head"), [
    ("start", "figure"), ("figure", "variant"), ("variant", "retired"), ("retired", "winning"),
])
def test_each_edit_on_its_own_matches_the_golden_file(repo, base, head, monkeypatch,
                                                      update_golden):
    code, out = run(repo, base, head, monkeypatch=monkeypatch)
    assert code == 0
    golden(f"diff-{base}-{head}.txt", out, update_golden)


def as_json(repo: Path, base: str, head: str, monkeypatch) -> dict:
    code, out = run(repo, base, head, "--format", "json", monkeypatch=monkeypatch)
    assert code == 0, out
    return json.loads(out)


def test_a_ledger_figure_change_lists_every_pitch_that_quotes_it(repo, monkeypatch):
    found = as_json(repo, "start", "figure", monkeypatch)
    figure, internal = found["figures"]
    assert figure["id"] == "dso-gap"
    assert (figure["before"]["figure"], figure["after"]["figure"]) == ("11.4 days", "12.1 days")
    quoting = ["retail/late-cash/cfo", "retail/late-cash/coo", "logistics/late-cash/cfo"]
    assert figure["pitches"] == quoting
    assert (internal["id"], internal["pitches"]) == ("write-offs", quoting[:2])
    assert [(p["pitch"], p["figures"]) for p in found["pitches"]] == [
        (quoting[0], ["dso-gap", "write-offs"]), (quoting[1], ["dso-gap", "write-offs"]),
        (quoting[2], ["dso-gap"])]
    assert all(p["kind"] == "changed" and p["evidence"] for p in found["pitches"])


def test_a_persona_variant_changes_that_personas_step_only(repo, monkeypatch):
    found = as_json(repo, "figure", "variant", monkeypatch)
    (pitch,) = found["pitches"]
    assert pitch["pitch"] == "retail/late-cash/coo" and pitch["kind"] == "changed"
    (step,) = pitch["steps"]
    assert step["title"] == "A new way"
    assert step["after"] == "Know which shipments will be paid late before they leave."
    _, text = run(repo, "figure", "variant", monkeypatch=monkeypatch)
    assert "A new way (persona variant)" in text


def test_a_retired_card_loses_its_coverage_first(repo, monkeypatch):
    found = as_json(repo, "variant", "retired", monkeypatch)
    assert [(p["pitch"], p["kind"], p["card_before"]) for p in found["pitches"]] == [
        ("logistics/late-cash/cfo", "disappeared", "logistics-tenders")]
    assert [(c["id"], c["kind"]) for c in found["cards"]] == [("logistics-tenders", "retired")]
    _, text = run(repo, "variant", "retired", monkeypatch=monkeypatch)
    coverage = text.index("Coverage and card switches:")
    assert text.index("- Logistics x Late cash x Chief Financial Officer: no longer covered",
                      coverage) < text.index("== retired: logistics-tenders")


def test_a_card_that_starts_winning_switches_the_pitches_it_wins(repo, monkeypatch):
    found = as_json(repo, "retired", "winning", monkeypatch)
    switched = [(p["pitch"], p["card_before"], p["card_after"]) for p in found["pitches"]
                if p["kind"] == "switched"]
    # the coo keeps the card written for them (its A new way variant): fit ranks first
    assert switched == [("retail/late-cash/cfo", "late-payers", "chasing-costs")]
    _, md = run(repo, "retired", "winning", "--format", "md", monkeypatch=monkeypatch)
    summary, details = md.split("<details>", 1)
    assert "`late-payers` → `chasing-costs`" in summary
    card = summary.split("`chasing-costs` Chasing costs more", 1)[1]
    assert card.startswith("; figures: ")  # the card's line, then its pitches fold below it
    assert details.startswith("<summary>1 pitch: the words that change</summary>\n\n"
                              "  - Retail x Late cash (Chief Financial Officer) (switched):")


def test_the_comment_starts_with_the_marker_the_workflow_looks_for(repo, monkeypatch):
    _, md = run(repo, "start", "winning", "--format", "md", monkeypatch=monkeypatch)
    assert md.splitlines()[0] == MARKER
    assert md.index("Coverage and card switches") < md.index("<details>")


def test_the_working_tree_is_the_default_head(repo, monkeypatch):
    _, text = run(repo, "winning", monkeypatch=monkeypatch)
    assert "to the working tree: 0 pitches" in text
    assert "No pitch, card or ledger figure changes." in text


def test_a_revision_that_does_not_exist_is_a_usage_error(repo, monkeypatch):
    code, out = run(repo, "no-such-tag", monkeypatch=monkeypatch)
    assert code == 2
    assert "unknown revision 'no-such-tag'" in out
    assert "Traceback" not in out


def test_a_folder_outside_git_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    code, out = run(tmp_path, "HEAD", monkeypatch=monkeypatch)
    assert code == 2 and "Traceback" not in out


def test_a_content_error_at_a_revision_is_a_finding(repo, monkeypatch):
    code, out = run(repo, "winning", "broken", monkeypatch=monkeypatch)
    assert code == 0
    assert ("Content errors at head broken" in out
            and "content/insights/late-payers.md:7:6: error: YAML syntax error" in out)
    found = as_json(repo, "winning", "broken", monkeypatch)
    assert found["findings"]["base"] == []
    assert found["findings"]["head"][0].startswith("content/insights/late-payers.md:7:6: error")


def test_a_comment_too_long_for_github_is_cut_at_a_card_and_says_so(repo, monkeypatch):
    _, full = run(repo, "start", "winning", "--format", "md", monkeypatch=monkeypatch)
    monkeypatch.setattr("pitchcraft.changes.report.COMMENT_LIMIT", full.index("</details>") + 300)
    _, cut = run(repo, "start", "winning", "--format", "md", monkeypatch=monkeypatch)
    assert len(cut) < len(full)
    assert cut.count("<details>") == cut.count("</details>")  # no fold left open
    assert cut.rstrip().endswith("read the workflow log for the rest.")


def test_the_comment_marks_every_rep_note_as_the_reps_own(tmp_path, monkeypatch):
    repo = make_repo(tmp_path)
    card = repo / "content" / "insights" / "late-payers.md"  # a public card
    said = "Late payment is a forecast you are not making.\n"
    card.write_text(card.read_text().replace(said, said + (
        '\n> Finance teams agree.\n>\n> !!! rep "Pricing"\n>     Discount zqquoted.\n\n'
        '!!! warning rep\n    Never name zqcustomer.\n')))
    code, md = run(repo, "winning", "--format", "md", monkeypatch=monkeypatch)
    assert code == 0, md
    assert "!!! rep" not in md and "warning rep" not in md
    lines = md.splitlines()
    for secret in ("zqquoted", "zqcustomer"):
        at = next(n for n, line in enumerate(lines) if secret in line)
        above = lines[max(0, at - 3):at]
        assert any("For the rep, not to be read aloud" in line for line in above), above
        assert lines[at].lstrip("> ").strip() and lines[at].lstrip().startswith(">")
