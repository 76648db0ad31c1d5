"""The internal site's pitch page offers each persona's deck, built with the site."""

from __future__ import annotations

import io
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page
from pptx import Presentation

from a11y import assert_accessible
from builders import ContentFolder, site_project
from cost_content import INTERNAL_CLAIM, NOTED_BODY, REP_NOTE, cost_folder
from judges import choose_tab, open_page, tab_labels
from site_server import mkdocs_build, serve

PITCH = "pitches/retail--late-cash/"


def _build(where: Path, decks: bool) -> Path:
    content = cost_folder(ContentFolder(where / "content"), body=NOTED_BODY).root
    project = site_project(where, content)
    config = project / "mkdocs.yml"
    if decks:
        config.write_text(config.read_text().replace(
            "  - pitchcraft:\n", "  - pitchcraft:\n      decks: true\n"))
    result = mkdocs_build(project, where / "site")
    assert result.returncode == 0, result.stderr
    return where / "site"


@pytest.fixture(scope="module")
def deck_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(_build(tmp_path_factory.mktemp("decks"), decks=True)) as url:
        yield url


def test_each_persona_tab_links_its_own_deck(page: Page, deck_site: str) -> None:
    open_page(page, f"{deck_site}/{PITCH}")
    assert_accessible(page)
    links = page.locator("a.pc-deck")
    assert links.count() == 2
    for index, persona in enumerate(["Chief Financial Officer", "Chief Operating Officer"]):
        assert tab_labels(page)[index] == persona
        choose_tab(page, index)
        link = links.nth(index)
        assert link.is_visible() and persona in link.inner_text()
        href = urljoin(page.url, link.get_attribute("href") or "")
        with urllib.request.urlopen(href) as response:
            deck = Presentation(io.BytesIO(response.read()))
        slides = list(deck.slides)
        assert f"For the {persona}" in slides[0].placeholders[1].text_frame.text
        said = "\n".join([*(sh.text_frame.text for s in slides for sh in s.shapes
                            if sh.has_text_frame),
                          *(s.notes_slide.notes_text_frame.text for s in slides)])
        assert "$460,000" in said  # the cost model's defaults, as said
        assert REP_NOTE not in said and INTERNAL_CLAIM not in said


def test_without_the_option_there_is_no_deck_and_no_link(tmp_path: Path) -> None:
    site = _build(tmp_path, decks=False)
    assert not (site / "decks").exists()
    assert "pc-deck" not in (site / PITCH / "index.html").read_text()
