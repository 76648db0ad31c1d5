"""Shared fixtures; the content builders live in `builders.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import ContentFolder


@pytest.fixture
def folder(tmp_path: Path) -> ContentFolder:
    return ContentFolder(tmp_path / "content")
