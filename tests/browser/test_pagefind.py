"""Pagefind search: Material's look, pitches first, keyboard, and nothing internal indexed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import math
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page, expect

import pitchcraft.output.incremental as loading  # where a build loads the content
from a11y import assert_accessible
from builders import DEMO, REPO, site_project
from pitchcraft.load import load_content
from pitchcraft.output.incremental import build_date
from pitchcraft.output.pagefind_index import PARTS, index_site
from pitchcraft.site.search_facets import REVIEW_DUE
from site_server import mkdocs_build, serve

PAGES_PER_PART = 20
"""The tests' stand-in for a site of thousands of cards: the demo's 57 pages in three parts."""


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pagefind")
    result = mkdocs_build(REPO, site, PITCHCRAFT_SEARCH="pagefind")
    assert result.returncode == 0, result.stderr
    assert "pagefind indexed" in result.stderr
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert len(_parts(site)) == 1  # a small site is one index, as before parts
    return site


@pytest.fixture(scope="module")
def parted_site(pagefind_site, tmp_path_factory) -> Path:
    """The demo site indexed in parts, as a site of thousands of cards is."""
    site = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(pagefind_site, site)
    assert index_site(site, pages_per_part=PAGES_PER_PART) == len(_html(site))
    return site


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site) -> Iterator[str]:
    with serve(pagefind_site) as url:
        yield url


def test_search_shows_pitches_first_with_chips_and_works_by_keyboard(page: Page, pagefind_url,
                                                                     pagefind_site):
    page.goto(pagefind_url + "cards/shift-start-sets-the-bill/")
    page.keyboard.press("/")
    page.keyboard.type("ratchet")
    results = page.locator("[data-pc-search] .md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    titles = page.locator("[data-pc-search] .md-search-result__article h1").all_inner_texts()
    assert titles[:2] == ["Pitch: Food and beverage processing: Peak demand charges",
                          "Pitch: Plastics and injection moulding: Peak demand charges"]
    assert "Card: Your demand charge is set in fifteen minutes at shift start-up" in titles
    chips = results.nth(0).locator(".md-tag").all_inner_texts()
    assert "Peak demand charges" in chips and "Chief Financial Officer" in chips
    expect(page.locator("[data-pc-search] .md-search-result__meta")).to_have_text(
        _matching(pagefind_site, "ratchet"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pitches/food-processing--peak-demand-charges/$"))


def test_escape_closes_and_no_result_says_so(page: Page, pagefind_url):
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("zzyzxnotaword")
    expect(page.locator("[data-pc-search] .md-search-result__meta")).to_have_text(
        "No matching documents", timeout=15_000)
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


SLOW_RESULTS = """
    window.fragmentsAsked = 0;
    const fetchNow = window.fetch;
    window.fetch = (url, ...rest) => {
        if (!String(url).includes("/fragment/")) { return fetchNow(url, ...rest); }
        window.fragmentsAsked += 1;
        return new Promise((wait) => setTimeout(wait, 1000)).then(() => fetchNow(url, ...rest));
    };
"""
"""Every result's text (its Pagefind fragment) arrives a second late, as on a slow network."""

META = "[data-pc-search] .md-search-result__meta"


def test_results_follow_the_words_in_the_box(page: Page, pagefind_url):
    """Searches run as the reader types. A search still fetching its results when the words in
    the box change never shows them, and emptying the box clears the results at once."""
    page.add_init_script(SLOW_RESULTS)
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.evaluate("""(selector) => {
        window.metaSeen = [];
        const meta = document.querySelector(selector);
        new MutationObserver(() => window.metaSeen.push(meta.textContent))
            .observe(meta, {childList: true, characterData: true, subtree: true});
    }""", META)
    page.keyboard.type("ratchet")
    page.wait_for_function("window.fragmentsAsked > 0")  # the search for "ratchet" is under way
    for _ in "ratchet":
        page.keyboard.press("Backspace")
    page.keyboard.type("zzyzxnotaword")
    expect(page.locator(META)).to_have_text("No matching documents", timeout=15_000)
    page.wait_for_timeout(1500)  # every fragment asked for has arrived
    expect(page.locator(META)).to_have_text("No matching documents")
    expect(page.locator("[data-pc-search] .md-search-result__item")).to_have_count(0)
    assert not [text for text in page.evaluate("window.metaSeen") if "matching doc" in text
                and text != "No matching documents"]
    page.keyboard.type("x")
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    expect(page.locator(META)).to_have_text("Type to start searching", timeout=500)


@pytest.mark.parametrize("blocked", ["pagefind.js", "wasm.en.pagefind"])
def test_search_that_could_not_load_says_so_and_loads_at_the_next_keystroke(
        browser, pagefind_site, blocked):
    """A download that fails (a phone between cell towers) leaves a message, not a box that
    stays empty, and the next keystroke tries again."""
    with serve(pagefind_site) as url:
        context = browser.new_context()
        page = context.new_page()
        uncaught: list[str] = []
        page.on("pageerror", lambda error: uncaught.append(str(error)))
        page.route(f"**/pagefind/{blocked}", lambda route: route.abort())
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("ratchet")
        expect(page.locator(META)).to_have_text("Search could not load: type to try again",
                                                timeout=15_000)
        page.unroute(f"**/pagefind/{blocked}")
        page.keyboard.press("Backspace")
        page.keyboard.type("t")
        expect(page.locator(META)).to_have_text(_matching(pagefind_site, "ratchet"),
                                                timeout=15_000)
        context.close()
    # Pagefind reports its own failed WebAssembly download as an uncaught error; the search
    # script leaves none of its own.
    assert [error for error in uncaught if not error.startswith("Failed to load the Pagefind")] \
        == []


def _matching(site: Path, word: str) -> str:
    """What the search says for `word`: the pages of the site's index whose text holds it (or
    a longer form of it, as Pagefind's stemming finds), read from the index itself."""
    found = re.compile(rf"\b{word}\w*", re.IGNORECASE)
    n = sum(bool(found.search(page["content"])) for part in _parts(site) for page in _pages(part))
    return f"{n} matching document{'s' if n != 1 else ''}"


def _parts(site: Path) -> list[Path]:
    """The folder of each part of the site's index, the one the theme loads first."""
    first = site / "pagefind"
    return [first] + [first / folder for folder in json.loads((first / PARTS).read_text())["merge"]]


def _html(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _pages(part: Path) -> list[dict]:
    """What one part shows for each of its pages: url, meta, and the indexed text."""
    return [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
            for f in sorted((part / "fragment").iterdir())]


def _fragments(site: Path) -> str:
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                   for part in _parts(site) for f in (part / "fragment").iterdir())


def _every_file(site: Path) -> bytes:
    """Every file of every part, decompressed: pages, word index, filters and metadata."""
    return b"".join(gzip.decompress(f.read_bytes()) if f.suffix.startswith(".pf_") else
                    f.read_bytes() for part in _parts(site) for f in part.rglob("*") if f.is_file())


def test_public_pagefind_index_holds_no_internal_text(tmp_path):
    internal = mkdocs_build(REPO, tmp_path / "internal", PITCHCRAFT_SEARCH="pagefind")
    public = mkdocs_build(REPO, tmp_path / "public", PITCHCRAFT_SEARCH="pagefind",
                          PITCHCRAFT_AUDIENCE="public")
    assert internal.returncode == 0 and public.returncode == 0, public.stderr
    marker = "we can discount up to 18 percent before legal review"
    assert marker in _fragments(tmp_path / "internal")
    assert b"priya" in _every_file(tmp_path / "internal").lower()  # the word index: words alone
    for pages_per_part in (None, PAGES_PER_PART):  # as built, then in parts
        if pages_per_part:
            index_site(tmp_path / "public", pages_per_part=pages_per_part)
            assert len(_parts(tmp_path / "public")) > 1
        text = _fragments(tmp_path / "public")
        assert "Your demand charge is set in fifteen minutes" in text
        assert marker not in text
        assert "Priya Raman" not in text
        assert b"priya" not in _every_file(tmp_path / "public").lower()


CLOBBER = ('\n<div id="__config">{"base": "http://127.0.0.2:9/", "features": [], '
           '"search": "http://127.0.0.2:9/w.js", "translations": {}}</div>\n'
           '<div id="pagefind">http://127.0.0.2:9/</div>\n\n')


def test_card_text_cannot_point_the_search_loader_elsewhere(browser, tmp_path, monkeypatch):
    """A card may define elements with the ids the theme's own settings use. `check` refuses
    them; built as if it had not, the sanitiser renames them and the Pagefind loader takes its
    address from its own script, so search still loads from the site and nowhere else."""
    project = site_project(tmp_path)
    card = project / "content/insights/peak-demand/shift-start-sets-the-bill.md"
    text = card.read_text()
    card.write_text(text.replace("## Reframe", CLOBBER + "## Reframe", 1))
    real = loading.load_content

    def without_findings(*args, **kwargs):  # as if `check` had missed the planted ids
        return dataclasses.replace(real(*args, **kwargs), findings=())

    monkeypatch.setattr(loading, "load_content", without_findings)
    monkeypatch.setenv("PITCHCRAFT_SEARCH", "pagefind")
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    page_html = (site / "cards/shift-start-sets-the-bill/index.html").read_text()
    assert 'id="user-content-__config">{"base": "http://127.0.0.2:9/"' in page_html
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(url + "cards/shift-start-sets-the-bill/")
        page.keyboard.press("/")
        page.keyboard.type("ratchet")
        expect(page.locator("[data-pc-search] .md-search-result__item").first).to_be_visible(
            timeout=15_000)
        context.close()
    assert any(u.startswith(url + "pagefind/") for u in asked)
    assert [u for u in asked if "127.0.0.2" in u] == []


def test_opening_search_loads_pagefind_before_the_first_keystroke(page: Page, pagefind_url):
    """Pagefind's worker, WebAssembly and index metadata load while the reader types, not
    after the first query; a reader who never opens search downloads none of it."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(pagefind_url)
    page.wait_for_load_state("load")
    assert [u for u in asked if "/pagefind/" in u] == []
    with page.expect_request(lambda r: r.url.endswith(".pagefind"), timeout=15_000), \
            page.expect_request(lambda r: r.url.endswith(".pf_meta"), timeout=15_000):
        page.locator("[data-pc-search] .md-search__input").click()
    assert page.locator("[data-pc-search] .md-search__input").input_value() == ""


def test_a_pitch_is_indexed_for_its_own_talk_tracks_not_its_alternatives(pagefind_site):
    """Another card's talk track shown under "Other insights for this buyer" is found on that
    card's page and on the pitch it leads, not on every pitch that offers it."""
    pitches = [p.read_text() for p in (pagefind_site / "pitches").glob("*/index.html")]
    assert any("The pitch from this card" in page for page in pitches)
    text = _fragments(pagefind_site)
    assert "Other insights for this buyer" in text
    assert "The pitch from this card" not in text


def test_every_page_is_in_exactly_one_part(parted_site):
    """Indexed in parts, the site still has each page once: none left out, none twice."""
    html = _html(parted_site)
    parts = _parts(parted_site)
    counts = [json.loads((part / "pagefind-entry.json").read_text())["languages"]["en"]
              ["page_count"] for part in parts]
    urls = sorted(page["url"] for part in parts for page in _pages(part))
    assert len(parts) == math.ceil(len(html) / PAGES_PER_PART) > 1
    assert sum(counts) == len(html)
    assert urls == sorted("/" + path.removesuffix("index.html") for path in html)


def _word_only_on(site: Path, part: Path) -> tuple[str, dict]:
    """A word of one page alone on the whole site, that page being in `part`."""
    def words(page: dict) -> set[str]:
        return set(re.findall(r"[a-z]{7,}", page["content"].lower()))

    pages_with = Counter(w for p in _parts(site) for page in _pages(p) for w in words(page))
    return min((word, page) for page in _pages(part) for word in words(page)
               if pages_with[word] == 1)


def test_a_site_indexed_in_parts_finds_a_page_in_every_part(page: Page, parted_site):
    """Thousands of cards are indexed in parts; the search box searches them all, so a word
    found on one page brings that page up whichever part holds it, with its title."""
    with serve(parted_site) as url:
        for part in _parts(parted_site):
            word, found = _word_only_on(parted_site, part)
            page.goto(url)
            page.keyboard.press("/")
            page.keyboard.type(word)
            link = page.locator(f"[data-pc-search] a[href='{found['url']}']")
            expect(link).to_be_visible(timeout=15_000)
            expect(link.locator("h1")).to_contain_text(found["meta"]["title"])


def test_pitches_come_first_across_parts(page: Page, parted_site):
    """The same search as on a one-index site: the pitches, then the card and the other pages,
    with their chips, whichever parts they are in."""
    holding = [part for part in _parts(parted_site)
               if any("ratchet" in page["content"].lower() for page in _pages(part))]
    assert len(holding) > 1  # the card and its pitches are not all in one part
    with serve(parted_site) as url:
        page.goto(url + "cards/shift-start-sets-the-bill/")
        page.keyboard.press("/")
        page.keyboard.type("ratchet")
        meta = page.locator("[data-pc-search] .md-search-result__meta")
        expect(meta).to_have_text(_matching(parted_site, "ratchet"), timeout=15_000)
        titles = page.locator("[data-pc-search] .md-search-result__article h1").all_inner_texts()
        chips = page.locator("[data-pc-search] .md-search-result__item").nth(0).locator(
            ".md-tag").all_inner_texts()
    assert sorted(titles[:2]) == ["Pitch: Food and beverage processing: Peak demand charges",
                                  "Pitch: Plastics and injection moulding: Peak demand charges"]
    kinds = [title.split(":", 1)[0] for title in titles]
    assert kinds == sorted(kinds, key=lambda kind: kind != "Pitch")  # every pitch first
    assert "Card: Your demand charge is set in fifteen minutes at shift start-up" in titles
    assert "Peak demand charges" in chips and "Chief Financial Officer" in chips


# --- Narrowing a search: filters for kind, industry, problem, persona and freshness ----------

FILTERS = "[data-pc-search] [data-pc-search-filters]"
RESULT_LINKS = "[data-pc-search] .md-search-result__item > a"


def _demo():
    return load_content(DEMO, today=build_date())


def _defrost_industry() -> str:
    """The industry of the demo's card about defrost, as its filter button names it."""
    demo = _demo()
    card = next(c for c in demo.published_cards if "defrost" in c.title.lower())
    return demo.taxonomy.industry(card.industries[0]).name


def _found(site: Path, word: str | None = None, **filters: str) -> list[dict]:
    """The pages of the site's index (every part) a search for `word` finds with `filters`,
    read from the index itself."""
    found = re.compile(rf"\b{word}\w*", re.IGNORECASE) if word else None
    return [page for part in _parts(site) for page in _pages(part)
            if (found is None or found.search(page["content"]))
            and all(value in page["filters"].get(key, []) for key, value in filters.items())]


def _chip(page: Page, row: str, value: str):
    return page.get_by_role("group", name=row).get_by_role("button", name=re.compile(
        rf"^{re.escape(value)}: \d+ results?$"))


def _shown(page: Page) -> list[str]:
    return [a.get_attribute("href") for a in page.locator(RESULT_LINKS).all()]


@pytest.mark.parametrize("which", ["one index", "in parts"])
def test_a_rep_narrows_defrost_to_cold_storage_with_one_tap(page: Page, pagefind_site,
                                                           parted_site, which):
    """The story of issue 32: type "defrost", tap the industry, and only that industry's pages
    stay, whichever part of the index holds them; each button says how many would."""
    site = pagefind_site if which == "one index" else parted_site
    industry = _defrost_industry()
    every = _found(site, "defrost")
    narrowed = _found(site, "defrost", industry=industry)
    assert 0 < len(narrowed) < len(every) <= 20
    with serve(site) as url:
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("defrost")
        chip = _chip(page, "Industry", industry)
        expect(chip).to_have_accessible_name(f"{industry}: {len(narrowed)} results",
                                             timeout=15_000)
        expect(chip).to_have_attribute("aria-pressed", "false")
        chip.click()
        expect(page.locator(META)).to_have_text(f"{len(narrowed)} of {len(every)} matching "
                                                "documents", timeout=15_000)
        expect(chip).to_have_attribute("aria-pressed", "true")
        assert sorted(_shown(page)) == sorted(p["url"] for p in narrowed)
        chip.click()  # a second tap lets every industry back
        expect(page.locator(META)).to_have_text(_matching(site, "defrost"), timeout=15_000)
        assert sorted(_shown(page)) == sorted(p["url"] for p in every)


def test_filters_combine_and_count_what_each_would_leave(page: Page, pagefind_url,
                                                         pagefind_site):
    """With an industry chosen, a type button counts that industry's pages of the type, and
    another industry's button counts what choosing it instead would leave."""
    industry = _defrost_industry()
    other = next(name for p in _found(pagefind_site, "defrost")
                 for name in p["filters"].get("industry", []) if name != industry)
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("defrost")
    _chip(page, "Industry", industry).click()
    cards = _found(pagefind_site, "defrost", industry=industry, kind="Card")
    instead = _found(pagefind_site, "defrost", industry=other)
    expect(_chip(page, "Type", "Card")).to_have_accessible_name(
        f"Card: {len(cards)} result{'s' if len(cards) != 1 else ''}", timeout=15_000)
    expect(_chip(page, "Industry", other)).to_have_accessible_name(
        f"{other}: {len(instead)} result{'s' if len(instead) != 1 else ''}")
    _chip(page, "Type", "Card").click()
    expect(page.locator(META)).to_have_text(
        re.compile(rf"^{len(cards)} of \d+ matching documents?$"), timeout=15_000)
    assert sorted(_shown(page)) == sorted(p["url"] for p in cards)
    _chip(page, "Industry", other).click()  # one industry at a time: the other replaces it
    expect(_chip(page, "Industry", industry)).to_have_attribute("aria-pressed", "false",
                                                                timeout=15_000)
    assert sorted(_shown(page)) == sorted(
        p["url"] for p in _found(pagefind_site, "defrost", industry=other, kind="Card"))


def test_the_filters_work_by_keyboard_and_tell_a_screen_reader(page: Page, pagefind_url,
                                                               pagefind_site):
    """Tab reaches the buttons, Enter or Space toggles one, the focus stays on it while the
    results change, and the result count is announced (a live region)."""
    industry = _defrost_industry()
    narrowed = _found(pagefind_site, "defrost", industry=industry)
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("defrost")
    chip = _chip(page, "Industry", industry)
    expect(chip).to_be_visible(timeout=15_000)
    for _ in range(40):
        page.keyboard.press("Tab")
        if chip.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the industry's button")
    page.keyboard.press("Enter")
    expect(page.locator(META)).to_have_text(re.compile(rf"^{len(narrowed)} of "),
                                            timeout=15_000)
    expect(chip).to_be_focused()
    expect(chip).to_have_attribute("aria-pressed", "true")
    expect(page.locator(META)).to_have_attribute("aria-live", "polite")
    page.keyboard.press("Space")
    expect(chip).to_have_attribute("aria-pressed", "false", timeout=15_000)
    expect(chip).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """The demo built the day after its longest-unreviewed card fell due: that card is
    "Review due", the rest not."""
    demo = _demo()
    card = min((c for c in demo.published_cards if c.reviewed), key=lambda c: c.reviewed)
    day = card.review_due(demo.taxonomy.review_interval_days) + dt.timedelta(days=1)
    site = tmp_path_factory.mktemp("dated")
    epoch = int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())
    with pytest.MonkeyPatch.context() as env:  # not --strict: the stale card is a warning
        env.setenv("PITCHCRAFT_SEARCH", "pagefind")
        env.setenv("SOURCE_DATE_EPOCH", str(epoch))
        build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), strict=False))
    return site


def test_a_rep_lists_what_is_due_for_review_without_typing(page: Page, dated_site):
    """Freshness is a filter: on an empty box the buttons count the whole site, and "Review
    due" lists exactly the cards past their review date and the pitches they lead."""
    due = _found(dated_site, freshness=REVIEW_DUE)
    kinds = Counter(p["meta"]["kind"] for p in due)
    assert kinds["Card"] >= 1 and kinds["Pitch"] >= 1 and len(due) <= 20
    assert len(due) < len(_found(dated_site, kind="Card")) + len(_found(dated_site, kind="Pitch"))
    with serve(dated_site) as url:
        page.goto(url)
        page.keyboard.press("/")
        chip = _chip(page, "Review", REVIEW_DUE)
        expect(chip).to_have_accessible_name(f"{REVIEW_DUE}: {len(due)} results",
                                             timeout=15_000)
        expect(page.locator(META)).to_have_text("Type to start searching")
        chip.click()
        expect(page.locator(META)).to_have_text(f"{len(due)} matching documents",
                                                timeout=15_000)
        assert sorted(_shown(page)) == sorted(p["url"] for p in due)
        chip.click()
        expect(page.locator(META)).to_have_text("Type to start searching", timeout=15_000)
        expect(page.locator("[data-pc-search] .md-search-result__item")).to_have_count(0)


@pytest.mark.parametrize("size", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_the_filters_fit_the_screen_and_pass_axe(browser, pagefind_url, size):
    """Clicking or tapping into search opens the dialog. On a 390 x 844 phone the filter rows
    scroll sideways inside it, never the page; every button is a comfortable target, and the
    first result shows on the first screen."""
    context = browser.new_context(viewport=size, is_mobile=size["width"] < 500,
                                  has_touch=size["width"] < 500)
    page = context.new_page()
    page.goto(pagefind_url)
    box = page.locator("[data-pc-search] .md-search__input")
    if size["width"] < 500:  # the phone's header has a search button instead of the box
        page.locator("label.md-header__button[for='__search']").tap()
    else:
        box.click()
    box.fill("defrost")
    first = page.locator("[data-pc-search] .md-search-result__item").first
    expect(first).to_be_visible(timeout=15_000)
    expect(page.locator(FILTERS)).to_be_visible()
    widths = page.evaluate("""(selector) => ({
        page: document.scrollingElement.scrollWidth,
        rows: [...document.querySelectorAll(selector + ' .pc-search-facet')]
            .map((r) => r.getBoundingClientRect().right),
        chips: [...document.querySelectorAll(selector + ' .pc-chip')]
            .map((c) => c.getBoundingClientRect().height)})""", FILTERS)
    assert widths["page"] <= size["width"]
    assert widths["rows"] and max(widths["rows"]) <= size["width"]
    assert min(widths["chips"]) >= 24  # WCAG 2.2 target size (minimum)
    assert first.bounding_box()["y"] < size["height"] * 0.75
    assert first.evaluate("""(item) => {  // seen, not clipped by a closed dialog
        const box = item.getBoundingClientRect();
        return item.contains(document.elementFromPoint(box.left + 20, box.top + 20));
    }""")
    chip = _chip(page, "Industry", _defrost_industry())
    if size["width"] < 500:
        chip.tap()
    else:
        chip.click()
    expect(page.locator(META)).to_have_text(re.compile(r"^\d+ of \d+ matching"), timeout=15_000)
    assert_accessible(page)
    context.close()


RANKED = """async (word) => {
    const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
    await pagefind.options({ noWorker: true });
    const found = await pagefind.search(word, { filters: { kind: "Card" } });
    return Promise.all(found.results.map(async (r) => {
        const page = await r.data();
        return [page.url, Math.max(...page.weighted_locations.map((l) => l.weight))];
    }));
}"""
"""The cards a search for a word finds, best first, as Pagefind ranks them, each with the
heaviest place the word was found in (7: the card's title, its H1)."""


def test_a_cards_title_outweighs_its_text(page: Page, pagefind_url, pagefind_site):
    """A search for a word of a card's title lists the cards with it in their titles before
    any card that has it only in its text. Words most cards use are left out: they tell no
    card from another, and Pagefind ranks their pages almost alike."""
    cards = _found(pagefind_site, kind="Card")
    words = sorted({w for c in cards for w in re.findall(r"[a-z]{6,}", c["meta"]["title"].lower())})
    page.goto(pagefind_url)
    tried = 0
    for word in words:
        ranked = page.evaluate(RANKED, word)
        in_title = [weight >= 7 for _, weight in ranked]
        if all(in_title) or len(ranked) > len(cards) / 2:
            continue
        tried += 1
        assert in_title == sorted(in_title, reverse=True), (word, ranked)
    assert tried >= 10


def test_a_long_row_shows_the_values_with_most_results_and_the_rest_on_request(page: Page,
                                                                               tmp_path):
    """A site with many industries keeps its results on the first screen: a row shows the
    values with the most results, and a button the reader presses shows the rest."""
    project = site_project(tmp_path)
    taxonomy = project / "content/taxonomy.yml"
    extra = "".join(f"  - id: extra-{n}\n    name: Extra industry {n}\n    description: More.\n"
                    f"    context: [It grows.]\n" for n in range(5))
    taxonomy.write_text(taxonomy.read_text().replace("industries:\n", "industries:\n" + extra, 1))
    site = tmp_path / "site"
    with pytest.MonkeyPatch.context() as env:  # not --strict: the new industries have gaps
        env.setenv("PITCHCRAFT_SEARCH", "pagefind")
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    totals = Counter(name for page in _found(site) for name in page["filters"].get("industry", []))
    assert len(totals) > 6
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    with serve(site) as url:
        page.goto(url)
        page.keyboard.press("/")
        row = page.get_by_role("group", name="Industry")
        more = row.get_by_role("button", name=f"{len(totals) - 6} more")
        expect(more).to_have_attribute("aria-expanded", "false", timeout=15_000)
        assert row.locator(".pc-chip[data-key]").all_text_contents() == [
            f"{name}{totals[name]}" for name in ranked[:6]]
        more.focus()
        page.keyboard.press("Enter")
        fewer = row.get_by_role("button", name="Fewer")
        expect(fewer).to_be_focused()
        expect(fewer).to_have_attribute("aria-expanded", "true")
        assert len(row.locator(".pc-chip[data-key]").all()) == len(totals)
        _chip(page, "Industry", ranked[-1]).click()  # the chosen value stays when folded
        expect(page.locator(META)).to_have_text(f"{totals[ranked[-1]]} matching documents",
                                                timeout=15_000)
        row.get_by_role("button", name="Fewer").click()
        expect(_chip(page, "Industry", ranked[-1])).to_have_attribute("aria-pressed", "true")
