"""No content field can run script on the built site: `check` refuses a payload in every field
a contributor controls with its line. The built site opened in Chromium:
tests/browser/test_content_escaping.py."""

from __future__ import annotations

from pathlib import Path

from payloads import content_with_payloads


def test_check_refuses_every_payload_with_its_line(tmp_path):
    content = content_with_payloads(tmp_path / "content").load()
    errors = {(Path(f.path).name, f.line) for f in content.findings if f.is_error}
    taxonomy = (tmp_path / "content/taxonomy.yml").read_text().splitlines()
    expected = {("taxonomy.yml", n) for n, line in enumerate(taxonomy, 1) if "__pwned" in line}
    assert expected and expected <= errors
    card = (tmp_path / "content/insights/late-payers.md").read_text().splitlines()
    expected = {("late-payers.md", n) for n, line in enumerate(card, 1)
                if "__pwned" in line or "__config" in line or "__search" in line}
    assert expected and expected <= errors
