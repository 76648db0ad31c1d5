"""Marketing's tools: the JSON Schema for editors, `new card`, `report`, and CI annotations."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from builders import AGAINST, DEMO, FRONT, REPO, alternatives_folder
from pitchcraft.cli import main


def _jsonable(value):
    """YAML dates as JSON strings, the way an editor's YAML server sees them."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _shipped(kind: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("kind", ["card", "taxonomy", "evidence"])
def test_shipped_schema_is_what_the_validator_uses(kind):
    printed = CliRunner().invoke(main, ["schema", kind])
    assert printed.exit_code == 0
    assert printed.output == (REPO / "schema" / f"{kind}.schema.json").read_text()


def _front_matter(path):
    return yaml.safe_load(path.read_text().split("---\n")[1])


def test_schema_accepts_every_demo_file():
    cards = sorted((DEMO / "insights").rglob("*.md"))
    assert cards
    for card in cards:
        errors = list(_shipped("card").iter_errors(_jsonable(_front_matter(card))))
        assert errors == [], card
    for kind, name in (("taxonomy", "taxonomy.yml"), ("evidence", "evidence.yml")):
        data = _jsonable(yaml.safe_load((DEMO / name).read_text()))
        assert list(_shipped(kind).iter_errors(data)) == [], name


@pytest.mark.parametrize(("change", "rule"), [
    (("problems:", "problms:"), "additionalProperties"),
    (("personas: [cfo, coo]", "personas: cfo"), "type"),
    (("status: published", "status: live"), "enum"),
    (("owner: Dana Smith\n", ""), "required"),
    (("  - ref: dso-gap\n", "  - figure: 3%\n    claim: x\n    as_of: 2026-01-01\n"), "required"),
])
def test_schema_rejects_broken_front_matter(change, rule):
    data = _jsonable(yaml.safe_load(FRONT.replace(*change)))
    assert rule in [e.validator for e in _shipped("card").iter_errors(data)]


def _copy_project(tmp_path):
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, tmp_path / name)
    return tmp_path / "content"


def test_new_card_passes_check_and_never_overwrites(tmp_path):
    content = _copy_project(tmp_path)
    args = ["new", "card", "--title", "Night shifts hide the real energy bill",
            "--industry", "food-processing", "--problem", "idle-baseload",
            "--persona", "cfo", "--persona", "coo", "--owner", "Dana Smith", str(content)]
    runner = CliRunner()
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    card = content / "insights/night-shifts-hide-the-real-energy-bill.md"
    written = card.read_text()
    assert "## Reframe" in written and "status: draft" in written
    check = runner.invoke(main, ["check", "--strict", str(content)])
    assert check.exit_code == 0, check.output
    assert "2 draft (tier-one-customers-resource-on-carbon, night-shifts-hide" in check.output
    card.write_text(written + "\nEdited by hand.\n")
    second = runner.invoke(main, args)
    assert second.exit_code == 1
    assert "exists already; not overwriting it" in second.output
    assert card.read_text().endswith("Edited by hand.\n")


def test_new_card_without_a_terminal_names_the_missing_flag(tmp_path):
    content = _copy_project(tmp_path)
    result = CliRunner().invoke(main, ["new", "card", "--title", "T", str(content)])
    assert result.exit_code == 2
    assert "--industry is required; one of: food-processing" in result.output
    bad = CliRunner().invoke(main, ["new", "card", "--title", "T", "--industry", "food-procesing",
                                    "--problem", "idle-baseload", "--persona", "cfo",
                                    "--owner", "A", str(content)])
    assert bad.exit_code == 2
    assert "did you mean 'food-processing'?" in bad.output


def test_new_card_with_piped_input_names_the_title_option(tmp_path):
    content = _copy_project(tmp_path)
    result = CliRunner().invoke(main, ["new", "card", str(content)], input="A title\n")
    assert result.exit_code == 2
    assert "--title is required when input is not a terminal" in result.output
    result = CliRunner().invoke(main, [
        "new", "card", "--title", "T", "--industry", "all", "--problem", "idle-baseload",
        "--persona", "cfo", str(content)], input="Dana\n")
    assert result.exit_code == 2
    assert "--owner is required when input is not a terminal" in result.output


@pytest.mark.parametrize(("title", "expected"), [
    ("Idle engines burn a fifth of the fleet's fuel before the first fuel card statement",
     "idle-engines-burn-a-fifth-of-the-fleets-fuel"),
    ("Night shifts hide the real energy bill", "night-shifts-hide-the-real-energy-bill"),
    ("Pneumaticallyoperatedrefrigerationcompressorswithextraordinarilylongnames",
     "pneumaticallyoperatedrefrigerationcompressorswithextraordina"),
])
def test_a_long_title_gives_an_id_cut_between_phrases_within_the_limit(title, expected):
    from pitchcraft.cli.authoring import SLUG_LIMIT, slug

    made = slug(title)
    assert made == expected
    assert len(made) <= SLUG_LIMIT


def test_report_lists_stale_cards_per_owner_gaps_and_weak_cards(tmp_path):
    folder = alternatives_folder(tmp_path / "content")
    folder.card("card", front=(FRONT + AGAINST).replace("2026-10-01", "2025-01-01"))
    folder.card("thin", front=(FRONT + AGAINST.replace("nothing replaced., proof: dso-gap}",
                                                       "nothing replaced.}"))
                .replace("owner: Dana Smith", "owner: Lee Park"))
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["report", "--format", "json", str(folder.root)])
                      .output)
    assert [(r["owner"], r["card"], r["stale"]) for r in data["reviews"]] == [
        ("Dana Smith", "card", True)]
    assert {(g["industry"], g["problem"], g["uncovered"]) for g in data["gaps"]} == {
        ("logistics", "late-cash", True)}
    assert [(t["card"], t["against"], t["missing"])
            for t in data["not_meaningfully_different"]] == [
        ("thin", "phone-chasing", ["commercials", "risk"])]
    assert [(u["industry"], u["alternatives"]) for u in data["alternatives_unanswered"]] == [
        ("retail", ["erp-dunning"]), ("logistics", ["phone-chasing", "erp-dunning"])]
    text = runner.invoke(main, ["report", "--templates", str(REPO / "theme/templates"),
                                str(folder.root)]).output
    assert "Dana Smith" in text and "STALE" in text
    assert "no card     Logistics x Late cash" in text
    md = runner.invoke(main, ["report", "--format", "md", "--templates",
                              str(REPO / "theme/templates"), str(folder.root)]).output
    assert "## Coverage gaps" in md and "**Logistics x Late cash**: no card" in md


def test_new_card_writes_a_readable_title_and_a_whole_word_id(tmp_path):
    content = _copy_project(tmp_path)
    title = "Seasonal staff are paid from last year's rules: the quiet cost"
    result = CliRunner().invoke(main, [
        "new", "card", "--title", title, "--industry", "all", "--problem", "idle-baseload",
        "--persona", "cfo", "--owner", "Dana O'Brien", str(content)])
    assert result.exit_code == 0, result.output
    card = content / "insights/seasonal-staff-are-paid-from-last-years-rules-the-quiet-cost.md"
    front = card.read_text().split("---\n")[1]
    assert "\\u0027" not in front
    assert front.splitlines()[0] == f'title: "{title}"'
    assert "owner: Dana O'Brien\n" in front
    assert yaml.safe_load(front)["title"] == title
    assert yaml.safe_load(front)["owner"] == "Dana O'Brien"
    assert "industries: all\n" in front


@pytest.mark.parametrize("folder", ["../../outside", "../x", "/tmp/pitchcraft-escape"])
def test_new_card_never_writes_outside_the_insights_folder(tmp_path, folder):
    content = _copy_project(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, ["new", "card", "--folder", folder, str(content)])
    assert result.exit_code == 2
    assert "leads outside" in result.output and "missing a value" not in result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_new_card_checks_its_template_and_taxonomy_before_asking(tmp_path):
    content = _copy_project(tmp_path)
    broken = tmp_path / "mine"
    broken.mkdir()
    (broken / "new_card.md.j2").write_text("---\ntitle: {{ title \n")
    result = CliRunner().invoke(main, ["new", "card", "--templates", str(broken),
                                       str(content)])
    assert result.exit_code == 1
    assert "new_card.md.j2:2" in result.output and "missing a value" not in result.output
    (content / "taxonomy.yml").unlink()
    result = CliRunner().invoke(main, ["new", "card", str(content)])
    assert result.exit_code == 2
    assert "taxonomy.yml is missing or broken" in result.output


def test_commands_use_the_packaged_templates_and_a_company_file_wins(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)  # no theme/ beside it: the packaged templates serve
    pitch = ["pitch", "--industry", "cold-storage", "--problem", "idle-baseload",
             "--persona", "cfo", str(content)]
    runner = CliRunner()
    packaged = runner.invoke(main, pitch)
    assert packaged.exit_code == 0, packaged.output
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "pitch.txt.j2").write_text("OUR PITCH for {{ pitch.persona.name }}\n")
    ours = runner.invoke(main, [*pitch[:-1], "--templates", str(mine), str(content)])
    assert ours.output == "OUR PITCH for Chief Financial Officer\n"
    report = runner.invoke(main, ["report", "--templates", str(mine), str(content)])
    assert report.exit_code == 0 and "COVERAGE GAPS" in report.output  # the packaged one
