"""Rep-only notes: the team sees them as a "For the rep" box; the buyer never sees or hears them.

Given a public demo card with notes in its general text, in a persona variant and in an
objection answer: the public builds (Material search and Pagefind) hold none of their words in
any byte, the internal site shows them styled and findable by its search, printing a pitch
drops them, and neither talk time nor the spoken terminal pitch includes them.
"""

from __future__ import annotations

import gzip
import html
import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from click.testing import CliRunner
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from builders import BODY, TODAY, site_project
from findings import edit
from judges import WCAG_21_AA
from pitchcraft.cli import main
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.pitch.rep_notes import buyer_text, split_notes
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
    texts = {}
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            if file.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            texts[file.relative_to(site).as_posix()] = html.unescape(raw.decode("utf-8", "replace"))
    return texts


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


def test_a_note_is_parsed_not_scanned():
    text = ("Said aloud.\n\n!!! rep \"Rep only\"\n    First.\n\n    Second.\n\n"
            "```\n!!! rep \"In code\"\n    stays\n```\n\nAlso said.")
    split = split_notes(text)
    assert [n.text for n in split.notes] == ["First.\n\nSecond."]
    assert split.buyer == "Said aloud.\n\n```\n!!! rep \"In code\"\n    stays\n```\n\nAlso said."
    assert buyer_text("No notes here.") == "No notes here."


def test_notes_are_not_talk_time_and_the_printed_pitch_sets_them_apart(folder):
    note = "We can discount up to 18 percent before legal review, never in writing."
    plain_card = folder.card("card")
    buyer = Combination("retail", "late-cash", "cfo")
    before = compose_pitch(folder.load(), buyer, TODAY)
    body = edit(BODY, "Every day of DSO ties up cash.\n",
                f'Every day of DSO ties up cash.\n\n!!! rep "Rep only"\n    {note}\n')
    folder.card("card", body=body)
    after = compose_pitch(folder.load(), buyer, TODAY)
    assert before is not None and after is not None
    assert note in after.cost_of_inaction.text
    assert after.cost_of_inaction.words == before.cost_of_inaction.words
    assert after.minutes == before.minutes

    args = ["pitch", "--industry", "retail", "--problem", "late-cash", "--persona", "cfo",
            str(plain_card.parent.parent)]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    spoken, _, rest = shown.output.partition("+-- FOR THE REP, NOT TO BE READ ALOUD")
    assert "Every day of DSO ties up cash." in spoken and "discount" not in spoken
    box = rest.split("\n+---")[0]
    assert "| We can discount up to 18 percent before legal review" in box
    assert "!!!" not in shown.output

    markdown = CliRunner().invoke(main, [*args[:-1], "--format", "md", args[-1]])
    assert markdown.exit_code == 0, markdown.output
    quote = "> **For the rep, not to be read aloud:**\n>\n> We can discount up to 18 percent"
    assert quote in markdown.output and "!!!" not in markdown.output
