"""ProperDocs, the maintained fork of MkDocs 1.x, runs the plugin unchanged and builds the same
pages: the first step of a hedge against Material's end of life."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from builders import DEMO, REPO, TODAY, site_project
from pitchcraft.load import load_content
from pitchcraft.pitch import covered_combinations

PITCH = "pitches/food-processing--peak-demand-charges/index.html"


def _properdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config),
         "-d", str(site)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages_as_mkdocs(demo_site, tmp_path):
    site = tmp_path / "properdocs-site"
    result = _properdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    content = load_content(DEMO, today=TODAY)
    assert {f"cards/{card.id}/index.html" for card in content.published_cards} | {
        f"pitches/{c.industry}--{c.problem}/index.html" for c in covered_combinations(content)
    } <= _pages(demo_site)
    assert _pages(site) == _pages(demo_site)
    pitch = (site / PITCH).read_text()
    assert ">Chief Financial Officer</label>" in pitch and "data-pc-style" in pitch


def test_properdocs_builds_the_generated_folder_without_the_plugin(demo_site, tmp_path):
    """The route for engines that run no MkDocs plugins (Zensical): `pitchcraft generate
    --engine-config` writes the pages and a configuration, and the engine builds the site."""
    project = site_project(tmp_path)
    generated = subprocess.run(
        [sys.executable, "-c", "from pitchcraft.cli import main; main()", "generate",
         str(project / "pages"), "-f", str(project / "mkdocs.yml"),
         "--engine-config", str(project / "engine.yml")],
        capture_output=True, text=True, check=False)
    assert generated.returncode == 0, generated.stderr
    plugins = yaml.safe_load((project / "engine.yml").read_text())["plugins"]
    assert [p for p in plugins if "pitchcraft" in str(p)] == []
    site = tmp_path / "engine-site"
    result = _properdocs_build(project / "engine.yml", site)
    assert result.returncode == 0, result.stderr
    assert _pages(site) == _pages(demo_site)
    pitch = (site / PITCH).read_text()
    assert ">Chief Financial Officer</label>" in pitch and "data-pc-style" in pitch
