"""Hostile text from git history, judged in the client that reads each artifact: a feed in
feedparser, a pull-request comment in a GFM-like Markdown parser.

Issue 29. History never breaks a build (characters XML cannot hold, in a title or a commit
subject), and pull-request comments cannot be forged (file names, card text and subjects
escaped for the context they land in). Each story makes a real git repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from lxml import etree

from builders import BODY, FRONT, TODAY, ContentFolder, card_text
from change_repo import _git
from findings import edit
from hostile_text import FORGED_NAME, GFM, structure, titled
from pitchcraft.changes.feeds import site_feeds
from pitchcraft.changes.history import content_history
from pitchcraft.cli import main
from pitchcraft.load import load_content

# --- A. History never breaks a build ---------------------------------------------------------


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


# --- B. Pull-request comments and CI annotations cannot be forged ----------------------------

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


TEMPLATE_HTML = re.compile("|".join([
    re.escape("<!-- pitchcraft-diff -->"),
    r"<details>\n<summary>Card <code>[^<>]*</code>: \d+ pitch(es)?</summary>",
    re.escape("<details><summary>Pitches quoting it</summary>"),
    r"<details><summary>\d+ pitch(es)?: the words that change</summary>",
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
    assert "approved by security" in md.casefold()  # still said, as text


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
