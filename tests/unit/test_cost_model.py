"""A card's cost model: the rep's and the buyer's own numbers, checked, computed and shown."""

from __future__ import annotations

import json

import jsonschema
import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cost_models import LEDGER, STARTUP, model_from
from pitchcraft.costs.analyse import analyse
from pitchcraft.costs.browser import script_element
from pitchcraft.costs.evaluate import evaluate, inputs_from_query, plan
from pitchcraft.costs.expr import MAX_DEPTH, parse
from pitchcraft.costs.figures import figure_number
from pitchcraft.costs.read import cost_model
from pitchcraft.costs.schema import COST_MODEL_SCHEMA
from pitchcraft.costs.text import references, unknown_references, with_spans, with_values
from pitchcraft.costs.units import format_for, format_value, spoken
from pitchcraft.model.costs import CostModel, FormulaError
from pitchcraft.site.sanitize import clean_html


def _with_output(formula: str, unit: str = "USD") -> CostModel:
    return model_from(STARTUP + f"  extra: {{label: Extra, unit: {unit}, formula: '{formula}'}}\n")


def _problems(model: CostModel, public: bool = False) -> list[tuple[str, str, int]]:
    return [(p.code, str(p.path[-2]), p.column) for p in analyse(model, LEDGER, public=public)]


def test_the_startup_model_is_clean_and_computes_the_card_figure() -> None:
    model = model_from(STARTUP)
    assert analyse(model, LEDGER, public=True) == ()
    values = evaluate(plan(model, LEDGER))
    assert values["demand_charge"] == pytest.approx(456_000)
    assert format_value(values["startup_charge"], format_for("USD")) == "$323,760"
    assert format_value(values["per_start"], format_for("USD")) == "$623"


@pytest.mark.parametrize(("formula", "value"), [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("8 / 4 / 2", 1), ("10 - 4 - 3", 3), ("--2", 2),
    ("-2 * -3", 6), ("50% * 10", 5), ("1_200_000 / 1000", 1200), ("min(3, 1, 2) + max(4, 5)", 6),
    ("ledger.downtime-hour-cost-2026 - 800", 14_000), ("  2*( 3 )  ", 6),
])
def test_formulas_follow_school_arithmetic(formula: str, value: float) -> None:
    model = _with_output(formula)
    assert evaluate(plan(model, LEDGER))["extra"] == pytest.approx(value)


@pytest.mark.parametrize(("formula", "column", "says"), [
    ("annual_spend ^ 2", 14, "'^' is not part of a formula"),
    ("annual_spend annual_spend", 14, "without an operator"),
    ("(annual_spend + 1", 1, "never closed"),
    ("annual_spend +", 15, "ends too early"),
    ("round(annual_spend)", 1, "no function 'round'"),
    ("max(annual_spend)", 1, "at least two values"),
    ("1,000", 2, "',' is not expected"),
    ("ledger. x", 8, "ledger id is missing"),
    ("ledger * 2", 1, "'ledger' needs"),
    ("__import__('os')", 12, "''' is not part"),
    ("", 1, "empty"),
    ("a" * 501, 501, "501 characters"),
    ("(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1), MAX_DEPTH + 1, "nests deeper"),
])
def test_a_formula_outside_the_language_is_reported_at_its_column(
        formula: str, column: int, says: str) -> None:
    with pytest.raises(FormulaError) as raised:
        parse(formula)
    assert (raised.value.column, says in raised.value.message) == (column, True)
    assert raised.value.hint
    problem = analyse(_with_output(formula.replace("'", '"')), LEDGER)[0]
    assert (problem.code, problem.path, problem.column) == (
        "syntax", ("cost_model", "outputs", "extra", "formula"), column)


@pytest.mark.parametrize(("formula", "found"), [
    ("anual_spend * 2", [("unknown-name", "extra", 1)]),
    ("annual_spend * ledger.no-such-id", [("unknown-ledger", "extra", 16)]),
    ("annual_spend * ledger.demand-charge-share-2025-1", [("unknown-ledger", "extra", 16)]),
    ("ledger.range-2026 * 2", [("ledger-not-number", "extra", 1)]),
    ("annual_spend / (starts_per_week - 10)", [("zero-divisor", "extra", 14)]),
    ("annual_spend / (1 - ledger.startup-peak-share-2025 - 29%)", [("zero-divisor", "extra", 14)]),
    ("annual_spend * 2 + starts_per_week", [("unit-mismatch", "extra", 18)]),
    ("annual_spend + ledger.downtime-hour-cost-2026 + starts_per_week", []),
    ("annual_spend / starts_per_week * 1", []),
])
def test_each_problem_in_a_formula_names_its_place(formula: str, found: list) -> None:
    assert _problems(_with_output(formula)) == found


def test_the_unit_check_knows_rates_and_warns_only() -> None:
    hours = "  run_hours: {label: Hours run, unit: hours, default: 6000, min: 1000, max: 8760}\n"
    rate = "  rate: {label: Rate, unit: USD/hours, formula: annual_spend / %s}\n"
    clean = model_from(STARTUP.replace("outputs:\n", hours + "outputs:\n") + rate % "run_hours")
    assert analyse(clean, LEDGER) == ()
    problem = analyse(model_from(STARTUP + rate % "starts_per_week"), LEDGER)[0]
    assert (problem.code, problem.severity, problem.column) == ("unit-mismatch", "warning", 1)
    assert evaluate(plan(clean, LEDGER))["rate"] == 200
    assert "gives USD but the unit says USD/hours" in problem.message


def test_a_public_card_may_not_compute_from_internal_evidence() -> None:
    model = _with_output("annual_spend * ledger.win-rate-2026")
    assert _problems(model) == []
    assert _problems(model, public=True) == [("internal-ledger", "extra", 16)]


def test_outputs_that_use_each_other_in_a_circle_are_reported_once() -> None:
    model = model_from(STARTUP.replace("annual_spend * ledger", "per_start * ledger"))
    [problem] = analyse(model, LEDGER)
    assert problem.code == "cycle"
    assert "demand_charge -> per_start -> startup_charge -> demand_charge" in problem.message
    with pytest.raises(ValueError, match="run check"):
        plan(model, LEDGER)


@pytest.mark.parametrize(("change", "code", "field"), [
    ("default: 1200000", "default-outside-range", "default"),
    ("min: 100000", "min-above-max", "min"),
    ("unit: USD, default", "unknown-unit", "unit"),
])
def test_each_problem_with_an_input_names_its_field(change: str, code: str, field: str) -> None:
    bad = {"default: 1200000": "default: 60000000", "min: 100000": "min: 90000000",
           "unit: USD, default": "unit: dollars, default"}[change]
    [problem] = analyse(model_from(STARTUP.replace(change, bad, 1)), LEDGER)
    assert (problem.code, problem.path) == (code, ("cost_model", "inputs", "annual_spend", field))


def test_names_formulas_need_or_share_are_refused_at_the_key() -> None:
    text = STARTUP + "  max: {label: M, unit: USD, formula: '1'}\n" \
        "  annual_spend: {label: A, unit: USD, formula: '1'}\n"
    found = [(p.code, p.path, p.key) for p in analyse(model_from(text), LEDGER)]
    assert found == [("reserved-name", ("cost_model", "outputs", "max"), True),
                     ("duplicate-name", ("cost_model", "outputs", "annual_spend"), True)]


def test_a_model_of_the_wrong_shape_is_left_to_the_schema() -> None:
    data = yaml.safe_load(STARTUP)
    del data["inputs"]["annual_spend"]["max"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, COST_MODEL_SCHEMA)
    assert cost_model(data) is None


@pytest.mark.parametrize(("figure", "number"), [
    ("38%", 0.38), ("$14,800 per hour", 14_800), ("$1.2 million", 1_200_000), ("23 days", 23),
    ("140 hours a year", 140), ("12 months", 12), ("1 in 3", None), ("about 40%", None),
])
def test_a_ledger_figure_becomes_its_one_number(figure: str, number: float | None) -> None:
    assert figure_number(figure) == (pytest.approx(number) if number else None)


@pytest.mark.parametrize(("query", "spend", "starts"), [
    ("", 1_200_000, 10), ("annual_spend=2500000&starts_per_week=5", 2_500_000, 5),
    ("annual_spend=999999999", 50_000_000, 10),
    ("annual_spend=1e6&starts_per_week=0", 1_200_000, 1),
    ("annual_spend=%202000000", 1_200_000, 10),
    ("starts_per_week=3&starts_per_week=4", 1_200_000, 3),
])
def test_inputs_from_a_link_are_plain_numbers_kept_in_range(query: str, spend: float,
                                                             starts: float) -> None:
    assert inputs_from_query(model_from(STARTUP), query) == {"annual_spend": spend,
                                                         "starts_per_week": starts}


@pytest.mark.parametrize(("value", "unit", "decimals", "shown"), [
    (456_000, "USD", None, "$456,000"), (2.5, "USD", None, "$3"), (-0.4, "USD", None, "$0"),
    (-1234.5, "EUR", None, "-€1,235"), (0.38, "percent", None, "38%"),
    (0.112, "percent", None, "11.2%"), (0.145, "USD/kWh", None, "$0.14 per kWh"),
    (14_800, "USD/hours", 0, "$14,800 per hour"), (140, "hours", None, "140 hours"),
    (1.25, "days", None, "1.3 days"), (12_345.6, "kWh", None, "12,346 kWh"),
    (None, "USD", None, "n/a"), (1e21, "USD", None, "n/a"),
])
def test_a_value_is_written_in_its_unit(value: float | None, unit: str, decimals: int | None,
                                        shown: str) -> None:
    assert format_value(value, format_for(unit, decimals)) == shown


CARD_TEXT = """At a plant spending {cost: annual_spend} a year, that is
{cost:startup_charge}

**Set at start-up**{cost: startup_charge} and {cost: nope}."""


def test_card_text_refers_to_figures_that_check_can_place() -> None:
    model = model_from(STARTUP)
    assert [(r.name, r.line, r.column) for r in references(CARD_TEXT)] == [
        ("annual_spend", 0, 21), ("startup_charge", 1, 1), ("startup_charge", 3, 20),
        ("nope", 3, 47)]
    assert [r.name for r in unknown_references(CARD_TEXT, model)] == ["nope"]
    values = evaluate(plan(model, LEDGER))
    assert with_values(CARD_TEXT, model, values).splitlines()[:2] == [
        "At a plant spending $1,200,000 a year, that is", "$320,000"]  # the buyer's, as said
    assert with_values(CARD_TEXT, model, values, exact=True).splitlines()[1] == "$323,760"


def test_figures_survive_markdown_and_the_sanitiser_as_spans() -> None:
    model = model_from(STARTUP)
    text = with_spans(CARD_TEXT, model, evaluate(plan(model, LEDGER)))
    html = clean_html(markdown.markdown(text, extensions=["attr_list", "md_in_html"]))
    span = '<span class="pc-cost" data-cost-output="startup_charge">$320,000</span>'
    assert html.count(span) == 2
    assert '<span class="pc-cost" data-cost-output="annual_spend">$1,200,000</span>' in html
    assert "{cost: nope}" in html


def test_the_browser_data_carries_no_formula_text() -> None:
    model = model_from(STARTUP)
    element = script_element(plan(model, LEDGER))
    data = json.loads(element.split(">", 1)[1].rsplit("<", 1)[0])
    assert [o["name"] for o in data["outputs"]] == ["demand_charge", "startup_charge", "per_start"]
    assert data["outputs"][0]["rpn"] == [["v", "annual_spend"], ["n", 0.38], ["*"]]
    assert "formula" not in element and "ledger." not in element


def test_no_label_can_break_out_of_the_data_element() -> None:
    model = model_from(STARTUP.replace("Annual electricity spend", "'</script><!-- & more'"))
    element = script_element(plan(model, LEDGER))
    assert element.count("</script") == 1 and "<!--" not in element
    data = json.loads(element.split(">", 1)[1].rsplit("<", 1)[0])
    assert data["inputs"][0]["label"] == "</script><!-- & more"



@given(st.text(alphabet=st.sampled_from("ab_12.%+-*/(),ledgr x^$\n"), max_size=60) | st.text())
def test_any_text_is_a_formula_or_a_problem_with_a_column(formula: str) -> None:
    try:
        parse(formula)
    except FormulaError as error:
        assert 1 <= error.column <= max(len(formula), 500) + 1


@pytest.mark.parametrize(("value", "unit", "said"), [
    (323_760, "USD", "$320,000"), (20_505, "USD", "$21,000"), (456_000, "USD", "$460,000"),
    (950_000, "USD", "$950,000"), (1_200_000, "USD", "$1.2 million"),
    (999_999, "USD", "$1 million"), (1_249_999, "USD", "$1.2 million"),
    (2.4e9, "EUR", "€2.4 billion"), (-323_760, "GBP", "-£320,000"), (0.112, "percent", "11%"),
    (0.62, "percent", "62%"), (0.1412, "USD/kWh", "$0.14 per kWh"), (3.456, "USD", "$3"),
    (9.96, "hours", "10 hours"), (12.5, "days", "13 days"), (64_321, "kWh", "64,000 kWh"),
    (1_234_567, "kWh", "1.2 million kWh"), (0, "USD", "$0"), (None, "USD", "n/a"),
])
def test_a_computed_figure_is_said_to_two_significant_digits(value: float | None, unit: str,
                                                             said: str) -> None:
    assert format_value(value, spoken(format_for(unit))) == said


def test_the_talk_track_rounds_outputs_and_keeps_the_buyers_own_numbers() -> None:
    model = model_from(STARTUP)
    values = evaluate(plan(model, LEDGER), {"annual_spend": 1_234_567})
    text = "{cost: annual_spend} spent, {cost: startup_charge} set at start-up"
    assert with_values(text, model, values) == "$1,234,567 spent, $330,000 set at start-up"
