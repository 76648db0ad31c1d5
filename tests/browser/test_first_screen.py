"""What a rep sees without scrolling, on a laptop (1366 x 900) and a phone (390 x 844): the
pitch finder on the home page; after opening a pitch from it, the pitch's title, the
calculator and the persona tabs. The reps' Guides tab lists the reps' guide only."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Browser, Page

from builders import REPO

SCREENS = [(1366, 900), (390, 844)]


def _buyer() -> tuple[str, str, str]:
    """A demo pitch with a calculator: the first card with a cost model, read from the demo."""
    for path in sorted((REPO / "content/insights").rglob("*.md")):
        front = yaml.safe_load(path.read_text().split("---\n")[1])
        if front.get("cost_model") and front.get("status") == "published":
            industries = front["industries"]
            if industries == "all":
                industries = [yaml.safe_load((REPO / "content/taxonomy.yml").read_text())
                              ["industries"][0]["id"]]
            return industries[0], front["problems"][0], front["personas"][0]
    raise AssertionError("the demo has no card with a cost model")


def _in_view(page: Page, selector: str) -> None:
    """`selector`'s first element lies wholly inside the viewport, below the sticky header."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    header = page.locator(".md-header").bounding_box()
    top = header["y"] + header["height"] if header else 0
    size = page.viewport_size
    assert box["y"] >= top - 1, (selector, box, top)
    assert box["y"] + box["height"] <= size["height"], (selector, box, size)


@pytest.fixture(params=SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def screen(browser: Browser, request: pytest.FixtureRequest):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


def test_the_finder_and_then_the_pitchs_tabs_and_calculator_are_on_the_first_screen(
    screen: Page, site_url: str
):
    industry, problem, persona = _buyer()
    screen.goto(site_url)
    for selector in ("#pc-industry", "#pc-problem", "#pc-persona"):
        _in_view(screen, selector)
    _in_view(screen, ".pc-finder .md-button")
    screen.select_option("#pc-industry", industry)
    screen.select_option("#pc-problem", problem)
    screen.select_option("#pc-persona", persona)
    screen.locator(".pc-finder .md-button").click()
    screen.wait_for_url(re.compile(rf"pitches/{industry}--{problem}/#for-{persona}$"))
    screen.wait_for_load_state("load")
    screen.wait_for_timeout(300)  # the browser's own jump to the anchor comes after load
    for selector in ("article h1", "details.pc-calculator:visible > summary", ".tabbed-labels"):
        _in_view(screen, selector)
    checked = screen.locator(".tabbed-set > input:checked").first.get_attribute("id")
    label = screen.locator(f"label[for='{checked}']").inner_text()
    assert screen.locator(f"#for-{persona}").inner_text().endswith(f"{label}.")


def test_the_reps_guides_tab_lists_the_reps_guide_only(page: Page, site_url: str):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_url)
    page.locator(".md-tabs__link", has_text="Guides").click()
    page.wait_for_load_state("load")
    hrefs = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    guides = {h.strip("/") for h in hrefs} & {p.stem for p in (REPO / "docs").glob("*.md")}
    assert guides == {"meeting-prep"}, hrefs
    page.goto(site_url + "authoring/")  # the team's guides are still pages of the site
    assert page.locator("article h1").inner_text().startswith("Authoring guide")
