"""Rep-only notes in any container: the team sees a "For the rep" box, the buyer never sees them.

Given a public card whose notes sit in a quote, a content tab, a `<div markdown>`, an
admonition with a second class, an admonition inside another and a collapsible block (with a
heading, which must not reach the page's table of contents either), each holding a word found
nowhere else: the public site (its pages and its Pagefind index) holds none of those words in
any byte, nor does any deck the internal site offers; the internal site shows each note as a
rep box where it was written. One public and one internal build of each engine (MkDocs with
the plugin; ProperDocs and Zensical without it) serve every test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pptx import Presentation

from rep_note_containers import MARKERS, leaked, notes_project, site_text
from site_server import engine_build, mkdocs_build

CARD = "cards/card/index.html"
ENGINES = ("properdocs", "zensical")
"""Built by `pitchcraft build --engine`: the generated pages without the plugin."""


def _all_text(site: Path) -> dict[str, str]:
    return site_text(site, _deck_text)


def _deck_text(path: Path) -> str:
    deck = Presentation(str(path))
    return "\n".join([*(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                        if shape.has_text_frame),
                      *(slide.notes_slide.notes_text_frame.text for slide in deck.slides)])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return notes_project(tmp_path_factory.mktemp("rep-note-containers"))


@pytest.fixture(scope="module")
def builds(project: Path) -> dict[str, Path]:
    sites = {}
    for name, env in {"public": {"PITCHCRAFT_AUDIENCE": "public",
                                 "PITCHCRAFT_SEARCH": "pagefind"},
                      "public-material": {"PITCHCRAFT_AUDIENCE": "public",
                                          "PITCHCRAFT_SEARCH": "material"},
                      "internal": {"PITCHCRAFT_SEARCH": "material"}}.items():
        result = mkdocs_build(project, project.parent / name, **env)
        assert result.returncode == 0, result.stderr
        sites[name] = project.parent / name
    for engine in ENGINES:
        for audience in ("public", "internal"):
            name = f"{audience}-{engine}"
            result = engine_build(project, project.parent / name, engine,
                                  PITCHCRAFT_AUDIENCE=audience)
            assert result.returncode == 0, result.stderr
            sites[name] = project.parent / name
    return sites


@pytest.mark.parametrize("site", ["public", *(f"public-{e}" for e in ENGINES)])
def test_no_note_reaches_the_public_page_or_its_search_index(builds, site):
    texts = _all_text(builds[site])
    page = texts[CARD]
    assert "Predictive dunning ranks invoices by risk." in page  # the card is published
    assert "The ledger shows it every month." in page and "A forecast you can act on." in page
    assert any(p.startswith("pagefind/fragment/") for p in texts)
    assert leaked(page) == []
    fragments = "".join(t for p, t in texts.items() if p.startswith("pagefind/"))
    assert "Predictive dunning" in fragments and leaked(fragments) == []
    leaks = {path: leaked(text) for path, text in texts.items() if leaked(text)}
    assert leaks == {}
    assert 'class="admonition rep' not in page and 'details class="rep' not in page


@pytest.mark.parametrize("site", ["internal", *(f"internal-{e}" for e in ENGINES)])
def test_the_internal_site_shows_each_note_as_a_rep_box(builds, site):
    page = lxml_html.fromstring(_all_text(builds[site])[CARD])
    boxes = page.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " rep ")]')
    inside = " ".join(box.text_content() for box in boxes)
    assert [name for name, word in MARKERS.items() if word not in inside] == []
    assert all(box.tag in ("div", "details") for box in boxes)
    assert "For the rep" in inside


def test_no_note_rides_into_a_deck_the_site_offers(builds):
    decks = sorted((builds["internal"] / "decks").glob("*.pptx"))
    assert decks
    for deck in decks:
        said = _deck_text(deck)
        assert "Predictive dunning ranks invoices by risk." in said
        assert leaked(said) == []


@pytest.mark.parametrize("site", ["public", "public-material",
                                  *(f"public-{e}" for e in ENGINES)])
def test_no_raw_html_note_reaches_a_public_page_or_either_search_index(builds, site):
    texts = _all_text(builds[site])
    assert "Also said last." in texts["raw-notes/index.html"]
    index = "".join(text for path, text in texts.items()
                    if path.startswith(("pagefind/fragment/", "search/search_index")))
    assert "Also said last." in index
    leaks = {path: re.findall(r"zq\w+secret", text) for path, text in texts.items()}
    assert {path: words for path, words in leaks.items() if words} == {}
