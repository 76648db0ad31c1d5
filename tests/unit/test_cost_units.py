"""Units of the content's own: a fleet vendor declares litres, km, miles and trucks in the
taxonomy, and its cost models are checked and written in them as in the built-in units; a unit
word written after a figure that already says it is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import BODY, TAXONOMY, ContentFolder
from cost_content import COST_FRONT, COST_MODEL, cost_folder
from findings import ERROR, WARNING, assert_findings, line_of, want
from pitchcraft.cli import main

UNITS = """\
units:
  - name: litres
    dimension: volume
    singular: litre
  - name: km
    dimension: distance
  - name: miles
    dimension: distance
    singular: mile
  - name: trucks
    dimension: count
    singular: truck
"""

FLEET_MODEL = """\
cost_model:
  inputs:
    trucks: {label: Trucks in the fleet, unit: trucks, default: 40, min: 1, max: 5000}
    idle_litres: {label: Litres burnt idling per truck a year, unit: litres/trucks,
                  default: 1600, min: 0, max: 20000}
    price: {label: Diesel price, unit: USD/litres, default: 1.4, min: 0.5, max: 4}
  outputs:
    idle_fuel: {label: Fuel burnt idling a year, unit: litres, formula: trucks * idle_litres}
    idle_cost: {label: Cost of idling a year, unit: USD, formula: idle_fuel * price}
"""

FLEET_BODY = BODY.replace(
    "Distributors collect 11.4 days after terms.",
    "A fleet of {cost: trucks} idles away {cost: idle_fuel} a year at {cost: price}:"
    " {cost: idle_cost}.")
RETAIL_COO = ["--industry", "retail", "--problem", "late-cash", "--persona", "coo"]


def _fleet(folder: ContentFolder, model: str = FLEET_MODEL, body: str = FLEET_BODY) -> None:
    folder.write("taxonomy.yml", TAXONOMY + UNITS)
    cost_folder(folder, front=COST_FRONT.replace(COST_MODEL, model), body=body)


def test_a_cost_model_in_declared_units_is_clean_and_speaks_them(folder: ContentFolder) -> None:
    _fleet(folder)
    assert_findings(folder.load())
    result = CliRunner().invoke(main, ["pitch", *RETAIL_COO, str(folder.root)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("A fleet of 40 trucks idles away 64,000 litres a year at $1.40 per litre: $90,000."
            in said)
    assert "Fuel burnt idling a year: 40 trucks \u00d7 1,600 litres per truck = 64,000 litres" \
        in said


def test_the_buyers_inputs_are_named_with_declared_units(folder: ContentFolder) -> None:
    _fleet(folder)
    result = CliRunner().invoke(main, ["pitch", *RETAIL_COO, "--inputs", "trucks=999999",
                                       str(folder.root)])
    assert result.exit_code == 2
    assert "trucks=999999 is outside 1 to 5000" in result.output
    assert "trucks: Trucks in the fleet in trucks, 1 to 5000, default 40" in result.output


def test_an_unknown_unit_names_the_declared_and_built_in_ones(folder: ContentFolder) -> None:
    _fleet(folder, FLEET_MODEL.replace("unit: litres,", "unit: litre,"))
    path = folder.root / "insights/startup.md"
    assert_findings(folder.load(), want(
        path, line_of(path, "unit: litre,"), ERROR, "unknown unit 'litre'",
        ("did you mean 'litres'?", "USD, EUR", "declared in taxonomy.yml: litres, km, miles,"
         " trucks")))


def test_adding_two_units_of_one_dimension_asks_for_a_conversion(folder: ContentFolder) -> None:
    model = FLEET_MODEL.replace("trucks * idle_litres}", "trucks * idle_litres}\n"
                                "    road: {label: Road, unit: km, formula: trip_km + trip_miles}")
    model = model.replace("  outputs:\n", "    trip_km: {label: Km, unit: km, default: 1, min: 0,"
                          " max: 9}\n    trip_miles: {label: Miles, unit: miles, default: 1,"
                          " min: 0, max: 9}\n  outputs:\n")
    _fleet(folder, model)
    path = folder.root / "insights/startup.md"
    assert_findings(folder.load(), want(
        path, line_of(path, "road:"), WARNING, "road: adds km to miles",
        "both measure distance: convert one to the other first"))


def test_a_declared_unit_that_is_built_in_or_declared_twice_is_an_error(
        folder: ContentFolder) -> None:
    path = folder.write("taxonomy.yml", TAXONOMY + UNITS + "  - name: hours\n"
                        "    dimension: time\n  - name: km\n    dimension: distance\n")
    lines = path.read_text().splitlines()
    assert_findings(folder.load(),
                    want(path, lines.index("  - name: hours") + 1, ERROR,
                         "unit 'hours' is built in"),
                    want(path, len(lines) - 1, ERROR, "unit 'km' is declared twice",
                         f"the first is on line {lines.index('  - name: km') + 1}"))


def test_a_unit_word_after_a_figure_that_writes_its_unit_is_a_warning(
        folder: ContentFolder) -> None:
    """'{cost: idle_fuel} litres' reads '64,000 litres litres' in the pitch."""
    body = FLEET_BODY.replace("{cost: idle_fuel} a year", "{cost: idle_fuel} litres a year")
    body = body.replace("{cost: idle_cost}.", "**{cost: idle_cost}** dollars.")
    _fleet(folder, body=body)
    path = folder.root / "insights/startup.md"
    line = line_of(path, "A fleet of")
    column = path.read_text().splitlines()[line - 1].index("{cost: idle_fuel}") + 1
    assert_findings(folder.load(),
                    want(path, (line, column), WARNING,
                         ("'{cost: idle_fuel} litres'", "twice"), "remove 'litres'"),
                    want(path, line, WARNING, "'{cost: idle_cost} dollars'"))


@pytest.mark.parametrize("command", ["pitch", "deck"])
@pytest.mark.parametrize(("inputs", "said"), [
    ("truks=50", "'truks' is not an input of this card's cost model"),
    ("trucks=fifty", "trucks='fifty' is not a plain number"),
    ("trucks=1,200", "trucks='1,200' is not a plain number"),
    ("a=1,b=2", "'a' is not an input of this card's cost model"),
    ("trucks=999999", "trucks=999999 is outside 1 to 5000"),
])
def test_the_issues_silent_inputs_stop_pitch_and_deck_with_their_message(
        folder: ContentFolder, tmp_path: Path, command: str, inputs: str, said: str) -> None:
    """The fleet vendor's own cases: each once exited 0 with the defaults."""
    _fleet(folder)
    deck = tmp_path / "deck.pptx"
    result = CliRunner().invoke(main, [command, *RETAIL_COO, "--inputs", inputs,
                                       *(["-o", str(deck)] if command == "deck" else []),
                                       str(folder.root)])
    assert result.exit_code == 2 and not deck.exists()
    assert said in " ".join(result.output.split())
    assert "idle_litres: Litres burnt idling per truck a year in litres/trucks, 0 to 20000" \
        in result.output
