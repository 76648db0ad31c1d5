"""One comparison for every golden file: what users read, held against the file that says it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest


def assert_golden(expected_file: Path, actual: str, update: bool, label: str) -> None:
    """`actual` is what `expected_file` holds; with `update` (--update-golden) it is written
    there instead. `label` names the file in the failure and the diff."""
    if update:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        return
    assert expected_file.is_file(), f"no {expected_file}: run pytest with --update-golden"
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            label, "actual"))
        pytest.fail(f"{label} differs from its golden file (--update-golden rewrites it):\n"
                    f"{diff}", pytrace=False)
