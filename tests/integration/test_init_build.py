"""`pitchcraft init`: right after it, the real strict build makes the site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pitchcraft.cli import main
from site_server import mkdocs_build


@pytest.mark.parametrize("demo", [[], ["--demo"]])
def test_right_after_init_a_strict_build_makes_the_site(tmp_path, demo):
    assert CliRunner().invoke(main, ["init", *demo, str(tmp_path)]).exit_code == 0
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/index.html").read_text()
    assert 'id="pc-industry"' in home  # the pitch finder
    assert (tmp_path / "site/meeting-prep/index.html").is_file()


def test_a_public_build_with_no_public_card_warns_and_a_strict_one_fails(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    card = next((tmp_path / "content/insights").glob("*.md"))
    assert "audience: public" not in card.read_text()  # the starter's one card is internal
    pitchcraft = str(Path(sys.executable).parent / "pitchcraft")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    runs = {strict: subprocess.run([pitchcraft, "build", strict, "--audience", "public"],
                                   cwd=tmp_path, env=env, capture_output=True, text=True,
                                   check=False)
            for strict in ("--strict", "--no-strict")}
    assert runs["--strict"].returncode == 1
    assert runs["--no-strict"].returncode == 0
    for run in runs.values():
        assert "no published card has `audience: public`" in run.stderr
