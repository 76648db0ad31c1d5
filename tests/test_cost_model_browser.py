"""The cost model in the page: cost-model.js computes and writes what Python does, in Chromium."""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from pitchcraft.costs.browser import SCRIPT_ID, browser_data, script_element
from pitchcraft.costs.evaluate import evaluate, inputs_from_query, plan
from pitchcraft.costs.model import CostModel
from pitchcraft.costs.units import Format, format_for, format_value
from pitchcraft.theme_files import overrides_dir
from site_server import serve
from test_cost_model import LEDGER, STARTUP, model_from


def _page_for(tmp_path: Path, model: CostModel) -> Path:
    (tmp_path / "cost-model.js").write_text(
        (overrides_dir() / "assets" / "cost-model.js").read_text(encoding="utf-8"))
    spans = "".join(f'<p><span data-cost-output="{n}">?</span></p>' for n in model.names)
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
]


@pytest.mark.parametrize("text", MODELS)
def test_the_page_computes_exactly_what_python_computes(tmp_path: Path, page: Page,
                                                        text: str) -> None:
    model = model_from(text)
    prepared = plan(model, LEDGER)
    draw = random.Random(19)
    cases = [{i.name: draw.choice([i.min, i.max, i.default, round(draw.uniform(i.min, i.max),
                                                                   draw.randint(0, 4))])
              for i in model.inputs} for _ in range(300)]
    expected = [{n: format_value(v, format_for(*_unit(model, n))) for n, v in
                 evaluate(prepared, case).items()} for case in cases]
    with serve(_page_for(tmp_path, model)) as url:
        page.goto(url)
        got = page.evaluate("""([data, cases]) => cases.map(c => {
            const values = pitchcraftCost.evaluate(data, c), shown = {};
            const fmts = {};
            data.inputs.concat(data.outputs).forEach(i => { fmts[i.name] = i.format; });
            Object.keys(values).forEach(n => {
                shown[n] = pitchcraftCost.format(values[n], fmts[n]); });
            return shown; })""", [browser_data(prepared), cases])
    assert got == expected


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
        figure = page.locator('[data-cost-output="startup_charge"]')
        assert figure.inner_text() == "$323,760"
        assert page.locator('[data-cost-output="per_start"]').inner_text() == "$1,245"
        page.get_by_label("Annual electricity spend (USD)").fill("2500000")
        assert figure.inner_text() == "$674,500"
        query = urlsplit(page.url).query
        assert query == "starts_per_week=5&annual_spend=2500000"
        values = evaluate(plan(model, LEDGER), inputs_from_query(model, query))
        shown = page.locator('[data-cost-output="per_start"]').inner_text()
        assert shown == format_value(values["per_start"], Format(prefix="$")) == "$2,594"
        page.get_by_label("Shift start-ups a week (count)").fill("500")
        page.get_by_label("Shift start-ups a week (count)").blur()
        assert page.get_by_label("Shift start-ups a week (count)").input_value() == "21"
        assert page.locator(f"script#{SCRIPT_ID}").count() == 1
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert result.response["passes"]
        assert result.response["violations"] == []
