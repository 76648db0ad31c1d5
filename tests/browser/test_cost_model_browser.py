"""The cost model in the page: cost-model.js computes and writes what Python does, in Chromium."""

from __future__ import annotations

import random
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from cost_models import LEDGER, STARTUP, model_from
from pitchcraft.costs.browser import SCRIPT_ID, browser_data, script_element
from pitchcraft.costs.evaluate import evaluate, inputs_from_query, plan
from pitchcraft.costs.units import Format, format_for, format_value, spoken
from pitchcraft.model.costs import CostModel
from pitchcraft.theme_files import overrides_dir
from site_server import serve


def _page_for(tmp_path: Path, model: CostModel) -> Path:
    (tmp_path / "cost-model.js").write_text(
        (overrides_dir() / "assets" / "cost-model.js").read_text(encoding="utf-8"))
    spans = "".join(f'<p><span data-cost-output="{n}">?</span></p>' for n in model.names)
    if model.output("startup_charge"):
        spans += '<p><span data-cost-output="startup_charge" data-cost-exact>?</span></p>'
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Cost</title><link rel="icon" href="data:,">'
        f"<main><h1>Cost</h1><div data-cost-inputs></div>"
        f"{spans}</main>{script_element(plan(model, LEDGER))}"
        f'<script src="cost-model.js"></script></html>', encoding="utf-8")
    return tmp_path


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MODELS = [
    STARTUP,
    STARTUP + "  odd: {label: Odd, unit: percent, formula: 'min(annual_spend / 3, -per_start)'}\n",
    """
inputs:
  a: {label: A, unit: ratio, default: 0.1, min: -1000.5, max: 1000.5, decimals: 3}
  b: {label: B, unit: kWh, default: 7, min: 0, max: 1000000}
outputs:
  c: {label: C, unit: USD/kWh, formula: "a * 0.1 + 0.2 - -a / 3 * (b - 7)"}
  d: {label: D, unit: percent, formula: "c / (b - 2)"}
  e: {label: E, unit: ratio, decimals: 6, formula: "max(c, d, a) * 1 / 7"}
""",
    """
inputs:
  x: {label: X, unit: count, default: 3, min: -1.0e+300, max: 1.0e+300}
outputs:
  cube: {label: Cube, unit: USD, formula: x * x * x}
  inverse: {label: Inverse, unit: USD, decimals: 4, formula: 1 / x}
  back: {label: Back, unit: percent, formula: "cube / x - min(inverse, -x)"}
""",
]
GAPS = [False, False, True, True]
"""Which models have inputs for which some figure cannot be computed."""
QUERIES = ["", "a=5&b=2", "a=-0&b=1000001", "a=1.5e3&b=%2B4", "b=+4", "a=%2D2&b=3.25", "a=&b=.5",
           "x=12345678901234567890123&x=2", "b=7&a=1&a=2", "a=0x10&b=٣", "annual_spend=1.005",
           "?a=5"]


@pytest.mark.parametrize(("text", "gaps"), list(zip(MODELS, GAPS, strict=True)))
def test_the_page_computes_exactly_what_python_computes(tmp_path: Path, page: Page,
                                                        text: str, gaps: bool) -> None:
    """Both sides run the same inputs, corners and divisions by zero included ('gaps': some
    figure is then n/a), and read the same links."""
    model = model_from(text)
    prepared = plan(model, LEDGER)
    draw = random.Random(19)
    def pick(low: float, high: float, usual: float) -> float:
        near = [min(max(v, low), high) for v in (0, 2, -2)]
        return draw.choice([low, high, usual, *near,
                            round(draw.uniform(low, high), draw.randint(0, 4))])
    cases = [{i.name: pick(i.min, i.max, i.default) for i in model.inputs} for _ in range(400)]
    values = [evaluate(prepared, case) for case in cases]
    expected = [[v, {n: format_value(x, _said(model, n)) for n, x in v.items()},
                 {n: format_value(x, format_for(*_unit(model, n))) for n, x in v.items()}]
                for v in values]
    assert any(None in v.values() for v in values) == gaps
    queries = [inputs_from_query(model, "?" + q) for q in QUERIES]
    with serve(_page_for(tmp_path, model)) as url:
        page.goto(url)
        got = page.evaluate("""([data, cases]) => cases.map(c => {
            const values = pitchcraftCost.evaluate(data, c), shown = {};
            const fmts = {};
            data.inputs.concat(data.outputs).forEach(i => { fmts[i.name] = i.format; });
            const exact = {};
            Object.keys(values).forEach(n => {
                shown[n] = pitchcraftCost.format(values[n], fmts[n]);
                exact[n] = pitchcraftCost.format(values[n], {...fmts[n], spoken: 0}); });
            return [values, shown, exact]; })""", [browser_data(prepared), cases])
        read = page.evaluate("""([data, queries]) =>
            queries.map(q => pitchcraftCost.readInputs(data, "?" + q))""",
                             [browser_data(prepared), QUERIES])
    assert got == expected
    assert read == queries


def _said(model: CostModel, name: str) -> Format:
    """Outputs are said to two significant digits (units.spoken), inputs as given."""
    fmt = format_for(*_unit(model, name))
    return spoken(fmt) if model.output(name) else fmt


HARD = [0.125, 0.135, 1.5, 2.5, 9.95, 9.96, 99.5, 994.9999999999999, 995, 12_500, 323_760,
        999_499, 999_500, 999_999, 1_249_999, 1_250_000, 9_950_000, 99_500_000, 2.5e9, 1e20,
        -12_500, -0.004, 0.0049999, 0.005, 1e-7, 123.456789]
UNITS = ["USD", "EUR", "percent", "ratio", "count", "kWh", "MWh", "hours", "days", "USD/kWh"]


def test_the_page_says_a_figure_as_python_does(tmp_path: Path, page: Page) -> None:
    """Values whose rounding sits on a half, carries into the next power of ten or needs a
    scale word, and random values of every size, in every unit with every count of decimals."""
    draw = random.Random(28)
    values = [*HARD, *(draw.choice([1, -1]) * 10 ** draw.uniform(-6, 20) for _ in range(300))]
    fmts = [spoken(format_for(unit, decimals)) for unit in UNITS for decimals in (None, 0, 3)]
    expected = [[format_value(v, f) for f in fmts] for v in values]
    with serve(_page_for(tmp_path, model_from(STARTUP))) as url:
        page.goto(url)
        got = page.evaluate("""([values, fmts]) => values.map(
            v => fmts.map(f => pitchcraftCost.format(v, f)))""",
                            [values, [asdict(f) for f in fmts]])
    assert got == expected
    assert expected[HARD.index(999_500)][0] == "$1 million"


def _unit(model: CostModel, name: str) -> tuple[str, int | None]:
    item = model.input(name) or model.output(name)
    assert item is not None
    return item.unit, item.decimals


def test_a_rep_changes_an_input_and_every_figure_and_the_link_follow(tmp_path: Path,
                                                                     page: Page) -> None:
    model = model_from(STARTUP)
    with serve(_page_for(tmp_path, model)) as url:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url + "?starts_per_week=5")
        figure = page.locator('[data-cost-output="startup_charge"]:not([data-cost-exact])')
        assert figure.inner_text() == "$320,000"  # said as a person says it
        assert page.locator("[data-cost-exact]").inner_text() == "$323,760"  # a worked example
        assert page.locator('[data-cost-output="per_start"]').inner_text() == "$1,200"
        page.get_by_label("Annual electricity spend (USD)").fill("2500000")
        assert figure.inner_text() == "$670,000"
        assert page.locator("[data-cost-exact]").inner_text() == "$674,500"
        query = urlsplit(page.url).query
        assert query == "starts_per_week=5&annual_spend=2500000"
        values = evaluate(plan(model, LEDGER), inputs_from_query(model, query))
        shown = page.locator('[data-cost-output="per_start"]').inner_text()
        assert shown == format_value(values["per_start"], spoken(Format(prefix="$"))) == "$2,600"
        starts = page.get_by_label("Shift start-ups a week (count)")
        starts.fill("500")
        starts.blur()
        assert starts.input_value() == "500"  # what the rep typed stays, to be corrected
        assert starts.get_attribute("aria-invalid") == "true"
        assert page.locator("#pc-cost-starts_per_week-problem").inner_text() == (
            "500 is outside this card\u2019s range: type a number from 1 to 21.")
        per_start = page.locator('[data-cost-output="per_start"]')
        assert per_start.inner_text() == "n/a"  # no figure from a number nobody gave
        assert figure.inner_text() == "$670,000"  # figures that do not depend on it stand
        assert "starts_per_week=500" in page.url
        assert page.locator(f"script#{SCRIPT_ID}").count() == 1
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert result.response["passes"]
        assert result.response["violations"] == []
        starts.fill("5")
        assert starts.get_attribute("aria-invalid") == "false"
        assert per_start.inner_text() == "$2,600"
        page.goto(url + "?starts_per_week=fifty&annual_spend=2500000")  # a link that is wrong
        assert page.locator("#pc-cost-starts_per_week-problem").inner_text() == (
            "\u201cfifty\u201d is not a number. Type a number from 1 to 21, digits only.")
        assert per_start.inner_text() == "n/a"
        assert figure.inner_text() == "$670,000"
