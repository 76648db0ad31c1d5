"""`check` findings for hostile or pathological cards, in the style of test_check_findings.py:
real files, the whole list of findings, lines located by the text the author would look for.

Covers what a contributor could slip in (one-line handlers, `javascript:` in every link form,
names the site's scripts read), inputs that once crashed or hung a build, and Markdown that a
line-by-line reader misjudged (fences, indented code, reference links).
"""

from __future__ import annotations

import os

import pytest

from builders import BODY, FRONT
from findings import ERROR, assert_findings, edit, line_of, want, where, write_card

HANDLER = "inline event handler"


def body_with(text: str) -> str:
    return edit(BODY, "Every day of DSO ties up cash.", f"Every day of DSO ties up cash.\n\n{text}")


# --- Markdown read by a parser ----------------------------------------------------------------


def test_a_long_fence_holding_a_short_one_makes_no_section(folder):
    example = "````markdown\n```\n## Objections\n```\n````"
    path = write_card(folder, body=edit(BODY, "## Objections\n### We already have a collections"
                                        " team.\nThey chase after the fact; prediction works"
                                        " before it.\n", "") + "\n" + "## Objections\n"
                      "### Too dear.\nIt pays for itself.\n")
    path.write_text(path.read_text().replace("## A new way\n", f"## A new way\n{example}\n", 1))
    content = folder.load()
    assert_findings(content)
    card = content.cards[0]
    assert "## Objections" in card.sections["A new way"].text
    assert [o.objection for o in card.objections] == ["Too dear."]


@pytest.mark.parametrize("code", [
    "```html\n<script>shown()</script>\n```",
    "````\n```\n<script>shown()</script>\n````",
    "    <script>indented()</script>",
    "~~~\n<img src=x onerror=shown()>\n~~~",
])
def test_html_inside_code_blocks_is_shown_as_text_and_not_flagged(folder, code):
    write_card(folder, body=body_with(code))
    assert_findings(folder.load())


def test_html_after_a_closed_long_fence_is_flagged(folder):
    path = write_card(folder, body=body_with("````\n```\n````\n\n<script>run()</script>"))
    assert_findings(folder.load(), want(path, where(path, "<script>run"), ERROR,
                                        "raw <script> in a card"))


# --- one-line handlers and javascript: in every form --------------------------------------------


@pytest.mark.parametrize(("snippet", "needle", "says"), [
    ("A <svg/onload=alert(1)> chart.", "onload", f"{HANDLER} 'onload='"),
    ('A <img src="x"/onerror=alert(1)> chart.', "onerror", f"{HANDLER} 'onerror='"),
    ('A paragraph.\n{: onclick="alert(1)" }', "onclick", f"{HANDLER} 'onclick='"),
    ("See [the calc](<javascript:alert(1)>).", "javascript", "'javascript:' link"),
    ("See <javascript:alert(1)>.", "javascript", "'javascript:' link"),
    ("See [the calc][a].\n\n[a]: javascript:alert(1)", "javascript", "'javascript:' link"),
    ("[r]: javascript:alert(1)", "javascript", "'javascript:' link"),
    ("See [x](JaVaScRiPt:alert(1)).", "javascript", "'javascript:' link"),
    ('A <a href="data:text/html,x">link</a>.', "data", "'data:' link"),
])
def test_handlers_and_script_links_written_on_one_line(folder, snippet, needle, says):
    path = write_card(folder, body=body_with(snippet))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1)
                if needle in text.lower())
    col = path.read_text().splitlines()[line - 1].lower().index(needle) + 1
    assert_findings(folder.load(), want(path, (line, col), ERROR, (says, "in a card"),
                                        "never run code"))


@pytest.mark.parametrize(("snippet", "needle", "says"), [
    ('<div id="__config">{}</div>', "__config", "id '__config'"),
    ("### Notes {: #__search }", "__search", "id '__search'"),
    ('<span data-pc-finder-data="x">y</span>', "data-pc-finder-data", "'data-pc-finder-data'"),
    ('<a name="finder">x</a>', "finder", "name 'finder'"),
])
def test_names_the_site_scripts_read_are_refused(folder, snippet, needle, says):
    path = write_card(folder, body=body_with(snippet))
    assert_findings(folder.load(), want(path, where(path, needle), ERROR, says,
                                        "site's scripts read"))


@pytest.mark.parametrize("field", ["title", "summary", "owner"])
def test_every_front_matter_field_is_checked_with_its_line(folder, field):
    payload = '"x\\"><svg/onload=alert(1)>"'
    front = "\n".join(line for line in FRONT.splitlines()
                      if not line.startswith(f"{field}:")) + f"\n{field}: {payload}\n"
    path = write_card(folder, front=front)
    assert_findings(folder.load(), want(path, where(path, payload), ERROR,
                                        f"{HANDLER} 'onload=' in '{field}'"))


def test_tags_and_differentiation_are_checked(folder):
    front = edit(FRONT, "tags: [cash]", 'tags: [cash, "<img src=x onerror=alert(1)>"]')
    front = edit(front, "value: Cash arrives a month earlier than today.",
                 "value: 'Cash sooner, as [go](javascript:alert(2)) shows the buyer'")
    path = write_card(folder, front=front)
    assert_findings(
        folder.load(),
        want(path, line_of(path, "javascript:alert(2)"), ERROR,
             "'javascript:' link in 'differentiation.value'"),
        want(path, line_of(path, "tags:"), ERROR, f"{HANDLER} 'onerror=' in 'tags.1'"),
    )


def test_taxonomy_and_ledger_fields_are_checked(folder):
    taxonomy = folder.root / "taxonomy.yml"
    taxonomy.write_text(edit(taxonomy.read_text(), "name: Testco\n",
                             'name: "Testco\\"><svg onload=alert(1)>"\n').replace(
        "description: Shops.", "description: <script>alert(2)</script>"))
    ledger = folder.root / "evidence.yml"
    ledger.write_text(edit(ledger.read_text(), "claim: Distributors collect",
                           "claim: <img src=x onerror=alert(3)> Distributors collect"))
    write_card(folder)
    assert_findings(
        folder.load(),
        want(ledger, line_of(ledger, "onerror"), ERROR, f"{HANDLER} 'onerror=' in"),
        want(taxonomy, line_of(taxonomy, "<script>"), ERROR,
             "raw <script> in 'industries.0.description'"),
        want(taxonomy, line_of(taxonomy, "onload"), ERROR,
             f"{HANDLER} 'onload=' in 'company.name'"),
    )


# --- bounded work on any input ------------------------------------------------------------------


def test_deeply_nested_lists_are_a_finding_not_a_crash(folder):
    nested = "".join("  " * depth + "- x\n" for depth in range(800))
    path = write_card(folder, body=body_with(nested))
    content = folder.load()
    assert [(f.path, f.severity, f.message.split(" (")[0]) for f in content.findings] == [
        (path.as_posix(), ERROR, "Markdown nested too deep")]
    assert content.findings[0].line > line_of(path, "Every day of DSO")


def test_a_very_long_line_is_a_finding_and_checked_in_linear_time(folder):
    path = write_card(folder, body=body_with("<a " * 60_000))
    # The scan reads each character once; the old line scan took close to a minute here.
    assert_findings(folder.load(), want(path, line_of(path, "<a <a"), ERROR,
                                  "line is 180,000 characters long"))


def test_a_fifo_named_like_a_card_is_a_finding_not_a_hang(folder):
    write_card(folder)
    fifo = folder.root / "insights" / "pipe.md"
    os.mkfifo(fifo)
    assert_findings(folder.load(), want(fifo, 1, ERROR, "not a regular file"))


def test_a_card_larger_than_a_megabyte_is_a_finding(folder):
    path = write_card(folder, body=BODY + ("Words and more words.\n" * 50_000))
    assert_findings(folder.load(), want(path, 1, ERROR, "at most 1,000,000"))


# --- names that cannot be a page, and pages that would collide ---------------------------------


@pytest.mark.parametrize("name", ["#hash", "q?x", "%2e%2e", "Late Payers"])
def test_a_file_name_that_cannot_be_a_card_id_is_a_finding(folder, name):
    path = write_card(folder, name=name)
    assert_findings(folder.load(), want(path, 1, ERROR, f"file name '{name}' cannot be a card id",
                                        "or set 'id:'"))


def test_an_odd_file_name_is_fine_with_an_id_in_the_front_matter(folder):
    write_card(folder, name="q?x", front="id: late-payers\n" + FRONT)
    assert_findings(folder.load())


def test_a_file_name_that_is_not_utf8_is_a_finding_not_a_crash(folder):
    write_card(folder)
    bad = folder.root / "insights" / os.fsdecode(b"caf\xe9.md")
    bad.write_text((folder.root / "insights/card.md").read_text())
    content = folder.load()
    assert [(f.path, f.message) for f in content.findings] == [
        ((folder.root / "insights").as_posix() + "/caf\ufffd.md", "file name is not UTF-8 text")]


def test_a_taxonomy_id_that_would_replace_a_listing_page(folder):
    taxonomy = folder.root / "taxonomy.yml"
    taxonomy.write_text(edit(taxonomy.read_text(), "id: logistics", "id: index"))
    write_card(folder)
    assert_findings(folder.load(), want(taxonomy, line_of(taxonomy, "id: index"), ERROR,
                                        "industry id 'index' is the name of a listing page"))


def test_two_pitches_that_would_share_a_page(folder):
    taxonomy = folder.root / "taxonomy.yml"
    text = edit(taxonomy.read_text(), "id: retail", "id: a--b")
    text = edit(text, "id: logistics", "id: a")
    text = edit(text, "  - id: late-cash\n", "  - id: c\n    name: C\n    description: C.\n"
                "    symptoms: [C.]\n  - id: b--c\n")
    taxonomy.write_text(text)
    write_card(folder, front=FRONT.replace("[retail]", "[a]").replace("[late-cash]", "[b--c]"))
    assert_findings(folder.load(), want(
        taxonomy, line_of(taxonomy, "id: b--c"), ERROR,
        ("same page as 'a--b' and 'c'", "a--b--c"), "avoid '--'"))


def test_deeply_nested_notes_are_a_finding_not_a_crash(folder):
    nested = "".join("    " * depth + "!!! rep\n" for depth in range(400))
    path = write_card(folder, body=body_with(nested + "    " * 400 + "Held back.\n"))
    content = folder.load()
    assert [(f.path, f.severity, f.message.split(" (")[0]) for f in content.findings] == [
        (path.as_posix(), ERROR, "Markdown nested too deep")]
    assert content.findings[0].line == line_of(path, "Every day of DSO") + 2 + 21  # level 21


@pytest.mark.parametrize("note", [
    "Held back from the buyer.\n{ .rep }",
    '<div class="rep">Held back from the buyer.</div>',
    '<div class="&#114;ep" markdown>\n\nHeld back from the buyer.\n\n</div>',
], ids=["paragraph class", "raw html", "raw html with an entity"])
def test_a_note_not_written_as_an_admonition_is_an_error(folder, note):
    path = write_card(folder, body=body_with(note))
    assert_findings(folder.load(), want(
        path, line_of(path, note.split("\n")[0]) + ("{ .rep }" in note), ERROR,
        "rep-only note is not an admonition"))
