"""Judge: a pitch for one persona prints from Chromium on at most two pages of A4 or Letter,
with its talk track, evidence and sources, and without the site's navigation."""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from judges import Finder, open_page

MAX_PAGES = 2
PAPERS = ("A4", "Letter")

# What the chosen persona's tab holds, read from the page before it prints. Rep-only notes and
# the screen-only parts (why this card, other cards' pitches) never print.
UNPRINTED = "'.pc-screen-only, .admonition.rep, details.rep'"
TAB = """() => {
  const input = document.querySelector('.tabbed-set > input:checked');
  const inputs = [...input.parentElement.querySelectorAll(':scope > input')];
  const block = input.parentElement.querySelectorAll(':scope > .tabbed-content > .tabbed-block')[
    inputs.indexOf(input)];
  const text = el => {  // links to other cards' pitches are for the screen only
    const copy = el.cloneNode(true);
    copy.querySelectorAll(UNPRINTED).forEach(n => n.remove());
    return copy.textContent.replace('\\u00b6', '');
  };
  const evidence = [...block.querySelectorAll('table')].find(t =>
    [...t.querySelectorAll('th')].some(th => th.textContent.trim() === 'Source'));
  return {
    headings: [...block.querySelectorAll('h2, h3')].filter(h => !h.closest('.pc-screen-only'))
      .map(text),
    steps: [...block.querySelectorAll(':scope > p, :scope > ul > li')]
      .filter(e => !e.closest('.pc-screen-only')).map(text),
    evidence: evidence ? [...evidence.querySelectorAll('tbody tr')].map(tr =>
      [...tr.querySelectorAll('td')].map(text)) : [],
  };
}""".replace("UNPRINTED", UNPRINTED)


def squeezed(text: str) -> str:
    """Text without its whitespace: PDF text breaks lines and words where the page did."""
    return re.sub(r"\s+", "", text).replace("\u00ad", "")


def _pitch_tabs(demo_site: Path) -> list[tuple[str, str]]:
    """Every pitch page with every persona tab on it."""
    return [(path, anchor) for path, anchors in sorted(Finder.read(demo_site).pitch_pages().items())
            for anchor in anchors]


def test_one_persona_prints_on_at_most_two_pages(page: Page, site_url: str, demo_site: Path):
    """Every persona of every pitch, on A4 and on Letter. What prints does not depend on the
    paper, so the text is read from the A4 print; both are counted."""
    tabs = _pitch_tabs(demo_site)
    assert len(tabs) == len(Finder.read(demo_site).pitches)
    open_page(page, site_url)
    site_name = page.locator(".md-header__topic").first.inner_text().strip()
    counts: dict[str, dict[str, int]] = {paper: {} for paper in PAPERS}
    for path, anchor in tabs:
        if page.url.split("#")[0] != site_url + path:
            open_page(page, site_url + path)
        page.evaluate("anchor => { location.hash = anchor; }", anchor)  # a link to the tab
        expect(page.locator(f"#{anchor}")).to_be_visible()
        tab = page.evaluate(TAB)
        persona = tab["headings"][0].removeprefix("Talk track for the ").rstrip(".")
        others = [name for name in page.locator(".tabbed-labels > label").all_inner_texts()
                  if name != persona]
        page.emulate_media(media="print")
        pdfs = {paper: PdfReader(io.BytesIO(page.pdf(format=paper))) for paper in PAPERS}
        page.emulate_media(media="screen")
        for paper, pdf in pdfs.items():
            counts[paper][f"{path}#{anchor}"] = len(pdf.pages)
        printed = squeezed("".join(p.extract_text() for p in pdfs["A4"].pages))

        where = f"{path}#{anchor}"
        # The talk track: every heading, paragraph and point of the chosen persona's tab.
        assert squeezed(f"Talk track for the {persona}.") in printed, where
        for text in tab["headings"] + tab["steps"]:
            assert squeezed(text) in printed, (where, text)
        # The evidence and its sources.
        assert tab["evidence"], f"{where} shows no evidence table"
        for row in tab["evidence"]:
            for cell in row[:3]:  # figure, what it shows, source
                assert squeezed(cell) in printed, (where, cell)
        # No navigation, no buttons, no other persona.
        for chrome in (site_name, "Print this persona", "Print all personas",
                       *[f"Talk track for the {o}." for o in others]):
            assert squeezed(chrome) not in printed, (where, chrome)

    for paper, printed_pages in counts.items():
        too_long = {tab: n for tab, n in printed_pages.items() if n > MAX_PAGES}
        assert not too_long, f"pitches over {MAX_PAGES} pages of {paper}: {too_long}"


# Every paragraph, point, answer and table row of every persona tab, as the screen shows it.
PIECES = """() => [...document.querySelectorAll('.tabbed-set > .tabbed-content > .tabbed-block')]
  .map(block => [...block.querySelectorAll(':scope > p, :scope > ul > li, :scope > ol > li,'
      + ' :scope > dl > dd, :scope tbody > tr')].filter(e => !e.closest('.pc-screen-only'))
    .map(e => {
      const copy = e.cloneNode(true);
      copy.querySelectorAll(UNPRINTED).forEach(n => n.remove());
      return copy.textContent.replace('\\u00b6', '');
    }))""".replace("UNPRINTED", UNPRINTED)

SHARED = 60
"""Pieces at least this long (without spaces) are sentences, not labels or figures that may
rightly be said twice ("38%", "Yes")."""


def test_all_personas_print_shared_text_once(page: Page, site_url: str, demo_site: Path):
    """"Print all personas" prints a part the personas share once, and names whose to read in
    its place; each persona's own text still prints. Every pitch page, on A4."""
    for path in sorted(Finder.read(demo_site).pitch_pages()):
        open_page(page, site_url + path)
        tabs = page.evaluate(PIECES)
        page.evaluate("() => { window.print = () => {}; }")  # no print dialog in a test
        page.get_by_role("button", name="Print all personas").click()
        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        page.emulate_media(media="screen")
        printed = squeezed("".join(p.extract_text() for p in pdf.pages))

        pieces = {squeezed(text) for tab in tabs for text in tab}
        for piece in pieces:
            if len(piece) < SHARED:
                continue
            within = max(sum(squeezed(t) == piece for t in tab) for tab in tabs)
            assert printed.count(piece) <= within, (path, piece[:80], printed.count(piece))
            assert printed.count(piece) >= 1, (path, piece[:80])
        if len(tabs) > 1 and any(set(map(squeezed, tab)) & set(map(squeezed, tabs[0]))
                                 for tab in tabs[1:]):
            assert squeezed(": as for the ") in printed, path
