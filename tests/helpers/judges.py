"""Shared ground for the judges of the built site (tests/browser/test_judges_*.py): real
tools, the page types a rep opens, and the pitch finder's own data read from the built home
page."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect

from builders import REPO

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One page of every type the site generates, and the three guides.
PAGE_TYPES = {
    "home": "",
    "industries index": "industries/",
    "problems index": "problems/",
    "personas index": "personas/",
    "industry": "industries/cold-storage/",
    "problem": "problems/idle-baseload/",
    "persona": "personas/cfo/",
    "card": "cards/shift-start-sets-the-bill/",
    "pitch": "pitches/food-processing--peak-demand-charges/",
    "battlecards index": "battlecards/",
    "battlecard": "battlecards/utility-portal/",
    "coverage matrix": "coverage/",
    "authoring guide": "authoring/",
    "meeting-prep guide": "meeting-prep/",
    "publishing guide": "publishing/",
}

LIGHTHOUSE_DIR = REPO / "tools" / "lighthouse"


def require_tool(path: Path | str, install: str) -> str:
    """A judge's tool must be installed: its absence is an error, never a skip."""
    found = shutil.which(str(path))
    if found is None:
        raise RuntimeError(f"{path} not found: {install}")
    return found


@dataclass(frozen=True)
class Finder:
    """The pitch finder's data, as the home page ships it to the browser."""

    industries: dict[str, str]
    problems: dict[str, str]
    personas: dict[str, str]
    pitches: dict[tuple[str, str, str], str]
    """(industry, problem, persona) -> pitch URL relative to the site root, with its tab anchor."""

    @classmethod
    def read(cls, site_dir: Path) -> Finder:
        home = (site_dir / "index.html").read_text(encoding="utf-8")
        found = re.search(r'data-pc-finder-data="([^"]*)"', home)
        assert found, "the home page has no pitch finder data"
        data = json.loads(html.unescape(found.group(1)))
        industries, problems, personas = (
            [item[0] for item in data[kind]] for kind in ("industries", "problems", "personas"))
        pitches = {}
        # Every combination without a "nearest" entry is covered; its URL is its page's URL
        # and the persona's tab anchor, both as the site build wrote them.
        for i, industry in enumerate(industries):
            for p, problem in enumerate(problems):
                for r, persona in enumerate(personas):
                    if f"{i}.{p}.{r}" not in data["nearest"]:
                        pitches[(industry, problem, persona)] = (
                            data["pages"][f"{i}.{p}"] + data["anchors"][r])
        return cls(
            industries=dict(data["industries"]), problems=dict(data["problems"]),
            personas=dict(data["personas"]), pitches=pitches,
        )

    def uncovered(self) -> tuple[str, str, str]:
        """A choice the finder answers with 'Not covered yet'."""
        for i in self.industries:
            for p in self.problems:
                for r in self.personas:
                    if (i, p, r) not in self.pitches:
                        return i, p, r
        raise AssertionError("every combination has a pitch: no 'not covered' state to judge")

    def pitch_pages(self) -> dict[str, list[str]]:
        """Pitch page path -> the tab anchors on it, in the finder's order."""
        pages: dict[str, list[str]] = {}
        for url in self.pitches.values():
            path, anchor = url.split("#")
            pages.setdefault(path, []).append(anchor)
        return pages


@contextmanager
def browsing(browser: Browser, **context: object) -> Iterator[Page]:
    """A page in a context of its own (a phone, a touch screen), failing on console errors."""
    ctx = browser.new_context(**context)
    tab = ctx.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield tab
    finally:
        ctx.close()
    assert errors == [], f"console errors: {errors}"


def open_page(page: Page, url: str) -> None:
    """Open a page as a rep would, and wait until the browser has been idle once: the site's
    script leaves work nobody waits for (such as naming wide tables) to idle time."""
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestIdleCallback(done, {timeout: 2000}))")


def tab_labels(page: Page) -> list[str]:
    return page.locator(".tabbed-set > .tabbed-labels > label").all_inner_texts()


def choose_tab(page: Page, index: int, *, touch: bool = False) -> None:
    label = page.locator(".tabbed-set > .tabbed-labels > label").nth(index)
    label.tap() if touch else label.click()
    checked = page.locator(".tabbed-set > input").nth(index)
    assert checked.is_checked()


def ask_finder_for_uncovered(
    page: Page, site_url: str, site_dir: Path, *, touch: bool = False
) -> Locator:
    """Ask the home page's finder for a combination no card covers; its result, with the
    nearest covered combinations as links."""
    industry, problem, persona = Finder.read(site_dir).uncovered()
    open_page(page, site_url)
    page.select_option("#pc-industry", industry)
    page.select_option("#pc-problem", problem)
    page.select_option("#pc-persona", persona)
    button = page.get_by_role("button", name="Open the pitch")
    button.tap() if touch else button.click()
    result = page.locator(".pc-finder__result")
    expect(result).to_contain_text("Not covered yet")
    expect(result.locator("a").first).to_be_visible()
    return result
