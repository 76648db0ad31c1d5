"""Hostile text from content and git, judged in the client that reads each artifact: a feed in
feedparser, a deck in python-pptx, a pull-request comment in a GFM-like Markdown parser, a
workflow command by GitHub's own parsing rules.

Issue 29. Two classes: history never breaks a build (characters XML cannot hold, in a title
or a commit subject), and pull-request comments and CI annotations cannot be forged (file
names, card text and subjects escaped for the context they land in).
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from lxml import etree
from markdown_it import MarkdownIt
from pptx import Presentation

from builders import BODY, FRONT, LEDGER, TAXONOMY, TODAY, ContentFolder, card_text
from change_repo import _git
from findings import ERROR, assert_findings, edit, want, where
from pitchcraft.changes.feeds import site_feeds
from pitchcraft.changes.history import content_history
from pitchcraft.changes.report import MARKER
from pitchcraft.cli import main
from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.deck.slides import Deck, Slide
from pitchcraft.load import load_content

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


# --- B. Pull-request comments and CI annotations cannot be forged ----------------------------

GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""The comment read as GitHub reads it, in everything that makes its structure."""
FORGED_NAME = "x\n```\n# Fake heading\n::error file=README.md,line=1::forged.md"
HOSTILE_TEXT = """\
Distributors collect 12.1 days after terms.

</td></tr></table>
</details>

# Approved by security

@acme/security-team and @dana please merge, &#64;lee too, see #12.
![](https://tracker.example/p.png) <img src="https://tracker.example/q.png"> ![seen][pixel]

[pixel]: https://tracker.example/r.png
"""
HIDDEN_FENCE = """\
Predictive dunning ranks invoices by risk.

<pre>
```
</pre>
```
<img src="https://tracker.example/pre.png">
```

```
a fence never closed, to swallow the rest
"""


def comment_of(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", *args, "--format", "md"])
    assert result.exit_code == 0, result.output
    return result.output


def structure(md: str) -> dict[str, list]:
    """What GitHub would make of the comment: headings, raw HTML, images, live mentions,
    code blocks and whether the last one is left open."""
    tokens = GFM.parse(md)
    lines = md.split("\n")
    found: dict[str, list] = {"headings": [], "html": [], "images": [], "mentions": [],
                              "fences": [], "open_fence": []}
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found["headings"].append(tokens[index + 1].content)
        elif token.type == "html_block":
            found["html"].append(token.content)
        elif token.type == "fence":
            found["fences"].append(token.content)
            last = lines[token.map[1] - 1].strip() if token.map[1] <= len(lines) else ""
            if not (token.map[1] - token.map[0] >= 2 and last.startswith(token.markup)
                    and set(last) == {token.markup[0]}):
                found["open_fence"].append(token.content)
        for child in token.children or ():
            if child.type == "image" or (child.type == "html_inline"
                                         and child.content.lower().startswith("<img")):
                found["images"].append(child.content or child.attrs.get("src"))
            elif child.type == "html_inline":
                found["html"].append(child.content)
            elif child.type == "text" and (live := LINKED.findall(child.content)):
                found["mentions"] += live
    return found


LINKED = re.compile(r"(?<!\w)@[A-Za-z0-9][\w/-]*|#\d+")
"""A mention GitHub would link (@ after no letter, then a name, no joiner in between) or an
issue it would link and note the link on."""


TEMPLATE_HTML = re.compile("|".join([
    re.escape("<!-- pitchcraft-diff -->"),
    r"<details>\n<summary>Card <code>[^<>]*</code>: \d+ pitch(es)?</summary>",
    re.escape("<details><summary>Pitches quoting it</summary>"),
    re.escape("<table><tr><th>Before</th><th>After</th></tr><tr><td>"),
    re.escape("</td><td>"), re.escape("</td></tr></table>"), re.escape("</details>")]))
"""All the raw HTML the comment template writes; any other comes from the pull request."""


def only_template_html(html_parts: list[str]) -> bool:
    return all(TEMPLATE_HTML.fullmatch(part.strip()) for part in html_parts)


def balanced(html_parts: list[str], tag: str) -> bool:
    depth = 0
    for part in html_parts:
        for match in re.finditer(rf"<(/?){tag}[\s>]", part):
            depth += -1 if match.group(1) else 1
            if depth < 0:
                return False
    return depth == 0


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    """Base: one card. Head: its step text, title and a new file are hostile."""
    repo = tmp_path / "repo"
    content = ContentFolder(repo / "content")
    content.card("late-payers")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Late payers")
    _git(repo, "tag", "base")
    body = edit(BODY, "Distributors collect 11.4 days after terms.\n", HOSTILE_TEXT)
    body = edit(body, "Predictive dunning ranks invoices by risk.\n", HIDDEN_FENCE)
    content.card("late-payers", front=titled('"Late | payers \\\\| <b>@dana</b> [x](y)"'),
                 body=body)
    content.write(f"insights/{FORGED_NAME}", card_text())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Hostile", when="2026-11-02T09:00:00+00:00")
    _git(repo, "tag", "head")
    return repo


def test_card_text_stays_inside_its_table_and_fold(hostile_repo, monkeypatch):
    md = comment_of(hostile_repo, monkeypatch, "base", "head")
    seen = structure(md)
    assert "Approved by security" not in seen["headings"]
    assert seen["headings"][0] == "Pitch changes in this pull request"
    assert only_template_html(seen["html"]), seen["html"]
    assert balanced(seen["html"], "details") and balanced(seen["html"], "table")
    assert seen["open_fence"] == []
    assert "Approved by security" in md  # still said, as text


def test_no_image_from_card_text_loads_in_the_comment(hostile_repo, monkeypatch):
    md = comment_of(hostile_repo, monkeypatch, "base", "head")
    seen = structure(md)
    assert seen["images"] == []
    assert not any("<img" in part.lower() for part in seen["html"])


def test_mentions_from_card_text_notify_no_one(hostile_repo, monkeypatch):
    md = comment_of(hostile_repo, monkeypatch, "base", "head")
    assert structure(md)["mentions"] == []
    assert "@\u200dacme/security-team" in md and "@\u200ddana" in md and "@\u200dlee" in md


def test_a_file_name_with_a_line_break_stays_inside_the_findings_fence(hostile_repo,
                                                                       monkeypatch):
    md = comment_of(hostile_repo, monkeypatch, "base", "head")
    seen = structure(md)
    assert "Fake heading" not in seen["headings"]
    findings = [f for f in seen["fences"] if "Fake heading" in f]
    assert len(findings) == 1, seen["fences"]
    assert "x\\n```\\n# Fake heading\\n::error file=README.md,line=1::forged.md" in findings[0]


def test_a_card_title_cannot_break_the_cards_list(hostile_repo, monkeypatch):
    md = comment_of(hostile_repo, monkeypatch, "base", "head")
    entry = next(line for line in md.split("\n") if line.startswith("- changed: `late-payers`"))
    rendered = GFM.render(entry)
    assert "<b>" not in rendered and "<a " not in rendered
    assert "Late | payers \\| &lt;b&gt;@\u200ddana&lt;/b&gt; [x](y)" in rendered


def test_a_comment_with_hundreds_of_findings_is_cut_with_every_fence_and_fold_closed(
        tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    content = ContentFolder(repo / "content")
    content.card("late-payers")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Late payers")
    for number in range(600):  # each a card with a broken front matter: one finding each
        content.write(f"insights/broken-{number:03d}-{'long-name-' * 8}.md",
                      card_text(FRONT.replace("personas: [cfo, coo]", "personas: [cfo, coo")))
    content.card("late-payers", body=BODY.replace("11.4 days", "12.1 days"))
    md = comment_of(repo, monkeypatch, "HEAD")
    assert len(md) <= 60_000
    seen = structure(md)
    assert seen["open_fence"] == []
    assert balanced(seen["html"], "details") and balanced(seen["html"], "table")
    assert only_template_html(seen["html"]), seen["html"]
    findings = [line for f in seen["fences"] for line in f.splitlines()]
    assert 100 < len(findings) < 600
    assert all(re.fullmatch(r"content/insights/\S+\.md:\d+:\d+: error: .*", f) for f in findings)
    left = int(re.findall(r"\*\*(\d+) more entries than a comment can hold:\*\*", md)[0])
    assert left >= 600 - len(findings)
    assert md.rstrip().endswith("read the workflow log for the rest.")


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

