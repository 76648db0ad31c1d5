"""A card can never run code in a rep's browser: unsafe raw HTML is refused with its line."""

from __future__ import annotations

import pytest

from builders import BODY, FRONT, site_project
from site_server import mkdocs_build


@pytest.mark.parametrize(("snippet", "message"), [
    ("<script>alert(1)</script>", "raw <script> in a card"),
    ("<SCRIPT src=x.js></SCRIPT>", "raw <script> in a card"),
    ('<img src="x.png" onerror="steal()">', "inline event handler 'onerror=' in a card"),
    ("[Open the calculator](javascript:alert(1))", "'javascript:' link in a card"),
    ('<a href="javascript:void(0)">calc</a>', "'javascript:' link in a card"),
    ("<iframe src=https://example.com></iframe>", "raw <iframe> in a card"),
])
def test_unsafe_html_is_an_error_on_its_line(folder, snippet, message):
    body = BODY.replace("Every day of DSO ties up cash.", f"Every day costs. {snippet}")
    path = folder.card("unsafe", body=body)
    findings = folder.load().findings
    line = path.read_text().splitlines().index(f"Every day costs. {snippet}") + 1
    assert [(f.path, f.line, f.severity, f.message) for f in findings] == [
        (path.as_posix(), line, "error", message)]
    assert "never run code" in findings[0].hint


def test_harmless_html_and_code_examples_are_allowed(folder):
    body = BODY.replace(
        "Every day of DSO ties up cash.",
        "Every day of DSO<sup>1</sup> ties up cash.<br>\n\n"
        "Write `<script>` in a code span, or:\n\n```html\n<script>shown as text</script>\n```",
    )
    folder.card("safe", body=body)
    assert folder.load().findings == ()


def test_unsafe_html_in_front_matter_is_refused_too(folder):
    path = folder.card("title", front=FRONT.replace(
        "title: Late payers are a forecasting problem",
        "title: Late payers <script>x()</script>"))
    findings = folder.load().findings
    assert [(f.line, f.message) for f in findings] == [(2, "raw <script> in a card")]
    assert findings[0].path == path.as_posix()


def test_evidence_links_must_be_web_links(folder):
    ledger = folder.root / "evidence.yml"
    ledger.write_text(ledger.read_text() + "    url: javascript:alert(document.cookie)\n")
    findings = folder.load().findings
    assert [(f.path, f.line, f.message) for f in findings] == [(
        ledger.as_posix(), 8,
        "'evidence' item 1 'url' 'javascript:alert(document.cookie)' is not a web link")]


def test_what_a_line_check_cannot_see_is_stripped_from_the_built_site(tmp_path):
    """Markdown can split a tag over lines or encode a scheme; the page sanitiser removes it."""
    project = site_project(tmp_path)
    card = project / "content/insights/peak-demand/shift-start-sets-the-bill.md"
    sneaky = ('<img src="chart.png"\n  onerror="alert(1)"> See [the chart](&#106;avascript:'
              'alert(2)) and <a href="jav&#x09;ascript:alert(3)">this</a>.\n\n')
    card.write_text(card.read_text().replace("## Reframe\n\n", "## Reframe\n\n" + sneaky, 1))
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--no-strict")  # strict already fails on the link
    assert result.returncode == 0, result.stderr
    pages = [site / "cards/shift-start-sets-the-bill/index.html",
             site / "pitches/food-processing--peak-demand-charges/index.html"]
    for page in pages:
        html = page.read_text()
        assert 'src="chart.png"' in html  # the harmless part stays
        assert "onerror" not in html
        assert "alert(2)" not in html and "alert(3)" not in html
