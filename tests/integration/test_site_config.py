"""A company's site needs only `theme: {name: material}` and `plugins: [search, pitchcraft]`:
Pitchcraft brings its templates, overrides, extensions and link settings, and a configuration
under which its pages would render wrong stops `mkdocs build --strict` with the fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import material

from builders import DEMO
from site_server import mkdocs_build

MINIMAL = """\
site_name: Payroll pitches
theme:
  name: material
plugins:
  - search
  - pitchcraft
"""
PITCH = "pitches/food-processing--peak-demand-charges/index.html"
MATERIAL = Path(material.__file__).parent / "templates"


def project(tmp_path: Path, config: str = MINIMAL, guide: bool = True) -> Path:
    """A company's folder: content, a docs folder, and nothing of this repository's theme."""
    root = tmp_path / "company"
    shutil.copytree(DEMO, root / "content")
    (root / "docs").mkdir()
    if guide:
        (root / "docs/meeting-prep.md").write_text("# Meeting prep\n\nOpen the pitch.\n")
    (root / "mkdocs.yml").write_text(config)
    return root


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def build(root: Path, tmp_path: Path):
    return mkdocs_build(root, tmp_path / "site")


def test_a_minimal_config_builds_a_working_site(tmp_path):
    result = build(project(tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    pitch = article((site / PITCH).read_text())
    assert ">Chief Financial Officer</label>" in pitch and "tabbed-set" in pitch
    assert '=== "' not in pitch and "{ #for-" not in pitch and 'id="for-cfo"' in pitch
    home = (site / "index.html").read_text()
    assert 'data-md-component="search"' in home  # Material's search box
    assert "data-pc-style" in home and 'src="assets/pitchcraft.js"' in home
    assert 'href="meeting-prep/"' in home
    for page in site.rglob("*.html"):
        assert '.md"' not in page.read_text(), page
    assert (site / "assets/pitchcraft.js").is_file()
    nav = re.findall(r'md-nav__link[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*<',
                     home.split("md-nav--primary", 1)[1])
    wanted = ["Home", "Industries", "Problems", "Personas", "Coverage", "Guides", "Meeting prep"]
    assert [title for title in dict.fromkeys(nav) if title in wanted] == wanted, nav


def test_a_missing_guide_is_not_linked_from_generated_pages(tmp_path):
    result = build(project(tmp_path, guide=False), tmp_path)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/index.html").read_text()
    assert "Meeting prep guide" in home and "meeting-prep" not in home


def test_a_needed_extension_left_out_is_added(tmp_path):
    config = MINIMAL + "markdown_extensions:\n  - admonition\n"
    result = build(project(tmp_path, config), tmp_path)
    assert result.returncode == 0, result.stderr
    pitch = article((tmp_path / "site" / PITCH).read_text())
    assert '=== "' not in pitch and ">Chief Financial Officer</label>" in pitch


def test_tabs_configured_the_old_way_stop_the_build(tmp_path):
    config = MINIMAL + "markdown_extensions:\n  - pymdownx.tabbed:\n      alternate_style: false\n"
    result = build(project(tmp_path, config), tmp_path)
    assert result.returncode != 0
    assert "pymdownx.tabbed needs `alternate_style: true`" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / PITCH).exists()


def test_absolute_links_not_resolved_in_the_docs_stop_the_build(tmp_path):
    config = MINIMAL + "validation:\n  links:\n    absolute_links: warn\n"
    result = build(project(tmp_path, config), tmp_path)
    assert result.returncode != 0
    assert "validation.links.absolute_links is 'warn'" in result.stderr
    assert "set it to relative_to_docs or remove the setting" in result.stderr


def test_another_theme_stops_the_build(tmp_path):
    result = build(project(tmp_path, MINIMAL.replace("name: material", "name: mkdocs")),
                   tmp_path)
    assert result.returncode != 0
    assert "set `theme: {name: material}`" in result.stderr


def test_a_header_that_shadows_the_pagefind_search_box_stops_the_build(tmp_path):
    config = MINIMAL.replace("  name: material\n", "  name: material\n  custom_dir: mine\n")
    root = project(tmp_path, config.replace("  - pitchcraft\n",
                                            "  - pitchcraft:\n      search: pagefind\n"))
    (root / "mine/partials").mkdir(parents=True)
    shutil.copy(MATERIAL / "partials/header.html", root / "mine/partials/header.html")
    result = build(root, tmp_path)
    assert result.returncode != 0
    assert "built pages lack the Pagefind search box" in result.stderr
    assert "mine/partials/header.html replaces Pitchcraft's partials/header.html" in result.stderr


def test_a_main_html_without_super_stops_the_build(tmp_path):
    config = MINIMAL.replace("  name: material\n", "  name: material\n  custom_dir: mine\n")
    root = project(tmp_path, config)
    (root / "mine").mkdir()
    (root / "mine/main.html").write_text(
        '{% extends "base.html" %}\n{% block scripts %}<script></script>{% endblock %}\n')
    result = build(root, tmp_path)
    assert result.returncode != 0
    assert "built pages lack the finder, tab and print script" in result.stderr
    assert "mine/main.html replaces Pitchcraft's main.html" in result.stderr


def test_the_sites_own_files_win_file_by_file(tmp_path):
    config = MINIMAL.replace("  name: material\n", "  name: material\n  custom_dir: mine\n")
    root = project(tmp_path, config.replace("  - pitchcraft\n",
                                            "  - pitchcraft:\n      templates: ours\n"))
    (root / "mine/assets").mkdir(parents=True)
    (root / "mine/assets/pitchcraft.css").write_text(".our-look { color: teal; }\n")
    (root / "ours/site").mkdir(parents=True)
    (root / "ours/site/coverage.md.j2").write_text("# Our own coverage page\n")
    result = build(root, tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert ".our-look { color: teal; }" in (site / "index.html").read_text()
    assert "Our own coverage page" in (site / "coverage/index.html").read_text()
    pitch = (site / PITCH).read_text()  # every other template and override is the packaged one
    assert ">Chief Financial Officer</label>" in pitch and "data-pc-style" in pitch


def test_material_search_without_the_search_plugin_stops_the_build(tmp_path):
    result = build(project(tmp_path, MINIMAL.replace("  - search\n", "")), tmp_path)
    assert result.returncode != 0
    assert "add `search` to `plugins` in mkdocs.yml" in result.stderr
