"""Worked examples are computed rows: each figure the talk track says rounded is shown in the
evidence table as arithmetic with the values in effect, exact, and says what it rests on."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from builders import TODAY, ContentFolder
from cost_content import COST_BODY, COST_FRONT, COST_LEDGER, cost_folder
from cost_models import LEDGER, model_from
from findings import WARNING, assert_findings, want, where
from pitchcraft.cli import main
from pitchcraft.costs.evaluate import evaluate, plan
from pitchcraft.costs.worked import (
    FROM_BOTH,
    FROM_BUYER,
    FROM_DEFAULTS,
    FROM_EVIDENCE,
    FROM_PAGE,
    worked_examples,
)
from pitchcraft.output.incremental import SiteGenerator
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.site.pages import SiteOptions
from pitchcraft.theme_files import templates_dir

RETAIL = ["--industry", "retail", "--problem", "late-cash"]
DEMAND = "Demand charges a year: $1,200,000 \u00d7 38% = $456,000"
STARTUP = "Demand charge set at start-up: $456,000 \u00d7 71% = $323,760"


def _printed(folder: ContentFolder, *args: str, persona: str = "coo") -> str:
    result = CliRunner().invoke(main, ["pitch", *RETAIL, "--persona", persona, *args,
                                       str(folder.root)])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_evidence_table_shows_each_said_figure_as_exact_arithmetic(
        folder: ContentFolder) -> None:
    cost_folder(folder)
    printed = _printed(folder, "--format", "md")
    assert "and $320,000 of it is set at start-up" in printed  # said rounded
    assert f"- {STARTUP}\n" in printed and f"- {DEMAND}\n" in printed  # kept exact
    text = " ".join(_printed(folder).split())
    assert f"* $323,760: {STARTUP} Source: {FROM_DEFAULTS}" in text


def test_the_buyers_numbers_reach_the_rows_and_the_rows_say_so(folder: ContentFolder) -> None:
    content = cost_folder(folder).load()
    pitch = compose_pitch(content, Combination("retail", "late-cash", "coo"), TODAY,
                          inputs="annual_spend=2000000")
    assert pitch is not None and pitch.figures is not None
    rows = pitch.figures.worked_examples
    assert [(r.text, r.figure, r.basis) for r in rows] == [
        ("Demand charges a year: $2,000,000 \u00d7 38% = $760,000", "$760,000", FROM_BUYER),
        ("Demand charge set at start-up: $760,000 \u00d7 71% = $539,600", "$539,600", FROM_BUYER),
    ]
    assert [r.ledger for r in rows] == [("demand-share",), ("startup-share", "demand-share")]
    assert "$540,000 of it" in pitch.steps[2].text


def test_a_buyer_gets_rows_only_for_the_figures_their_pitch_says(folder: ContentFolder) -> None:
    said_to_cfo = COST_BODY.replace("{cost: demand_charge}", "a large sum").replace(
        "{cost: startup_charge}", "much").replace(
        "Your forecast misses because late payment is treated as noise.",
        "Your forecast misses {cost: demand_charge} of demand charges.")
    content = cost_folder(folder, body=said_to_cfo).load()
    rows = {}
    for persona in ("cfo", "coo"):
        pitch = compose_pitch(content, Combination("retail", "late-cash", persona), TODAY)
        assert pitch is not None and pitch.figures is not None
        rows[persona] = [r.name for r in pitch.figures.worked_examples]
    assert rows == {"cfo": ["demand_charge"], "coo": []}


MODEL = """
inputs:
  a: {label: A, unit: USD, default: 1000, min: 0, max: 100000}
  b: {label: B, unit: USD, default: 300, min: 0, max: 100000}
  c: {label: C, unit: count, default: 4, min: 1, max: 100}
outputs:
  sum_times: {label: Sum times, unit: USD, formula: (a + b) * c}
  nested: {label: Nested, unit: USD, formula: a - (b - 52)}
  negated: {label: Negated, unit: USD, formula: -(a + b) / c}
  kept: {label: Kept, unit: USD, formula: a - b - 1_000}
  picked: {label: Picked, unit: USD, formula: "min(a, b * ledger.demand-charge-share-2025)"}
"""


@pytest.mark.parametrize(("name", "arithmetic"), [
    ("sum_times", "($1,000 + $300) \u00d7 4 = $5,200"),
    ("nested", "$1,000 \u2212 ($300 \u2212 52) = $752"),
    ("negated", "\u2212($1,000 + $300) \u00f7 4 = -$325"),
    ("kept", "$1,000 \u2212 $300 \u2212 1,000 = -$300"),
    ("picked", "min($1,000, $300 \u00d7 38%) = $114"),
])
def test_the_arithmetic_reads_as_the_formula_computes(name: str, arithmetic: str) -> None:
    model = model_from(MODEL)
    prepared = plan(model, LEDGER)
    values = evaluate(prepared, {"a": 1000, "b": 300})
    rows = worked_examples(prepared, values, [name], {"demand-charge-share-2025": "38%"},
                           given=["a"])
    assert [(r.name, r.arithmetic, r.basis) for r in rows] == [(name, arithmetic, FROM_BOTH)]


def test_on_the_site_each_value_of_a_row_is_updated_by_the_calculator_exactly(
        folder: ContentFolder) -> None:
    cost_folder(folder)
    generator = SiteGenerator()
    content = generator.load(folder.root, TODAY)
    pages = {p.path: p.markdown for p in
             generator.pages(content, SiteOptions(), TODAY, [templates_dir()]).pages}
    page = pages["pitches/retail--late-cash.md"]
    exact = ('<span class="pc-cost" data-cost-output="startup_charge" data-cost-card="startup"'
             ' data-cost-exact>$323,760</span>')
    assert f"| **{exact}** |" in page and f"= {exact} | {FROM_PAGE} |" in page
    said = ('<span class="pc-cost" data-cost-output="startup_charge" data-cost-card="startup">'
            "$320,000</span>")
    assert said in page  # the talk track says it rounded; each span names its calculator


def test_a_share_computed_from_a_whole_reads_as_percentages() -> None:
    model = model_from(MODEL + "  rest: {label: Rest, unit: percent,"
                       " formula: 1 - ledger.demand-charge-share-2025}\n")
    prepared = plan(model, LEDGER)
    [row] = worked_examples(prepared, evaluate(prepared), ["rest"],
                            {"demand-charge-share-2025": "38%"})
    assert (row.arithmetic, row.basis) == ("100% \u2212 38% = 62%", FROM_EVIDENCE)


def test_a_row_resting_on_evidence_this_table_leaves_out_is_left_out(
        folder: ContentFolder) -> None:
    """A row is told with the first evidence table that shows every ledger figure it rests
    on: research beside Rational drowning, our customers' results from Our solution on. A row
    computed from our results never comes before Our solution, and is told once."""
    from pitchcraft.render.templates import environment, render

    env = environment([templates_dir()])
    coo = Combination("retail", "late-cash", "coo")

    def table(pitch, evidence, name: str) -> str:
        return render(env, "evidence_table.md.j2", pitch=pitch, evidence=evidence, table=name)

    pitch = compose_pitch(cost_folder(folder).load(), coo, TODAY)
    assert pitch is not None
    early = table(pitch, pitch.research, "research")
    assert DEMAND in early and STARTUP in early
    assert "Computed from" not in table(pitch, pitch.our_results, "our-results")
    ours = COST_LEDGER.replace("source: Utility tariff survey\n    as_of: 2025-11-30\n"
                               "    whose: research", "source: Utility tariff survey\n"
                               "    as_of: 2025-11-30\n    whose: our-results")
    folder.write("evidence.yml", ours)
    pitch = compose_pitch(folder.load(), coo, TODAY)
    assert pitch is not None
    assert "Computed from" not in table(pitch, pitch.research, "research")
    late = table(pitch, pitch.our_results, "our-results")  # the start-up row rests on it too
    assert DEMAND in late and STARTUP in late


def test_a_ledger_figure_a_formula_uses_is_cited_so_its_source_shows(
        folder: ContentFolder) -> None:
    cost_folder(folder, front=COST_FRONT.replace("  - ref: startup-share\n", ""))
    path = folder.root / "insights/startup.md"
    line, column = where(path, "ledger.startup-share")
    assert_findings(folder.load(), want(
        path, (line, column), WARNING,
        "startup_charge: uses ledger figure 'startup-share', which the card's evidence does"
        " not cite", "add '- ref: startup-share' under evidence:"))
