"""Judge: axe-core finds no WCAG 2.1 A/AA violation on any page or state a rep reaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from a11y import assert_accessible, violations
from judges import (
    DESKTOP,
    PAGE_TYPES,
    PHONE,
    Finder,
    ask_finder_for_uncovered,
    browsing,
    open_page,
    tab_labels,
)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_wcag_violations(page: Page, site_url: str, path: str):
    page.set_viewport_size(DESKTOP)
    open_page(page, site_url + path)
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_wcag_violations_on_a_phone(browser: Browser, site_url: str, path: str):
    """On a phone, wide tables scroll in their own box: that box must be reachable by keyboard."""
    with browsing(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        open_page(page, site_url + path)
        assert_accessible(page)


def _richest_pitch(finder: Finder) -> str:
    pages = finder.pitch_pages()
    return max(pages, key=lambda path: (len(pages[path]), path))


def test_pitch_has_no_wcag_violations_with_each_tab_selected(
    page: Page, site_url: str, demo_site: Path
):
    path = _richest_pitch(Finder.read(demo_site))
    open_page(page, site_url + path)
    labels = tab_labels(page)
    assert len(labels) >= 4, labels
    found = {}
    for index, name in enumerate(labels):
        page.locator(".tabbed-set > .tabbed-labels > label").nth(index).click()
        heading = page.get_by_role("heading", name=f"Talk track for the {name}.")
        expect(heading).to_be_visible()
        found[name] = violations(page)
    assert found == {name: [] for name in labels}


def test_finder_not_covered_result_has_no_wcag_violations(
    page: Page, site_url: str, demo_site: Path
):
    ask_finder_for_uncovered(page, site_url, demo_site)
    assert_accessible(page)


def test_open_search_with_results_has_no_wcag_violations(page: Page, site_url: str):
    open_page(page, site_url)
    page.locator(".md-search__input").click()
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").press_sequentially("demand")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert_accessible(page)
