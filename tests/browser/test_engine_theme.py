"""Pitchcraft's theme on Zensical and ProperDocs: the demo built by Zensical 0.0.73 (or by
ProperDocs without the plugin) has Pitchcraft's stylesheet, scripts, calculator and Pagefind
box on every page, and in Chromium a rep's finder, persona tabs, print buttons, calculator, deep
links and search work as on the same demo built by MkDocs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from builders import REPO
from judges import DESKTOP, PAGE_TYPES, PHONE, Finder, ask_finder_for_uncovered, browsing, open_page
from site_server import ENGINES, mkdocs_build, serve

COST_DATA = re.compile(r'<script type="application/json" id="pc-cost-models?">')


@pytest.fixture(scope="module", params=ENGINES)
def engine_site(request, engine_sites: Callable[[str], Path]) -> Path:
    """The demo built by `pitchcraft build --engine <engine>` for Zensical, then ProperDocs
    (Pagefind is their search)."""
    return engine_sites(request.param)


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same demo built by MkDocs through the plugin, with Pagefind."""
    site = tmp_path_factory.mktemp("mkdocs-pagefind")
    result = mkdocs_build(REPO, site, PITCHCRAFT_SEARCH="pagefind")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def engine_url(engine_site: Path) -> Iterator[str]:
    with serve(engine_site) as url:
        yield url


@pytest.fixture(scope="module")
def mkdocs_url(mkdocs_site: Path) -> Iterator[str]:
    with serve(mkdocs_site) as url:
        yield url


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in site.rglob("*.html")}


def test_every_page_mkdocs_builds_has_pitchcrafts_theme_on_each_engine(engine_site, mkdocs_site):
    zensical, mkdocs = _pages(engine_site), _pages(mkdocs_site)
    assert set(zensical) == set(mkdocs)
    for path, html in zensical.items():
        for part in ("<style data-pc-style>", "assets/pitchcraft.js", "assets/deep-link.js",
                     "data-pc-search>", "assets/pagefind-search.js"):
            assert part in html, (path, part)
        assert 'data-md-component="search"' not in html  # Zensical's own search is left out
    with_costs = {path for path, html in zensical.items() if COST_DATA.search(html)}
    assert with_costs == {path for path, html in mkdocs.items() if COST_DATA.search(html)}
    assert with_costs, "the demo has no page with a cost model"
    for path in with_costs:
        html = zensical[path]
        assert COST_DATA.search(html).start() < html.index("assets/cost-model.js"), path
    assert not [p for p in set(zensical) - with_costs if "assets/cost-model.js" in zensical[p]]


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_a_page_of_each_kind_loads_on_a_phone_without_errors_or_sideways_scroll(
        browser: Browser, engine_url, path):
    with browsing(browser, viewport=PHONE) as page:  # fails on any console error
        open_page(page, engine_url + path)
        expect(page.locator("h1").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _checked_tab(page: Page) -> str:
    checked = page.locator(".tabbed-set > input:checked").get_attribute("id")
    return page.locator(f"label[for='{checked}']").inner_text()


def test_finder_opens_the_pitch_on_the_persona_tab(page: Page, engine_url, engine_site):
    finder = Finder.read(engine_site)
    (industry, problem, persona), url = sorted(finder.pitches.items())[-1]
    open_page(page, engine_url)
    page.select_option("#pc-industry", industry)
    page.select_option("#pc-problem", problem)
    page.select_option("#pc-persona", persona)
    page.get_by_role("button", name="Open the pitch").click()
    page.wait_for_url(engine_url + url)
    assert _checked_tab(page) == finder.personas[persona]
    expect(page.get_by_role("heading", name=f"Talk track for the {finder.personas[persona]}."
                            )).to_be_visible()


def test_finder_names_the_nearest_pitches_of_an_uncovered_choice(page: Page, engine_url,
                                                                 engine_site):
    result = ask_finder_for_uncovered(page, engine_url, engine_site)
    result.locator("a").first.click()
    page.wait_for_url(re.compile(r"/pitches/[^/]+/#for-[\w-]+$"))


def test_persona_tabs_open_from_the_link_and_by_a_click(page: Page, engine_url,
                                                        engine_site):
    finder = Finder.read(engine_site)
    path, anchors = sorted(finder.pitch_pages().items())[0]
    assert len(anchors) >= 2
    names = {anchor: finder.personas[anchor.removeprefix("for-")] for anchor in anchors}
    for anchor in anchors:  # each a link opened afresh
        page.goto("about:blank")
        open_page(page, f"{engine_url}{path}#{anchor}")
        assert _checked_tab(page) == names[anchor]
    page.locator(".tabbed-labels > label", has_text=names[anchors[0]]).click()
    assert _checked_tab(page) == names[anchors[0]]
    expect(page.get_by_role("heading", name=f"Talk track for the {names[anchors[0]]}."
                            )).to_be_visible()


def _print_page(page: Page, url: str, button: str) -> dict[str, object]:
    """What a press of a print button prints: the blocks shown in print, the repeat notes."""
    open_page(page, url)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name=button).click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    blocks = page.locator(".tabbed-block")
    shown = [blocks.nth(i).inner_text()[:80] for i in range(blocks.count())
             if blocks.nth(i).is_visible()]
    notes = page.locator(".pc-repeat-note").all_inner_texts()
    page.emulate_media(media="screen")
    return {"shown": shown, "notes": notes}


@pytest.mark.parametrize("button", ["Print this persona", "Print all personas"])
def test_print_buttons_print_as_on_mkdocs(page: Page, engine_url, mkdocs_url, engine_site,
                                          button):
    path, anchors = sorted(Finder.read(engine_site).pitch_pages().items())[0]
    url = f"{path}#{anchors[-1]}"
    printed = _print_page(page, engine_url + url, button)
    assert printed == _print_page(page, mkdocs_url + url, button)
    assert len(printed["shown"]) == (1 if button == "Print this persona" else len(anchors))


def _cost_page(site: Path, kind: str) -> tuple[str, dict]:
    """The first page of a kind ('cards', 'pitches') with a cost model, and its data."""
    for path in sorted(site.glob(f"{kind}/*/index.html")):
        html = path.read_text(encoding="utf-8")
        found = re.search(r'id="pc-cost-models?">(.*?)</script>', html, re.S)
        if found:
            return path.parent.relative_to(site).as_posix() + "/", json.loads(found.group(1))
    raise AssertionError(f"no {kind} page with a cost model in the demo")


def _calculate(browser: Browser, url: str, viewport: dict, name: str, value: str) -> dict:
    with browsing(browser, viewport=viewport) as page:
        open_page(page, url)
        before = page.eval_on_selector_all("[data-cost-output]", "els => els.map(e => "
                                           "e.textContent)")
        page.locator("details.pc-calculator > summary").filter(visible=True).first.click()
        field = page.locator(f"input[name='{name}']").filter(visible=True).first
        field.fill(value)
        after = page.eval_on_selector_all("[data-cost-output]", "els => els.map(e => "
                                          "e.textContent)")
        return {"before": before, "after": after, "query": page.url.split("?")[-1]}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390 px"])
def test_the_calculator_computes_as_on_mkdocs(browser: Browser, engine_url, mkdocs_url,
                                              engine_site, viewport):
    path, model = _cost_page(engine_site, "cards")
    item = model["inputs"][0]
    value = str(int(min(item["max"], item["default"] * 2)))
    zensical = _calculate(browser, engine_url + path, viewport, item["name"], value)
    assert zensical["after"] != zensical["before"]
    assert zensical["query"] == f"{item['name']}={value}"
    assert zensical == _calculate(browser, mkdocs_url + path, viewport, item["name"], value)


def test_a_deep_link_opens_with_the_buyers_numbers(page: Page, engine_url, engine_site):
    path, models = _cost_page(engine_site, "pitches")
    anchor = Finder.read(engine_site).pitch_pages()[path][0]
    card, item = models[0]["card"], models[0]["model"]["inputs"][0]
    value = str(int(min(item["max"], item["default"] * 2)))
    open_page(page, f"{engine_url}{path}?card={card}&{item['name']}={value}#{anchor}")
    expect(page.locator(".pc-deep-link")).to_contain_text("use the numbers in your link")
    fields = page.locator(f"input[id^='pc-cost-{card}-'][name='{item['name']}']")
    assert fields.count() >= 1
    for i in range(fields.count()):
        expect(fields.nth(i)).to_have_value(value)


ON_TOP = """selector => {
  const element = document.querySelector(selector), box = element.getBoundingClientRect();
  const seen = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return box.width > 0 && element.contains(seen);
}"""
"""Whether a reader sees the element: it has a size and nothing covers or clips its middle."""

META = "[data-pc-search] .md-search-result__meta"


def _search(page: Page, url: str, words: str) -> list[str]:
    """Opens search from the header (its button, or the box where the theme shows the box
    in the header), types, and reads the result titles. The results show only then, above
    the page."""
    open_page(page, url)
    assert not page.evaluate(ON_TOP, META), "search results show before search is opened"
    opener = "label.md-header__button[for='__search'], [data-pc-search] .md-search__input"
    page.locator(opener).filter(visible=True).first.click()  # as the theme shows it
    box = page.locator("[data-pc-search] .md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(words)
    results = page.locator("[data-pc-search] .md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(META)).to_contain_text("matching")
    assert page.evaluate(ON_TOP, "[data-pc-search] .md-search-result__item")
    return page.locator("[data-pc-search] .md-search-result__article h1").all_inner_texts()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390 px"])
def test_search_box_finds_what_it_finds_on_mkdocs(browser: Browser, engine_url, mkdocs_url,
                                                  engine_site, viewport):
    path, _ = _cost_page(engine_site, "cards")
    title = re.search(r"<h1[^>]*>(.*?)<", (engine_site / path / "index.html").read_text(
        encoding="utf-8")).group(1)
    with browsing(browser, viewport=viewport) as page:
        titles = _search(page, engine_url, title)
        assert f"Card: {title}" in titles
        dialog = page.locator("[data-pc-search] .md-search__inner").bounding_box()
        assert dialog and dialog["x"] >= 0 and dialog["x"] + dialog["width"] <= viewport["width"]
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/(pitches|cards)/[^/]+/$"))
        open_page(page, engine_url)
        page.keyboard.press("/")
        page.keyboard.type("zzyzxnotaword")
        expect(page.locator(META)).to_have_text("No matching documents", timeout=15_000)
        page.keyboard.press("Escape")  # the dialog closes (Material keeps a wide header's box)
        expect(page.locator("#__search")).not_to_be_checked()
    with browsing(browser, viewport=viewport) as page:
        assert _search(page, mkdocs_url, title) == titles


FETCHED = """() => performance.getEntriesByType('resource').map(r => r.name)
  .filter(name => /\\/(bundle\\.[^/]*\\.js|search_index\\.json)$/.test(name))
  .map(name => name.includes('search_index') ? 'index' : 'bundle')"""
"""What of Material's bundle and its search index the page has fetched."""


HELD_FRAMES = "window.frames_held = []; window.requestAnimationFrame = f => frames_held.push(f);"
"""Frames are held back: the page has not painted until the test lets them run."""

NEXT_FRAME = "() => window.frames_held.splice(0).forEach(frame => frame(performance.now()))"


def test_materials_bundle_starts_once_the_page_has_painted_on_mkdocs(browser: Browser,
                                                                     site_url):
    """The held-back theme scripts (main.html) on the MkDocs demo with Material's search:
    nothing of Material's bundle or its index is fetched before the page paints; after two
    frames (the first one painted) the bundle runs and loads the index."""
    with browsing(browser) as page:
        page.add_init_script(HELD_FRAMES)
        open_page(page, site_url + "cards/shift-start-sets-the-bill/")
        assert page.evaluate(FETCHED) == []
        assert page.evaluate("typeof window.document$") == "undefined"
        page.evaluate(NEXT_FRAME)
        page.evaluate(NEXT_FRAME)
        page.wait_for_function("typeof window.document$ === 'object'", polling=100)
        page.wait_for_function(f"({FETCHED})().includes('index')", polling=100)
