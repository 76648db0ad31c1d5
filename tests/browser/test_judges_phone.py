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


def test_wide_tables_scroll_inside_their_own_box(phone: Page, site_url: str):
    """The coverage matrix is wider than a phone."""
    path = "coverage/"
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


# The summary at the top of the chosen persona's tab: where its parts end on the screen.
SUMMARY = """() => {
  const input = document.querySelector('.tabbed-set > input:checked');
  const inputs = [...input.parentElement.querySelectorAll(':scope > input')];
  const block = input.parentElement.querySelectorAll(':scope > .tabbed-content > .tabbed-block')[
    inputs.indexOf(input)];
  const box = block.querySelector('.pc-summary');
  if (!box) return null;
  const bottom = el => el ? el.getBoundingClientRect().bottom : null;
  const paragraphs = [...box.querySelectorAll(':scope > p:not(.admonition-title)')];
  return {
    first: box === block.querySelector('h2 ~ *'),
    headline: box.querySelector('.admonition-title').textContent.trim(),
    reframe: paragraphs[0] ? paragraphs[0].textContent.trim() : '',
    figures: [...box.querySelectorAll(':scope > ul > li')].map(li => li.textContent.trim()),
    next: paragraphs.length > 1 ? paragraphs[paragraphs.length - 1].textContent.trim() : '',
    headlineBottom: bottom(box.querySelector('.admonition-title')),
    figuresBottom: bottom(box.querySelector(':scope > ul') || paragraphs[0]),
    fontSize: parseFloat(getComputedStyle(paragraphs[0] || box).fontSize),
  };
}"""

# Every cell of the evidence tables in sight: its width and whether its text is cut off.
EVIDENCE_CELLS = """() => [...document.querySelectorAll('table')]
  .filter(t => t.offsetParent !== null && [...t.querySelectorAll('th')].some(
    th => th.textContent.trim() === 'What it shows'))
  .flatMap(t => [...t.querySelectorAll('tbody td')].filter(td => td.textContent.trim()))
  .map(td => {
    const box = td.getBoundingClientRect();
    return {text: td.textContent.trim().slice(0, 40), width: box.width, left: box.left,
            right: box.right, cut: td.scrollWidth > td.clientWidth + 1,
            label: getComputedStyle(td, '::before').content};
  })"""

READABLE = 200
"""The narrowest a cell with a sentence in it may be, in CSS px: about 30 characters a line.
Squeezed into a column of a four-column table at 390 px, "What it shows" wraps a word a line."""


def test_every_tab_opens_with_its_summary_on_the_first_screen(
    phone: Page, site_url: str, demo_site: Path
):
    """Headline, reframe, the two figures for this persona and the next step, before the talk
    track; on the first screen of a phone down to the figures, on every persona of every
    pitch page, in a font a rep reads without zooming."""
    for path, anchors in sorted(Finder.read(demo_site).pitch_pages().items()):
        open_page(phone, site_url + path)
        for index in range(len(anchors)):
            choose_tab(phone, index, touch=True)
            phone.evaluate("window.scrollTo(0, 0)")
            summary = phone.evaluate(SUMMARY)
            where = f"{path} tab {index + 1}"
            assert summary, f"{where} has no summary"
            assert summary["first"], f"{where}: the summary is not the first thing in the tab"
            assert summary["headline"] and summary["reframe"] and summary["next"], summary
            assert summary["next"].startswith("Next step:"), summary
            assert 1 <= len(summary["figures"]) <= 2, summary
            assert summary["figuresBottom"] <= PHONE["height"], (where, summary)
            assert summary["fontSize"] >= 14, (where, summary)
        assert_fits_the_phone(phone)


def test_evidence_table_is_readable_on_a_phone(phone: Page, site_url: str):
    """On a pitch and on a card page each figure is a block as wide as the phone: no column of
    a word a line, no cell cut off or off screen, and the column names still said."""
    for path in (PAGE_TYPES["pitch"], PAGE_TYPES["card"]):
        open_page(phone, site_url + path)
        cells = phone.evaluate(EVIDENCE_CELLS)
        assert cells, f"{path} shows no evidence table"
        for cell in cells:
            assert cell["width"] >= READABLE, (path, cell)
            assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], (path, cell)
            assert not cell["cut"], (path, cell)
        labels = {cell["label"] for cell in cells}
        assert {'"Source: "', '"As of "'} <= labels, (path, labels)
        assert_fits_the_phone(phone)
