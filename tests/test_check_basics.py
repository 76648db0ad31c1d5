"""A content author runs `pitchcraft check` and reads what to fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import BODY, FRONT


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
