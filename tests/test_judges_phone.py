"""Judge: a rep's phone, 390 px wide with a touch screen. No page scrolls sideways; wide tables
scroll inside their own box; the finder and the persona tabs work by touch and by keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from judges import (
    PAGE_TYPES,
    PHONE,
    Finder,
    ask_finder_for_uncovered,
    browsing,
    choose_tab,
    open_page,
    tab_labels,
)

PHONE_CONTEXT = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}

PAGE_WIDTH = "document.scrollingElement.scrollWidth"

# Every box that scrolls sideways inside the page: how wide it is, and whether it scrolls.
BOXES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap, .md-typeset pre > code')]
  .filter(box => box.offsetParent !== null)
  .map(box => {
    const before = box.scrollLeft;
    box.scrollLeft = box.scrollWidth;
    const moved = box.scrollLeft > before;
    box.scrollLeft = before;
    return {inner: box.scrollWidth, outer: box.clientWidth,
            right: box.getBoundingClientRect().right,
            overflow: getComputedStyle(box).overflowX, moved: moved,
            name: box.getAttribute('aria-label'), tabindex: box.getAttribute('tabindex')};
  })"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browsing(browser, **PHONE_CONTEXT) as page:
        yield page


def assert_fits_the_phone(page: Page) -> None:
    width = page.evaluate(PAGE_WIDTH)
    assert width <= PHONE["width"], f"{page.url} scrolls sideways: {width} px wide"


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_page_scrolls_sideways_on_a_phone(phone: Page, site_url: str, path: str):
    open_page(phone, site_url + path)
    assert_fits_the_phone(phone)
    for box in phone.evaluate(BOXES):
        # A table or code block wider than the phone scrolls in its own box, which stays on
        # screen and can be reached by keyboard.
        assert box["right"] <= PHONE["width"] + 1, box
        if box["inner"] > box["outer"] + 1:
            assert box["overflow"] in ("auto", "scroll") and box["moved"], box
            assert box["tabindex"] == "0" and box["name"], box


@pytest.mark.parametrize("path", ["coverage/", PAGE_TYPES["card"]], ids=["coverage", "card"])
def test_wide_tables_scroll_inside_their_own_box(phone: Page, site_url: str, path: str):
    """The coverage matrix and a card's evidence table are wider than a phone."""
    open_page(phone, site_url + path)
    boxes = phone.evaluate(BOXES)
    wide = [b for b in boxes if b["inner"] > PHONE["width"]]
    assert wide, f"no table on {path} is wider than a phone: nothing scrolls in its own box"
    assert all(b["moved"] for b in wide), wide
    assert_fits_the_phone(phone)


def test_every_persona_tab_fits_the_phone(phone: Page, site_url: str):
    open_page(phone, site_url + PAGE_TYPES["pitch"])
    labels = tab_labels(phone)
    for index, name in enumerate(labels):
        choose_tab(phone, index, touch=True)
        expect(phone.get_by_role("heading", name=f"Talk track for the {name}.")).to_be_visible()
        # Every persona's label is on screen: none hides in a row scrolled out of sight.
        for label in phone.locator(".tabbed-set > .tabbed-labels > label").all():
            box = label.bounding_box()
            assert box is not None, label
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert_fits_the_phone(phone)


def test_finder_works_by_touch(phone: Page, site_url: str, demo_site: Path):
    finder = Finder.read(demo_site)
    (industry, problem, persona), url = sorted(finder.pitches.items())[-1]
    open_page(phone, site_url)
    for field, value in (("industry", industry), ("problem", problem), ("persona", persona)):
        select = phone.locator(f"#pc-{field}")
        select.tap()
        select.select_option(value)
    phone.get_by_role("button", name="Open the pitch").tap()
    phone.wait_for_url(re.compile(re.escape(url) + "$"))
    name = finder.personas[persona]
    expect(phone.get_by_role("heading", name=f"Talk track for the {name}.")).to_be_visible()
    assert_fits_the_phone(phone)

    # Another persona, by tapping its tab.
    labels = tab_labels(phone)
    other = next(i for i, label in enumerate(labels) if label != name)
    choose_tab(phone, other, touch=True)
    shown = phone.get_by_role("heading", name=f"Talk track for the {labels[other]}.")
    expect(shown).to_be_visible()
    expect(phone.get_by_role("heading", name=f"Talk track for the {name}.")).to_be_hidden()


def test_finder_not_covered_result_fits_the_phone(phone: Page, site_url: str, demo_site: Path):
    result = ask_finder_for_uncovered(phone, site_url, demo_site, touch=True)
    nearest = result.locator("a")
    assert_fits_the_phone(phone)
    href = nearest.first.get_attribute("href")
    assert href and re.fullmatch(r"pitches/[^/]+--[^/]+/#for-[^/]+", href), href
    nearest.first.tap()
    phone.wait_for_url(re.compile(re.escape(href) + "$"))
    expect(phone.locator("#" + href.split("#")[1])).to_be_visible()


def test_finder_works_by_keyboard_on_a_phone(phone: Page, site_url: str, demo_site: Path):
    finder = Finder.read(demo_site)
    (industry, problem, persona), url = sorted(finder.pitches.items())[-1]
    open_page(phone, site_url)
    phone.focus("#pc-industry")
    for options, wanted in ((finder.industries, industry), (finder.problems, problem),
                            (finder.personas, persona)):
        phone.keyboard.press("Home")
        for _ in range(list(options).index(wanted)):
            phone.keyboard.press("ArrowDown")
        phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Open the pitch")).to_be_focused()
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(re.escape(url) + "$"))


def test_persona_tabs_work_by_keyboard(phone: Page, site_url: str):
    open_page(phone, site_url + PAGE_TYPES["pitch"])
    labels = tab_labels(phone)
    assert len(labels) >= 2, labels
    phone.locator(".tabbed-set > input:checked").focus()
    for name in [*labels[1:], labels[0]]:  # round the tabs with the arrow key
        phone.keyboard.press("ArrowRight")
        expect(phone.get_by_role("heading", name=f"Talk track for the {name}.")).to_be_visible()
        # The chosen tab has the focus, and its label shows it.
        outline = phone.evaluate("""() => {
          const input = document.activeElement;
          if (!input.matches('.tabbed-set > input:checked')) return 'focus is elsewhere';
          const inputs = [...input.parentElement.querySelectorAll(':scope > input')];
          const label = input.parentElement.querySelectorAll(':scope > .tabbed-labels > label')[
            inputs.indexOf(input)];
          return getComputedStyle(label).outlineStyle;
        }""")
        assert outline == "solid", outline
