"""Rep-only notes in any container: the team sees a "For the rep" box, the buyer never sees them.

Given a public card whose notes sit in a quote, a content tab, a `<div markdown>`, an
admonition with a second class, an admonition inside another and a collapsible block (with a
heading, which must not reach the page's table of contents either), each holding a word found
nowhere else: the public site (its pages and its Pagefind index) holds
none of those words in any byte, nor does any deck the internal site offers, nor the spoken
text of `pitchcraft pitch` (Markdown or terminal); the internal site shows each note as a rep
box where it was written. One public and one internal build serve every test.
"""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from pptx import Presentation

from builders import FRONT, TODAY, ContentFolder, site_project
from pitchcraft.cli import main
from pitchcraft.deck.slides import build_deck
from pitchcraft.load import load_content
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.pitch.rep_notes import buyer_text, split_notes
from pitchcraft.render.terminal_text import text_lines
from site_server import mkdocs_build

MARKERS = {
    "quote": "quotenotezqx",
    "tab": "tabnotezqx",
    "md_in_html": "divnotezqx",
    "extra class": "extraclassnotezqx",
    "nested admonition": "nestednotezqx",
    "collapsible": "foldnotezqx",
}

BODY = f"""\
## Reframe
Late payment is a forecast you are not making.

> Finance teams say the same thing.
>
> !!! rep "Rep only"
>     Ask who owns the forecast, then {MARKERS["quote"]} wait.

### For: cfo
Your forecast misses because late payment is treated as noise.

## Rational drowning
Distributors collect 11.4 days after terms.

=== "In the ledger"

    The ledger shows it every month.

    !!! rep
        Say the ledger words, {MARKERS["tab"]} never the name.

=== "In the forecast"

    The forecast shows it every quarter.

## Cost of doing nothing
Every day of DSO ties up cash.

<div markdown>
Cash waits in the receivables.

!!! rep
    The controller here is new, {MARKERS["md_in_html"]} be gentle.
</div>

## Emotional impact
A regional distributor missed payroll.

!!! warning rep
    Do not name the distributor, {MARKERS["extra class"]} it is a customer.

## A new way
Predict who will pay late before the invoice goes out.

!!! note "Think of it this way"
    A forecast you can act on.

    !!! rep
        Pause here, {MARKERS["nested admonition"]} let them answer.

## Our solution
Predictive dunning ranks invoices by risk.

??? rep "Pricing"
    #### The floor, {MARKERS["collapsible"]}

    Discount up to a fifth, {MARKERS["collapsible"]} never in writing.

## Discovery questions
- How do you forecast cash today?

## Objections
### We already have a collections team.
They chase after the fact; prediction works before it.
"""

CARD = "cards/card/index.html"
BUYER = Combination("retail", "late-cash", "cfo")


def _leaks(text: str) -> list[str]:
    return [name for name, word in MARKERS.items() if word in text]


def _all_text(site: Path) -> dict[str, str]:
    """Every file of a built site as text, compressed ones (Pagefind's) decompressed."""
    texts = {}
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            if file.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            if file.suffix == ".pptx":
                raw = _deck_text(file).encode()
            texts[file.relative_to(site).as_posix()] = html.unescape(raw.decode("utf-8", "replace"))
    return texts


def _deck_text(path: Path) -> str:
    deck = Presentation(str(path))
    return "\n".join([*(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                        if shape.has_text_frame),
                      *(slide.notes_slide.notes_text_frame.text for slide in deck.slides)])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rep-note-containers")
    folder = ContentFolder(root / "content")
    folder.card("card", front=FRONT + "audience: public\n", body=BODY)
    project = site_project(root, folder.root)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - pitchcraft:\n", "  - pitchcraft:\n      decks: true\n"))
    notes = "\n\n".join(HTML_NOTES.values())  # a page of the site's own, in raw HTML
    (project / "docs" / "raw-notes.md").write_text(
        f"# Raw notes\n\nSaid first.\n\n{notes}\n\nAlso said last.\n")
    return project


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
    return sites


def test_no_note_reaches_the_public_page_or_its_search_index(builds):
    texts = _all_text(builds["public"])
    page = texts[CARD]
    assert "Predictive dunning ranks invoices by risk." in page  # the card is published
    assert "The ledger shows it every month." in page and "A forecast you can act on." in page
    assert any(p.startswith("pagefind/fragment/") for p in texts)
    assert _leaks(page) == []
    fragments = "".join(t for p, t in texts.items() if p.startswith("pagefind/"))
    assert "Predictive dunning" in fragments and _leaks(fragments) == []
    leaks = {path: _leaks(text) for path, text in texts.items() if _leaks(text)}
    assert leaks == {}
    assert 'class="admonition rep' not in page and 'details class="rep' not in page


def test_the_internal_site_shows_each_note_as_a_rep_box(builds):
    page = lxml_html.fromstring(_all_text(builds["internal"])[CARD])
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
        assert _leaks(said) == []


def test_the_markdown_one_pager_sets_every_note_apart(project):
    args = ["pitch", "--industry", "retail", "--problem", "late-cash", "--persona", "cfo",
            "--format", "md", str(project / "content")]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    marked = "> **For the rep, not to be read aloud:**"
    spoken = _without_marked_quotes(shown.output)
    assert "Predictive dunning ranks invoices by risk." in spoken
    assert _leaks(spoken) == []
    assert "!!! rep" not in shown.output and "??? rep" not in shown.output
    assert "warning rep" not in shown.output
    assert shown.output.count(marked) >= len(MARKERS) - 1  # the tab's note: one persona's


def _without_marked_quotes(text: str) -> str:
    """The one-pager without the "For the rep" quotes, wherever they are indented or quoted."""
    lines = text.split("\n")
    kept, depth = [], None
    for line in lines:
        opening = re.match(r"^((?:[ \t]*>[ ]?)*[ \t]*)> \*\*For the rep", line)
        if opening:
            depth = opening[1]
            continue
        if depth is not None and line.startswith(depth + ">"):
            continue
        depth = None
        kept.append(line)
    return "\n".join(kept)


def test_text_outputs_hold_no_note(project):
    root = project / "content"
    pitch = compose_pitch(load_content(root, today=TODAY), BUYER, TODAY)
    assert pitch is not None
    deck = build_deck(pitch, "Testco")
    said = "\n".join(" ".join((s.title, *s.lines, s.notes)) for s in deck.slides)
    assert "Predictive dunning ranks invoices by risk." in said and _leaks(said) == []
    for part in (*pitch.steps, pitch.cost_of_inaction, pitch.next_step):
        assert _leaks(buyer_text(part.text)) == []
        assert _leaks(" ".join(text_lines(buyer_text(part.text)))) == []
    shown = CliRunner().invoke(main, ["pitch", "--industry", "retail", "--problem",
                                      "late-cash", "--persona", "cfo", str(root)])
    assert shown.exit_code == 0, shown.output
    spoken = shown.output.split("+-- FOR THE REP, NOT TO BE READ ALOUD")[0]
    assert _leaks(spoken) == []


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
    from pitchcraft.pitch.rep_notes import text_markdown  # new with the rule: others run on

    md, _ = text_markdown(drop=True)
    page = md.reset().convert(
        'Said.\n\n<div class="admonition rep"><p>zqsecret</p><div>zqsecret</div></div>\n\n'
        'Held back zqsecret.\n{ .rep }\n\n'
        'Said <span class="note rep">zqsecret</span> aloud.\n\n'
        '!!! rep\n    ## A heading zqsecret\n\nAlso said.')
    assert "zqsecret" not in page
    assert "Said." in page and "Said  aloud." in page and "Also said." in page


# --- raw HTML read as a browser reads it ----------------------------------------------------------

HTML_NOTES = {
    "duplicate class": '<div class="rep" class="x">zqdupsecret</div>',
    "entity in the class": '<div class="&#114;ep">zqentsecret</div>',
    "self-closing div": '<div class="rep"/>zqselfsecret</div>',
    "textarea": '<div class="rep"><textarea></div></textarea>zqtextareasecret</div>',
    "title": '<div class="rep"><title></div></title>zqtitlesecret</div>',
    "xmp": '<div class="rep"><xmp></div></xmp>zqxmpsecret</div>',
    "noscript": '<div class="rep"><noscript></div></noscript>zqnoscriptsecret</div>',
    "style": '<div class="rep"><style></div></style>zqstylesecret</div>',
}


def _browser_text(page: str) -> str:
    """The words a browser shows of `page` once the site's sanitiser has cleaned it: both parse
    HTML as browsers do (html5ever)."""
    import nh3

    from pitchcraft.render.sanitize import clean_html

    return html.unescape(nh3.clean(clean_html(page), tags=set()))


@pytest.mark.parametrize("site", ["public", "public-material"])
def test_no_raw_html_note_reaches_a_public_page_or_either_search_index(builds, site):
    texts = _all_text(builds[site])
    assert "Also said last." in texts["raw-notes/index.html"]
    index = "".join(text for path, text in texts.items()
                    if path.startswith(("pagefind/fragment/", "search/search_index")))
    assert "Also said last." in index
    leaks = {path: re.findall(r"zq\w+secret", text) for path, text in texts.items()}
    assert {path: words for path, words in leaks.items() if words} == {}


@pytest.mark.parametrize("note", HTML_NOTES.values(), ids=HTML_NOTES.keys())
def test_the_public_renderer_reads_a_raw_html_note_as_a_browser_does(note):
    import markdown

    from pitchcraft.pitch.rep_notes import RepNotes
    from pitchcraft.site_config import EXTENSIONS

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
