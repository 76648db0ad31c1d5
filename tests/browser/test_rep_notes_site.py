"""Rep-only notes on the built site: the team sees them as a "For the rep" box; the buyer never
sees them.

Given a public demo card with notes in its general text, in a persona variant and in an
objection answer: the public builds (Material search and Pagefind) hold none of their words in
any byte, the internal site shows them styled, accessible and findable by its search, and
printing a pitch drops them.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from builders import site_project
from findings import edit
from judges import WCAG_21_AA
from rep_note_containers import site_text
from site_server import mkdocs_build, serve

CARD = "content/insights/peak-demand/shift-start-sets-the-bill.md"
NOTES = {
    "Reframe": "Ask which shift leader starts the ovens before you name any figure.",
    "For: cfo": "This CFO signed the tariff deal herself; do not call it a bad contract.",
    "Objection": "Offer the ratchet audit free if the buyer pushes back twice.",
}


def _note(text: str) -> str:
    return f'\n!!! rep "Rep only"\n    {text}\n'


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("rep-notes")
    project = site_project(root)
    card = project / CARD
    text = card.read_text()
    text = edit(text, "buttons, not by what your plant produces.\n",
                "buttons, not by what your plant produces.\n" + _note(NOTES["Reframe"]))
    variant_end = "you can only renegotiate.\n"  # the end of the CFO Reframe, however wrapped
    text = edit(text, variant_end, variant_end + _note(NOTES["For: cfo"]))
    text = edit(text, "### Our operators won't follow another procedure.\n",
                _note(NOTES["Objection"]) + "\n### Our operators won't follow another procedure.\n")
    card.write_text(text)
    sites = {}
    for name, env in {"internal": {"PITCHCRAFT_SEARCH": "pagefind"},
                      "public-material": {"PITCHCRAFT_AUDIENCE": "public",
                                          "PITCHCRAFT_SEARCH": "material"},
                      "public-pagefind": {"PITCHCRAFT_AUDIENCE": "public",
                                          "PITCHCRAFT_SEARCH": "pagefind"}}.items():
        result = mkdocs_build(project, root / name, **env)
        assert result.returncode == 0, result.stderr
        sites[name] = root / name
    sites["project"] = project
    return sites


def _all_text(site: Path) -> dict[str, str]:
    return site_text(site)


def test_notes_are_in_no_byte_of_a_public_build(builds):
    for name in ("public-material", "public-pagefind"):
        texts = _all_text(builds[name])
        assert "cards/shift-start-sets-the-bill/index.html" in texts
        assert any(p.startswith("pagefind/fragment/") for p in texts) == name.endswith("pagefind")
        if name == "public-material":
            assert "search/search_index.json" in texts and "sitemap.xml" in texts
        leaks = {path: words for path, text in texts.items() for words in NOTES.values()
                 if words in text}
        assert leaks == {}, name
        page = texts["cards/shift-start-sets-the-bill/index.html"]
        assert "you have a start-up problem" in page and "admonition rep" not in page


def test_internal_site_shows_notes_and_its_search_finds_them(builds):
    texts = _all_text(builds["internal"])
    card = texts["cards/shift-start-sets-the-bill/index.html"]
    for words in NOTES.values():
        assert words in card
    pitches = [t for p, t in texts.items() if p.startswith("pitches/") and NOTES["Objection"] in t]
    assert pitches
    for page in (card, *pitches):  # in a step, a persona variant and an objection's answer
        assert page.count('<div class="admonition rep">') >= 2 + (page is card)
        assert '!!! rep "' not in page
    assert '<p class="admonition-title">For the rep</p>' in card
    fragments = "".join(t for p, t in texts.items() if p.startswith("pagefind/fragment/"))
    assert NOTES["Reframe"] in fragments


def test_internal_note_is_a_styled_accessible_box_and_never_printed(builds, browser: Browser):
    site = builds["internal"]
    pitch = next(p for p in site.glob("pitches/*/index.html")
                 if NOTES["Objection"] in p.read_text())
    with serve(site) as url:
        page = browser.new_context().new_page()
        page.goto(url + "cards/shift-start-sets-the-bill/")
        note = page.locator(".admonition.rep").first
        expect(note).to_be_visible()
        expect(note).to_contain_text("For the rep")
        expect(note).to_contain_text(NOTES["Reframe"])
        style = note.evaluate("e => { const s = getComputedStyle(e);"
                              " return [s.borderLeftColor, s.borderLeftWidth, s.borderTopStyle] }")
        assert style == ["rgb(106, 27, 154)", "6px", "dashed"]
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert [v["id"] for v in result.response["violations"]] == []
        page.emulate_media(media="print")
        expect(page.locator(".admonition.rep").first).to_be_hidden()
        page.goto(url + pitch.relative_to(site).parent.as_posix() + "/")
        expect(page.locator(".admonition.rep").first).to_be_attached()
        printed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages)
        squeezed = " ".join(printed.split())
        assert "Talk track for the" in squeezed
        assert all(" ".join(words.split()) not in squeezed for words in NOTES.values())
