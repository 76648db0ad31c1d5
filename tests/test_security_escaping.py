"""Hostile text from content and git, judged in the client that reads each artifact: a feed in
feedparser, a deck in python-pptx, a pull-request comment in a GFM-like Markdown parser, a
workflow command by GitHub's own parsing rules.

Issue 29. Two classes: history never breaks a build (characters XML cannot hold, in a title
or a commit subject), and pull-request comments and CI annotations cannot be forged (file
names, card text and subjects escaped for the context they land in).
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from lxml import etree
from pptx import Presentation

from builders import BODY, FRONT, LEDGER, TAXONOMY, TODAY, ContentFolder
from change_repo import _git
from pitchcraft.changes.feeds import site_feeds
from pitchcraft.changes.history import content_history
from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.deck.slides import Deck, Slide
from pitchcraft.load import load_content
from test_check_findings import ERROR, assert_findings, edit, want, where

TITLE = "title: Late payers are a forecasting problem"
RETAIL_COO = ["--industry", "retail", "--problem", "late-cash", "--persona", "coo"]


def titled(raw_yaml_value: str) -> str:
    """The front matter with a title written as `raw_yaml_value` (quoted, with its escapes)."""
    return edit(FRONT, TITLE, f"title: {raw_yaml_value}")


# --- A. History never breaks a build ---------------------------------------------------------


def test_an_escaped_control_character_in_a_title_is_a_finding_at_the_value(folder):
    path = folder.card("card", front=titled('"Late payers \\a are a forecasting problem"'))
    assert_findings(folder.load(), want(
        path, where(path, '"Late payers'), ERROR, ("U+0007", "control character", "'title'"),
        ("delete it", "\\x07")))


def test_a_non_character_in_a_title_is_a_finding_at_the_value(folder):
    path = folder.card("card", front=titled('"Late payers \\uFFFE"'))
    assert_findings(folder.load(), want(
        path, where(path, '"Late payers'), ERROR, ("U+FFFE", "non-character", "'title'"),
        "\\uFFFE"))


def test_control_characters_in_the_body_are_found_at_their_line_and_column(folder):
    path = folder.card("card", body=edit(BODY, "Every day of DSO", "Every \x1b[2J day \x07of DSO"))
    assert_findings(folder.load(), want(
        path, where(path, "\x1b[2J"), ERROR, ("U+001B", "escape character", "1 more"),
        "delete it"))


def test_taxonomy_and_ledger_values_are_checked_too(folder):
    taxonomy = folder.write("taxonomy.yml", edit(TAXONOMY, "name: Retail", 'name: "Re\\x1btail"'))
    ledger = folder.write("evidence.yml", edit(LEDGER, "figure: 11.4 days",
                                               'figure: "11.4\\uFFFF days"'))
    folder.card("card")
    assert_findings(
        folder.load(),
        want(ledger, where(ledger, '"11.4'), ERROR, ("U+FFFF", "'evidence.0.figure'")),
        want(taxonomy, where(taxonomy, '"Re'), ERROR, ("U+001B", "'industries.0.name'")))


def test_tabs_and_line_breaks_are_not_findings(folder):
    folder.card("card", body=edit(BODY, "Every day of DSO", "Every\tday of DSO\r\n"))
    assert folder.load().findings == ()


@pytest.fixture
def hostile_history(tmp_path: Path) -> Path:
    """A repository whose last commit adds a card titled with U+FFFE and a bell, under a
    subject full of terminal escapes."""
    repo = tmp_path / "repo"
    content = ContentFolder(repo / "content")
    content.card("late-payers")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Late payers")
    content.card("hostile", front=titled('"Hostile \\uFFFE card \\a"').replace(
        "personas: [cfo, coo]", "personas: [coo]"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Red \x1b[31mflag\x1b[0m \x07 and \x7f done",
         when="2026-11-02T09:00:00+00:00")
    return repo / "content"


def test_feeds_are_written_and_parse_with_hostile_titles_and_subjects(hostile_history):
    log = content_history(hostile_history, TODAY, site_url="https://pitches.example.com/")
    feeds = dict(site_feeds(log, load_content(hostile_history, today=TODAY).taxonomy))
    for path, xml in feeds.items():
        etree.fromstring(xml.encode("utf-8"))  # well-formed XML, or this raises
        parsed = feedparser.parse(xml)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    entries = feedparser.parse(feeds["changes/feeds/all.xml"]).entries
    assert entries[0].title == "Red \ufffd[31mflag\ufffd[0m \ufffd and \ufffd done"
    assert "Hostile \ufffd card \ufffd: added" in entries[0].summary
    coo = feedparser.parse(feeds["changes/feeds/persona-coo.xml"]).entries
    assert coo[0].title.startswith("Red \ufffd")


def test_a_deck_is_written_for_titles_and_notes_with_a_non_character(tmp_path):
    """`check` refuses such a card, so the CLI never gets here; the site's decks and any
    caller of the writer still must not crash on it."""
    hostile = "Late payers \ufffe are \x1b[1m late \ud800"
    deck = Deck("hostile", (Slide("title", hostile, (hostile, "For the COO"), hostile),
                            Slide("step", "Reframe", (hostile,), hostile)))
    target = tmp_path / "deck.pptx"
    write_deck(deck, target, author="Dana \x07Smith")
    opened = Presentation(str(target))  # python-pptx parses every part again
    shown = "Late payers \ufffd are \ufffd[1m late \ufffd"
    assert opened.slides[0].shapes.title.text == shown
    assert opened.core_properties.title == shown
    assert opened.core_properties.author == "Dana \ufffdSmith"
    assert opened.slides[1].notes_slide.notes_text_frame.text == shown
    assert shown in [p.text for s in opened.slides[1].shapes if s.has_text_frame
                     for p in s.text_frame.paragraphs]
