"""A card can never run code in a rep's browser: unsafe raw HTML is refused with its line."""

from __future__ import annotations

import pytest

from builders import BODY, FRONT


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
    assert [(f.line, f.message) for f in findings] == [(2, "raw <script> in 'title'")]
    assert findings[0].path == path.as_posix()


def test_evidence_links_must_be_web_links(folder):
    ledger = folder.root / "evidence.yml"
    ledger.write_text(ledger.read_text() + "    url: javascript:alert(document.cookie)\n")
    findings = folder.load().findings
    assert [(f.path, f.line, f.message) for f in findings] == [(
        ledger.as_posix(), len(ledger.read_text().splitlines()),
        "'evidence' item 1 'url' 'javascript:alert(document.cookie)' is not a web link")]


def test_check_sees_what_a_browser_sees_across_lines_and_entities(folder):
    """A tag split over lines and entity-encoded schemes are found by the parse, with lines."""
    sneaky = ('<img src="chart.png"\n  onerror="alert(1)"> See [the chart](&#106;avascript:'
              'alert(2)).\n\nAnd <a href="jav&#x09;ascript:alert(3)">this</a>.')
    path = folder.card("sneaky", body=BODY.replace("Every day of DSO ties up cash.", sneaky))
    text = path.read_text().splitlines()
    img = text.index('<img src="chart.png"') + 1
    chart = text.index('And <a href="jav&#x09;ascript:alert(3)">this</a>.') + 1
    assert sorted((f.line, f.col, f.message) for f in folder.load().findings) == [
        (img, 1, "'javascript:' link in a card"),
        (img + 1, 3, "inline event handler 'onerror=' in a card"),
        (chart, 1, "'javascript:' link in a card"),
    ]
