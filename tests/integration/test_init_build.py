"""`pitchcraft init`: right after it, the real strict build makes the site."""

from __future__ import annotations

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
