"""The calculator on a built site: a rep changes the buyer's numbers and every figure follows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from a11y import assert_accessible
from builders import ContentFolder, site_project
from cost_content import cost_folder
from judges import DESKTOP, PHONE, browsing, open_page
from site_server import mkdocs_build, serve

PITCH = "pitches/retail--late-cash/"
CARD = "cards/startup/"
DEFAULTS = {"demand_charge": "$460,000", "startup_charge": "$320,000"}  # as said
TWO_MILLION = {"demand_charge": "$760,000", "startup_charge": "$540,000"}


@pytest.fixture(scope="module")
def cost_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small internal site whose one card has a cost model, built by `mkdocs build`."""
    where = tmp_path_factory.mktemp("costs")
    content = cost_folder(ContentFolder(where / "content")).root
    project = site_project(where, content)
    result = mkdocs_build(project, where / "site")
    assert result.returncode == 0, result.stderr
    with serve(where / "site") as url:
        yield url


def _figures(page: Page, exact: bool = False) -> list[tuple[str, str]]:
    """The figures the talk track says, or (`exact`) the values of the worked examples."""
    return page.eval_on_selector_all(
        "[data-cost-output][data-cost-exact]" if exact else
        "[data-cost-output]:not([data-cost-exact])",
        "els => els.map(e => [e.dataset.costOutput, e.textContent])")


def _change_spend(page: Page, value: str) -> None:
    """Types into the calculator in view: a pitch page has one at the top of each persona's
    tab, all for the one card of the cost site, sharing its numbers."""
    summary = page.locator("details.pc-calculator > summary").filter(visible=True)
    summary.click()  # folded until the rep opens it
    field = page.get_by_label("Annual electricity spend (USD)").filter(visible=True)
    expect(field).to_be_visible()
    field.fill(value)


@pytest.mark.parametrize("path", [PITCH, CARD], ids=["pitch page", "card page"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390 px"])
def test_changing_an_input_changes_every_figure_that_depends_on_it(
    browser: Browser, cost_site: str, path: str, viewport: dict
) -> None:
    with browsing(browser, viewport=viewport) as page:
        open_page(page, cost_site + "/" + path)
        before = _figures(page)
        assert len(before) >= 3 and all(text == DEFAULTS[name] for name, text in before)
        _change_spend(page, "2000000")
        after = _figures(page)
        assert [n for n, _ in after] == [n for n, _ in before]
        assert all(text == TWO_MILLION[name] for name, text in after), after
        if path == PITCH:  # the evidence table's worked examples follow, every digit kept
            assert {tuple(f) for f in _figures(page, exact=True)} == {
                ("annual_spend", "$2,000,000"), ("demand_charge", "$760,000"),
                ("startup_charge", "$539,600")}
        assert "annual_spend=2000000" in page.url  # the link a rep sends carries the numbers


def test_a_link_with_the_buyers_numbers_opens_with_their_figures(
    page: Page, cost_site: str
) -> None:
    open_page(page, f"{cost_site}/{PITCH}?annual_spend=2000000")
    fields = page.get_by_label("Annual electricity spend (USD)").all()
    assert fields  # one per persona tab told from the card, each with the link's number
    for field in fields:
        expect(field).to_have_value("2000000")
    assert all(text == TWO_MILLION[name] for name, text in _figures(page))


def test_printing_shows_the_values_in_effect(page: Page, cost_site: str) -> None:
    open_page(page, cost_site + "/" + PITCH)
    _change_spend(page, "2000000")
    page.emulate_media(media="print")
    shown = page.locator("[data-cost-output]").first
    expect(shown).to_be_visible()
    expect(shown).to_have_text(TWO_MILLION["demand_charge"])


@pytest.mark.parametrize("path", [PITCH, CARD], ids=["pitch page", "card page"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390 px"])
def test_the_calculator_has_no_wcag_violations(
    browser: Browser, cost_site: str, path: str, viewport: dict
) -> None:
    with browsing(browser, viewport=viewport) as page:
        open_page(page, cost_site + "/" + path)
        _change_spend(page, "2000000")
        assert_accessible(page)


def test_a_page_without_a_cost_model_loads_no_calculator(page: Page, cost_site: str) -> None:
    open_page(page, cost_site + "/")
    assert page.locator("#pc-cost-model").count() == 0
    assert not [s for s in page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
                if "cost-model" in s]
