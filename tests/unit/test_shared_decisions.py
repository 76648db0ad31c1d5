"""What the MkDocs plugin and the commands both decide is decided once: loading and reporting
findings, the order template folders are searched in, and where the pages folder is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import DEMO, TODAY, site_project
from pitchcraft.cli import main
from pitchcraft.output.incremental import SiteGenerator
from pitchcraft.output.loading import ContentErrors, load_checked
from pitchcraft.output.page_writer import pages_folder_of
from pitchcraft.site.options import template_dirs
from pitchcraft.site.template_order import template_folders
from pitchcraft.theme_files import templates_dir


def _broken_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    card = sorted((content / "insights").rglob("*.md"))[0]
    card.write_text(card.read_text().replace("problems:", "problms:", 1))
    return content


def test_a_content_error_is_reported_then_stops_the_build(tmp_path):
    content = _broken_content(tmp_path)
    told: list[tuple[str, bool]] = []
    with pytest.raises(ContentErrors) as stopped:
        load_checked(SiteGenerator(), content, TODAY, lambda *told_one: told.append(told_one))
    assert any(error and "problms" in text for text, error in told)
    assert f"run `pitchcraft check {content}`" in str(stopped.value)


def test_generate_reports_a_content_error_as_the_plugin_does(tmp_path):
    project = site_project(tmp_path)
    broken = _broken_content(tmp_path / "other")
    shutil.rmtree(project / "content")
    shutil.copytree(broken, project / "content")
    result = CliRunner().invoke(main, ["generate", "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "problms" in result.output and "content error(s) in" in result.output


def test_the_site_s_own_templates_come_first_for_the_plugin_and_the_commands(tmp_path):
    assert template_folders(None) == [templates_dir()]
    assert template_folders(tmp_path) == [tmp_path, templates_dir()]
    plugin = {"templates": str(tmp_path)}
    assert template_dirs(plugin) == template_folders(tmp_path)


def test_the_pages_folder_is_beside_the_configuration_one_per_audience(tmp_path):
    config = tmp_path / "site" / "mkdocs.yml"
    assert pages_folder_of(config, ".pitchcraft", "public", False) == \
        (tmp_path / "site" / ".pitchcraft" / "public").resolve()
    assert pages_folder_of(config, ".pitchcraft", "internal", True).name == "internal-drafts"
