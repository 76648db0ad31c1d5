"""The rep's scripts on a 1,000-card library built by each engine: the finder opens a pitch on
the chosen persona's tab, and the search box finds a card."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from site_server import ENGINES, serve


@pytest.mark.parametrize("engine", ["mkdocs", *ENGINES])
def test_the_finder_and_search_work_on_a_large_library(engine, corpus_sites, page: Page):
    site = corpus_sites(engine)
    pitch = sorted(p.name for p in (site / "pitches").iterdir() if "--" in p.name)[0]
    industry, problem = pitch.split("--")
    with serve(site) as url:
        page.goto(url)
        page.select_option("#pc-industry", industry)
        page.select_option("#pc-problem", problem)
        persona = page.locator("#pc-persona option:not([value=''])").first.get_attribute("value")
        page.select_option("#pc-persona", persona)
        page.get_by_role("button", name="Open the pitch").click()
        page.wait_for_url(f"**/pitches/{pitch}/#for-{persona}")
        expect(page.locator(f"#for-{persona}")).to_be_visible()  # on the open tab
        hidden = page.locator("[id^='for-']:not([id*='--'])").evaluate_all(
            "els => els.filter(e => !e.checkVisibility()).map(e => e.id)")
        assert f"for-{persona}" not in hidden and hidden  # the other personas' tabs are shut
        title = page.locator("h1").first.inner_text()
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type(title.split(":")[0])
        results = page.locator("[data-pc-search] .md-search-result__item")
        expect(results.first).to_be_visible(timeout=15_000)
