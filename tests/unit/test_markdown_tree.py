"""The card parse leaves setext headings out (`===` / `---` underlines).

Authors write `##` headings, so an underlined line was never a section; what the checks read
(sections, text lines, unsafe HTML, link definitions) must be the same as with the full
CommonMark parser. The one difference is a fix: a rep note right above a `---` line is a note,
as the site's renderer shows it, and no longer reaches the buyer.
"""

from __future__ import annotations

from dataclasses import replace

import markdown
import pytest
from markdown_it import MarkdownIt

from pitchcraft.load.html_policy import unsafe_html
from pitchcraft.load.markdown_tree import MAX_NESTING, Tree, parse_markdown, top_headings
from pitchcraft.load.rep_notes import buyer_text, notes_in
from pitchcraft.load.sections import parse_body

UNDERLINED = [
    "## Reframe\n\nSetext title\n===\n\nText after.\n",
    "## Reframe\n\nTwo lines\nof title\n---\n\nText.\n",
    "## Reframe\n\nCosts $40 million <script>alert(1)</script>\n---\n",
    "## Reframe\n\n[x][a] and <b>bold</b>\n===\n\n[a]: javascript:alert(1)\n",
    "## Reframe\n\n> quoted text\n---\n",
    "## Reframe\n\n- item\n  continued\n  ---\n- next\n  ===\n",
    "## Reframe\n\n    indented code\n---\n",
    "Loose title\n===\n\n## Reframe\n\nText.\n",
    "## Reframe\n\n### For: cfo\nnot a heading\n---\nText.\n",
    "## Objections\n\n### Why now?\n\nBecause.\n===\n",
    "## Reframe\n\n<div>\nblock\n</div>\n---\n",
]


def _full_commonmark(text: str) -> Tree:
    """The same parse with every CommonMark block rule, setext headings included."""
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).disable("inline")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    env: dict = {}
    return replace(parse_markdown(text), tokens=parser.parse(text, env), env=env)


def _spoken_lines(tree: Tree) -> list[tuple[int, str]]:
    """Each line of inline text with its line, as the weak-card checks read it; a line of
    only `=` is what an underline leaves in the paragraph, and names nothing."""
    return [(token.map[0] + offset, line)
            for token in tree.tokens if token.type == "inline" and token.map
            for offset, line in enumerate(token.content.split("\n"))
            if line.strip("= ") or not line.strip()]


@pytest.mark.parametrize("text", UNDERLINED)
def test_underlined_lines_read_the_same_as_with_setext_headings(text):
    ours, full = parse_markdown(text), _full_commonmark(text)
    assert top_headings(ours) == top_headings(full)
    assert parse_body(text, 1, "card.md", ours) == parse_body(text, 1, "card.md", full)
    assert _spoken_lines(ours) == _spoken_lines(full)
    assert unsafe_html(text, "card.md", 1, ours) == unsafe_html(text, "card.md", 1, full)
    assert ours.references == full.references
    assert notes_in(ours) == notes_in(full)


def test_a_rep_note_above_a_rule_is_kept_from_the_buyer():
    text = "Intro.\n\n!!! rep \"Rep only\"\n    We can discount up to 18 percent.\n---\n"
    site = markdown.markdown(text, extensions=["admonition"])
    assert 'class="admonition rep"' in site and "18 percent" in site  # what the site shows
    assert "18 percent" not in buyer_text(text)
    assert [note.text for note in notes_in(parse_markdown(text))] == [
        "We can discount up to 18 percent."]
