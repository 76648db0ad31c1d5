"""A rep uses the built site in a real Chromium: search, the pitch finder, tabs, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

PAGE_TYPES = [
    "", "industries/", "industries/cold-storage/", "problems/", "problems/idle-baseload/",
    "personas/", "personas/cfo/", "cards/shift-start-sets-the-bill/",
    "pitches/food-processing--peak-demand-charges/", "coverage/", "meeting-prep/",
    "authoring/", "publishing/",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_loads_without_console_errors(page: Page, site_url: str, path: str):
    response = page.goto(site_url + path)
    assert response is not None and response.ok
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")  # the `page` fixture fails on any console error


def test_search_finds_the_card_and_the_pitch(page: Page, site_url: str):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.wait_for_load_state("networkidle")  # the search index has arrived
    page.locator("input.md-search__input").press_sequentially("ratchet")  # real key presses
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert "Your demand charge is set in fifteen minutes at shift start-up" in titles
    assert any(t.startswith("Food and beverage processing: Peak demand charges") for t in titles)
    # Pitches are boosted above the cards they are built from.
    assert titles.index("Your demand charge is set in fifteen minutes at shift start-up") > min(
        i for i, t in enumerate(titles) if t.startswith("Food and beverage processing:"))


def _choose(page: Page, industry: str, problem: str, persona: str) -> None:
    page.select_option("#pc-industry", industry)
    page.select_option("#pc-problem", problem)
    page.select_option("#pc-persona", persona)
    page.get_by_role("button", name="Open the pitch").click()


def _open_tab(page: Page) -> str:
    checked = page.locator(".tabbed-set > input:checked").get_attribute("id")
    return page.locator(f"label[for='{checked}']").inner_text()


def test_finder_opens_the_pitch_on_the_persona_tab(page: Page, site_url: str):
    page.goto(site_url)
    _choose(page, "food-processing", "peak-demand-charges", "coo")
    page.wait_for_url(re.compile(r"pitches/food-processing--peak-demand-charges/#for-coo$"))
    expect(page.locator("h1")).to_contain_text("Food and beverage processing: Peak demand charges")
    assert _open_tab(page) == "Chief Operating Officer"
    heading = page.get_by_role("heading", name="Talk track for the Chief Operating Officer.")
    expect(heading).to_be_visible()


def test_finder_works_by_keyboard(page: Page, site_url: str):
    page.goto(site_url)
    page.focus("#pc-industry")
    page.keyboard.press("End")  # last industry
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".pc-finder__result")).to_contain_text("Not covered yet")


def test_finder_reports_an_uncovered_combination_with_nearest_pitches(page: Page, site_url):
    page.goto(site_url)
    _choose(page, "metal-fabrication", "peak-demand-charges", "cfo")
    result = page.locator(".pc-finder__result")
    expect(result).to_contain_text(
        "Not covered yet: no pitch for Metal fabrication and machining \u00d7 Peak demand charges"
        " \u00d7 Chief Financial Officer.")
    nearest = result.locator("a")
    expect(nearest.first).to_be_visible()
    nearest.first.click()
    page.wait_for_url(re.compile(r"/pitches/.+--peak-demand-charges/#for-cfo$"))


def test_finder_permalink_opens_the_pitch(page: Page, site_url: str):
    page.goto(site_url + "?industry=cold-storage&problem=idle-baseload&persona=cfo")
    page.wait_for_url(re.compile(r"pitches/cold-storage--idle-baseload/#for-cfo$"))
    assert _open_tab(page) == "Chief Financial Officer"


def test_every_coverage_matrix_link_opens_a_page(page: Page, site_url: str):
    page.goto(site_url + "coverage/")
    links = page.locator("article table a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 16 + 4  # one per covered pair, one per industry row
    expect(page.locator("article table").get_by_text("gap").first).to_be_visible()
    for href in hrefs:
        response = page.goto(site_url + "coverage/" + href)
        assert response is not None and response.ok, href
        expect(page.locator("h1").first).to_be_visible()


def test_print_hides_navigation_and_prints_the_chosen_persona(page: Page, site_url: str):
    page.goto(site_url + "pitches/food-processing--peak-demand-charges/#for-plant-manager")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    blocks = page.locator(".tabbed-block")
    visible = [i for i in range(blocks.count()) if blocks.nth(i).is_visible()]
    assert len(visible) == 1
    expect(blocks.nth(visible[0])).to_contain_text("Talk track for the Plant manager.")
