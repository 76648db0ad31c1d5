"""`check` on real card files with a cost model: each finding names the file, line and column."""

from __future__ import annotations

import pytest

from builders import ContentFolder
from cost_content import COST_BODY, COST_FRONT, cost_folder

FORMULA = "formula: annual_spend * ledger.demand-share"
CASES = [
    # (what the author wrote instead, where the finding points, words of the message)
    ("syntax", (FORMULA, "formula: annual_spend ^ 2"), "^", "demand_charge"),
    ("unknown name", (FORMULA, "formula: annual_spnd * ledger.demand-share"), "annual_spnd",
     "annual_spnd"),
    ("unknown ledger id", (FORMULA, "formula: annual_spend * ledger.demand-shar"),
     "ledger.demand-shar", "demand-shar"),
    ("ledger figure not one number", (FORMULA, "formula: annual_spend * ledger.outage-range"),
     "ledger.outage-range", "outage-range"),
    ("default outside range", ("default: 1200000", "default: 60000000"), "60000000",
     "annual_spend"),
    ("min above max", ("min: 100000", "min: 90000000"), "90000000", "min"),
    ("unknown unit", ("unit: USD\n      default", "unit: dollars\n      default"), "dollars",
     "dollars"),
    ("cycle", (FORMULA, "formula: startup_charge * ledger.demand-share"), "startup_charge *",
     "circle"),
    ("division by zero",
     (FORMULA, "formula: annual_spend * annual_spend / (annual_spend - 1200000)"), "/ (",
     "zero"),
    ("units that do not match", (FORMULA, "formula: annual_spend + ledger.startup-share"), "+",
     ""),
]


def _cost_findings(folder: ContentFolder, front: str, body: str = COST_BODY) -> list:
    path = cost_folder(folder, front, body)
    content = path.load()
    return [f for f in content.findings if f.path.endswith("startup.md")]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_cost_model_problem_is_one_finding_at_the_text_to_fix(
    folder: ContentFolder, case: tuple
) -> None:
    _, (old, new), at, words = case
    assert old in COST_FRONT
    front = COST_FRONT.replace(old, new, 1)
    found = _cost_findings(folder, front)
    text = (folder.root / "insights" / "startup.md").read_text().splitlines()
    line = next(i for i, x in enumerate(text) if at in x and (new.split("\n")[0] in x or at == x))
    assert [(f.line, f.col) for f in found] == [(line + 1, text[line].index(at) + 1)], found
    assert words in found[0].message and found[0].hint
    assert found[0].path.endswith("insights/startup.md")


def test_a_public_card_may_not_compute_with_internal_figures(folder: ContentFolder) -> None:
    front = COST_FRONT.replace("status: published", "status: published\naudience: public")
    front = front.replace("ledger.startup-share", "ledger.win-rate")
    found = _cost_findings(folder, front)
    assert len(found) == 1 and "win-rate" in found[0].message
    assert "ledger.win-rate" in (folder.root / "insights/startup.md").read_text().splitlines()[
        found[0].line - 1][found[0].col - 1:]


def test_a_reference_to_no_figure_is_reported_where_it_is_written_in_text_and_variants(
    folder: ContentFolder,
) -> None:
    body = COST_BODY.replace("{cost: startup_charge} of it", "{cost: startup_chrage} of it")
    body = body.replace("treated as noise.", "treated as noise, costing   {cost: nothing}.")
    found = _cost_findings(folder, COST_FRONT, body)
    lines = (folder.root / "insights" / "startup.md").read_text().splitlines()
    places = [(lines[f.line - 1][f.col - 1:].split("}")[0], f.message) for f in found]
    assert [p[0] for p in places] == ["{cost: nothing", "{cost: startup_chrage"]
    assert all("names no input or output" in p[1] for p in places)


def test_a_reference_without_a_cost_model_says_to_declare_one(folder: ContentFolder) -> None:
    front = COST_FRONT.split("cost_model:")[0]
    found = _cost_findings(folder, front)
    assert len(found) == 3 and all("has no cost_model" in f.message for f in found)


def test_a_cost_model_of_the_wrong_shape_is_one_finding_and_no_knock_ons(
    folder: ContentFolder,
) -> None:
    front = COST_FRONT.replace("      label: Annual electricity spend\n", "")
    found = _cost_findings(folder, front)
    assert len(found) == 1 and "label" in found[0].message
    assert found[0].line == 1 + next(  # the first line of annual_spend's fields
        i + 1 for i, x in enumerate((folder.root / "insights/startup.md").read_text().splitlines())
        if "annual_spend:" in x)
