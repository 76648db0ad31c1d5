"""Pitchcraft's page extension does in any engine's Markdown what the plugin does in MkDocs:
a generated page's card text is cleaned, links to pages the build leaves out become text, and
the team's own pages keep their HTML."""

from __future__ import annotations

import markdown

from pitchcraft.site.page_extension import MARK_PREFIX, marked, page_url

PUBLIC_GROUPS = ["cards", "industries", "problems", "personas"]


def _html(path: str, text: str, generated: bool, groups=PUBLIC_GROUPS, docs=()) -> str:
    md = markdown.Markdown(extensions=["md_in_html", "pitchcraft.site.page_extension"],
                           extension_configs={"pitchcraft.site.page_extension": {
                               "groups": list(groups), "docs": list(docs)}})
    return md.convert(marked(path, text, generated))


def test_a_generated_pages_card_text_is_cleaned():
    html = _html("cards/x.md", 'Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>',
                 generated=True)
    assert "onerror" not in html and "<script" not in html and "Hi" in html


def test_a_teams_own_page_keeps_its_html():
    html = _html("guide.md", '<kbd onclick="go()">K</kbd>', generated=False)
    assert 'onclick="go()"' in html


def test_links_to_left_out_pages_become_text_in_markdown_and_raw_html():
    text = ("See [the pitch](../pitches/a--b.md) and [the card](y.md) and "
            '<a href="../../pitches/a--b/">raw</a>.')
    html = _html("cards/x.md", text, generated=True)
    assert "the pitch" in html and 'href="../pitches/a--b.md"' not in html
    assert 'href="y.md"' in html
    guide = _html("guides/g.md", text.replace("../pitches", "../pitches"), generated=False)
    assert 'href="../../pitches/a--b/"' not in guide and "raw" in guide


def test_the_mark_goes_after_front_matter_and_never_reaches_the_page():
    text = marked("cards/x.md", "---\ntitle: X\n---\nBody\n", generated=True)
    assert text.startswith("---\ntitle: X\n---\n" + MARK_PREFIX)
    assert MARK_PREFIX not in _html("cards/x.md", "Body", generated=True)


def test_a_page_without_a_mark_is_left_alone():
    md = markdown.Markdown(extensions=["pitchcraft.site.page_extension"])
    assert "onclick" in md.convert('<b onclick="x()">B</b>')


def test_page_addresses_follow_directory_urls():
    assert [page_url(p) for p in ("index.md", "cards/x.md", "cards/index.md")] == [
        "", "cards/x/", "cards/"]
