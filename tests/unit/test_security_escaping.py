"""Hostile text from content, judged in the client that reads each artifact: a deck in
python-pptx, a pull-request comment in a GFM-like Markdown parser, a workflow command by
GitHub's own parsing rules.

Issue 29. Characters XML cannot hold are findings at their line and column, and CI
annotations cannot be forged (file names and messages escaped for the context they land in).
The same stories through git history: tests/integration/test_security_escaping_history.py.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from pptx import Presentation

from builders import BODY, FRONT, LEDGER, TAXONOMY, ContentFolder, card_text
from findings import ERROR, assert_findings, edit, want, where
from hostile_text import FORGED_NAME, structure, titled
from pitchcraft.changes.report import MARKER
from pitchcraft.cli import main
from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.deck.slides import Deck, Slide

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


def test_a_deck_is_written_for_titles_and_notes_with_a_non_character(tmp_path):
    """`check` refuses such a card, so the CLI never gets here; the site's decks and any
    caller of the writer still must not crash on it."""
    hostile = "Late payers \ufffe are \x1b[1m late \ud800"
    deck = Deck("hostile", (Slide("title", hostile, (hostile, "For the COO"), hostile),
                            Slide("step", "Reframe", (hostile,), hostile)), title=hostile)
    target = tmp_path / "deck.pptx"
    write_deck(deck, target, author="Dana \x07Smith")
    opened = Presentation(str(target))  # python-pptx parses every part again
    shown = "Late payers \ufffd are \ufffd[1m late \ufffd"
    assert opened.slides[0].shapes.title.text == shown
    assert opened.core_properties.title == f"{shown} (presenter copy)"
    assert opened.core_properties.author == "Dana \ufffdSmith"
    assert opened.slides[1].notes_slide.notes_text_frame.text == shown
    assert shown in [p.text for s in opened.slides[1].shapes if s.has_text_frame
                     for p in s.text_frame.paragraphs]


# --- B. Pull-request comments and CI annotations cannot be forged ----------------------------


"""All the raw HTML the comment template writes; any other comes from the pull request."""


def check_github(folder: ContentFolder) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--format", "github", str(folder.root)])
    return result.output.split("\n")  # the runner reads stdout and stderr alike


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: `::name k=v,k=v::message`, unescaped."""
    def unescape(text: str) -> str:
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                           ("%25", "%")):
            text = text.replace(code, char)
        return text

    head, message = line[2:].split("::", 1)
    name, _, listed = head.partition(" ")
    properties = dict(p.split("=", 1) for p in listed.split(",") if p)
    return name, {k: unescape(v) for k, v in properties.items()}, unescape(message)


@pytest.mark.parametrize("name", [FORGED_NAME, "evil::error file=a.md,line=1,col=1::forged.md",
                                  "100%0Aforged.md"])
def test_a_file_name_cannot_forge_a_workflow_command(folder, name):
    path = folder.write(f"insights/{name}", card_text())
    commands = [line for line in check_github(folder) if line.lstrip().startswith("::")]
    assert len(commands) == 1, commands
    kind, properties, message = parse_command(commands[0])
    assert kind == "error"
    assert properties["file"] == path.as_posix()
    assert set(properties) == {"file", "line", "col", "title"}
    assert name.removesuffix(".md") in message  # the annotation says the name as it is


def test_a_message_cannot_forge_a_workflow_command(folder):
    """A guard: the message was escaped before issue 29 too (its line breaks as `\\n`)."""
    folder.card("card", front=edit(FRONT, "industries: [retail]",
                                   'industries: ["re\\n::error file=a.md,line=1::forged"]'))
    commands = [line for line in check_github(folder) if line.lstrip().startswith("::")]
    assert len(commands) == 1, commands
    _, properties, message = parse_command(commands[0])
    assert re.search(r"re(\n|\\n)::error file=a.md,line=1::forged", message), message
    assert properties["file"].endswith("insights/card.md")


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_escape_characters_in_a_value_are_written_out_not_obeyed_in_the_log(folder, fmt):
    folder.card("card", front=edit(FRONT, "industries: [retail]",
                                   'industries: ["re\\e[2J\\e[32mtail"]'))
    result = CliRunner().invoke(main, ["check", "--format", fmt, str(folder.root)])
    assert "\x1b" not in result.output
    assert "re\\x1b[2J\\x1b[32mtail" in result.output


def test_a_cut_keeps_the_marker_the_workflow_finds_its_comment_by():
    """A guard for the cut itself: even a limit nothing fits in keeps the first line."""
    from pitchcraft.escape import comment  # here, so the file runs against older code too

    text = "\n".join([MARKER, "### Changes", "", "```text", *(["a finding"] * 50), "```", ""])
    cut = comment.fit(text, 80, "**{left} more {entries}**")
    assert cut.split("\n")[0] == MARKER
    assert structure(cut)["open_fence"] == []
    assert cut.rstrip().endswith("more entries**")


@pytest.mark.parametrize("text", ["_@octocat_", "__@github/security__", "*@dana*", "x@lee"])
def test_a_mention_inside_emphasis_or_after_a_letter_notifies_no_one(text: str) -> None:
    from hostile_text import GFM
    from pitchcraft.escape.comment import mentions

    rendered = GFM.render(mentions(text))
    assert "@\u200d" in rendered and not re.search(r"@[A-Za-z0-9]", rendered)
