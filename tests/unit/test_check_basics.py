"""A content author runs `pitchcraft check` and reads what to fix."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from builders import BODY, FRONT
from pitchcraft.load.schema import FINDINGS, SCHEMAS


def test_a_valid_card_is_clean(folder):
    folder.card("late-payers")
    content = folder.load()
    assert content.findings == ()
    assert [c.id for c in content.published_cards] == ["late-payers"]




def test_the_package_is_pitchcraft_and_nothing_called_generator_is_installed(tmp_path):
    """Run from an empty folder, so only what is installed can be imported."""
    probe = ("import importlib.util, pitchcraft; "
             "print(importlib.util.find_spec('generator'), pitchcraft.__file__)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                            text=True, check=True)
    spec, path = result.stdout.split()
    assert spec == "None"
    assert Path(path).parts[-2:] == ("pitchcraft", "__init__.py")


def test_a_step_with_only_some_persona_variants_is_an_error(folder):
    body = BODY.replace("## Reframe\nLate payment is a forecast you are not making.\n",
                        "## Reframe\n")
    path = folder.card("variants-only", body=body)
    findings = folder.load().findings
    line = path.read_text().splitlines().index("## Reframe") + 1
    assert [(f.line, f.message) for f in findings] == [
        (line, "section '## Reframe' has no general text and no variant for coo")]


def test_an_unknown_id_in_a_block_list_points_at_its_own_line(folder):
    front = FRONT.replace("personas: [cfo, coo]", "personas:\n  - cfo\n  - cffo")
    path = folder.card("block-list", front=front)
    findings = folder.load().findings
    lines = path.read_text().splitlines()
    assert [(f.line, f.col, f.message) for f in findings] == [
        (lines.index("  - cffo") + 1, 5, "unknown persona id 'cffo' in 'personas'")]


def test_a_value_that_looks_like_a_date_is_text_where_text_is_asked_for(folder):
    front = FRONT.replace("tags: [cash]", "tags: [2026-09-01]").replace(
        "title: Late payers are a forecasting problem", "title: 2026-09-01")
    folder.card("dated", front=front)
    content = folder.load()
    assert content.findings == ()
    [card] = content.cards
    assert (card.title, card.tags) == ("2026-09-01", ("2026-09-01",))


def test_a_date_with_a_time_is_not_a_date(folder):
    path = folder.card("timed", front=FRONT.replace("reviewed: 2026-10-01",
                                                    "reviewed: 2026-10-01 09:30:00"))
    lines = path.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("reviewed:"))
    assert [(f.line, f.col, f.message, f.hint) for f in folder.load().findings] == [
        (line, 11, "'reviewed' is not a date", "write a real date as YYYY-MM-DD")]


def test_a_field_name_yaml_would_read_as_a_value_is_named_as_written(folder):
    path = folder.card("yes-key", front=FRONT + "yes: true\n")
    line = path.read_text().splitlines().index("yes: true") + 1
    assert [(f.line, f.col, f.message) for f in folder.load().findings] == [
        (line, 1, "unknown field 'yes'")]


def _schemas(node: object) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)


def test_each_finding_worded_in_the_schema_belongs_to_a_rule_it_has():
    """A misspelt rule name beside a finding's words would silently lose them."""
    worded = [(schema, rule) for root in SCHEMAS.values() for schema in _schemas(root)
              for rule in schema.get(FINDINGS, {})]
    assert len(worded) >= 8
    for schema, rule in worded:
        assert rule in schema or rule == "required", (rule, schema)
