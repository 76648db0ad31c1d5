"""Rep-only notes in any container never reach the buyer's text.

Given a public card whose notes sit in a quote, a content tab, a `<div markdown>`, an
admonition with a second class, an admonition inside another and a collapsible block, each
holding a word found nowhere else: the spoken text of `pitchcraft pitch` (Markdown or
terminal) and the deck hold none of those words. The built sites:
tests/integration/test_security_rep_notes_builds.py.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import TODAY
from pitchcraft.cli import main
from pitchcraft.deck.slides import build_deck
from pitchcraft.load import load_content
from pitchcraft.load.rep_notes import buyer_text, split_notes
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.render.terminal_text import text_lines
from rep_note_containers import HTML_NOTES, leaked, notes_project

BUYER = Combination("retail", "late-cash", "cfo")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return notes_project(tmp_path_factory.mktemp("rep-note-containers"))


def test_the_markdown_one_pager_holds_no_note_in_any_container(project):
    args = ["pitch", "--industry", "retail", "--problem", "late-cash", "--persona", "cfo",
            "--format", "md", str(project / "content")]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    assert "Predictive dunning ranks invoices by risk." in shown.output
    assert leaked(shown.output) == [] and "For the rep" not in shown.output
    assert "!!! rep" not in shown.output and "??? rep" not in shown.output
    assert "warning rep" not in shown.output


def test_text_outputs_hold_no_note(project):
    root = project / "content"
    pitch = compose_pitch(load_content(root, today=TODAY), BUYER, TODAY)
    assert pitch is not None
    deck = build_deck(pitch, "Testco")
    said = "\n".join(" ".join((s.title, *s.lines, s.notes)) for s in deck.slides)
    assert "Predictive dunning ranks invoices by risk." in said and leaked(said) == []
    for part in (*pitch.steps, pitch.cost_of_inaction, pitch.next_step):
        assert leaked(buyer_text(part.text)) == []
        assert leaked(" ".join(text_lines(buyer_text(part.text)))) == []
    shown = CliRunner().invoke(main, ["pitch", "--industry", "retail", "--problem",
                                      "late-cash", "--persona", "cfo", str(root)])
    assert shown.exit_code == 0, shown.output
    spoken = shown.output.split("+-- FOR THE REP, NOT TO BE READ ALOUD")[0]
    assert leaked(spoken) == []


@pytest.mark.parametrize("markdown", [
    "Said.\n\nHeld back zqsecret.\n{ .rep }\n\nAlso said.",
    'Said.\n\n<div class="admonition rep"><p>zqsecret</p></div>\n\nAlso said.',
    'Said <span class="rep">zqsecret</span> aloud.\n\nAlso said.',
    "Said.\n\n- item\n\n    > !!! note rep\n    >     zqsecret\n\nAlso said.",
])
def test_a_note_the_source_cannot_cut_still_never_reaches_the_buyer(markdown):
    split = split_notes(markdown)
    assert "zqsecret" not in split.buyer
    assert "Said" in split.buyer and "Also said" in split.buyer
    assert "zqsecret" not in " ".join(text_lines(split.buyer))


def test_a_rep_opening_in_code_is_text_in_every_container():
    markdown = ('=== "Tab"\n\n    ```\n    !!! rep\n        shown as code\n    ```\n\n'
                '> ```\n> ??? rep\n>     also code\n> ```\n')
    split = split_notes(markdown)
    assert split.notes == () and split.buyer == markdown


def test_the_public_renderer_drops_notes_written_as_html_or_attributes():
    from pitchcraft.load.note_render import text_markdown  # new with the rule: others run on

    md, _ = text_markdown(drop=True)
    page = md.reset().convert(
        'Said.\n\n<div class="admonition rep"><p>zqsecret</p><div>zqsecret</div></div>\n\n'
        'Held back zqsecret.\n{ .rep }\n\n'
        'Said <span class="note rep">zqsecret</span> aloud.\n\n'
        '!!! rep\n    ## A heading zqsecret\n\nAlso said.')
    assert "zqsecret" not in page
    assert "Said." in page and "Said  aloud." in page and "Also said." in page


# --- raw HTML read as a browser reads it ----------------------------------------------------------


def _browser_text(page: str) -> str:
    """The words a browser shows of `page` once the site's sanitiser has cleaned it: both parse
    HTML as browsers do (html5ever)."""
    import nh3

    from pitchcraft.site.sanitize import clean_html

    return html.unescape(nh3.clean(clean_html(page), tags=set()))


@pytest.mark.parametrize("note", HTML_NOTES.values(), ids=HTML_NOTES.keys())
def test_the_public_renderer_reads_a_raw_html_note_as_a_browser_does(note):
    import markdown

    from pitchcraft.load.note_html import RepNotes
    from pitchcraft.site.config import EXTENSIONS

    md = markdown.Markdown(extensions=[*EXTENSIONS, RepNotes(drop=True)],  # as `page_setup`
                           extension_configs={k: v for k, v in EXTENSIONS.items() if v})
    page = md.convert(f"Said.\n\n{note}\n\nAlso said.\n")
    shown = _browser_text(page)
    assert "zq" not in shown and "zq" not in page
    assert "Said." in shown and "Also said." in shown


# --- text surfaces read with every block extension a site may enable ------------------------------

@pytest.mark.parametrize("markdown", [
    "Claim.[^1]\n\n[^1]:\n    !!! rep\n        zqfootnotesecret\n\nAlso said.",
    '<div class="r&#101;p" markdown>\n\nzqentitysecret\n\n</div>\n\nAlso said.',
    '/// admonition | Pricing\n    type: rep\n\nzqblocksecret\n///\n\nAlso said.',
    '/// html | div.rep\n\nzqhtmlblocksecret\n///\n\nAlso said.',
], ids=["footnote", "entity in md_in_html", "blocks admonition", "blocks html"])
def test_text_surfaces_drop_a_note_any_site_could_render(markdown):
    said = buyer_text(markdown)
    assert "zq" not in said and "Also said" in said
    assert "zq" not in " ".join(text_lines(said))


def test_a_note_nested_past_the_renderers_stack_is_never_said():
    nested = "".join("    " * depth + "!!! rep\n" for depth in range(400))
    split = split_notes("Said.\n\n" + nested + "    " * 400 + "zqdeepsecret\n")
    assert "zqdeepsecret" not in split.buyer and not split.exact
