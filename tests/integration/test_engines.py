"""The demo built by each engine: MkDocs with the plugin, and ProperDocs and Zensical from the
generated pages without it (`pitchcraft build --engine`), makes the same pages with the same
cleaned card HTML; a build that cannot be right fails and leaves the last good site."""

from __future__ import annotations

import pytest
from bench.site_compare import differing, pages

from builders import site_project
from site_server import ENGINES, engine_build


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_builds_the_same_pages_with_the_same_card_html(engine, demo_site,
                                                                    engine_sites):
    site = engine_sites(engine)
    assert pages(site) == pages(demo_site)
    assert differing(site, demo_site) == []
    assert (site / "pagefind/pagefind.js").is_file()
    assert (site / "changes/feeds/all.xml").is_file()
    assert not (site / "search.json").exists()  # Zensical's own index: Pagefind searches


@pytest.mark.parametrize("engine", ENGINES)
def test_a_thousand_card_library_builds_the_same_on_each_engine(engine, corpus_sites):
    site, reference = corpus_sites(engine), corpus_sites("mkdocs")
    assert len(pages(reference)) > 1000
    assert pages(site) == pages(reference)
    assert differing(site, reference) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_every_page_holds_pitchcrafts_styles_scripts_and_search(engine, engine_sites):
    site = engine_sites(engine)
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "data-pc-style" in html and "assets/pitchcraft.js" in html, page
        assert "data-pc-search" in html, page
    cost = (site / "cards/defrost-and-dock-doors-set-the-peak/index.html").read_text()
    assert "assets/cost-model.js" in cost


def test_a_content_error_stops_the_engine_build_and_keeps_the_last_site(tmp_path):
    project = site_project(tmp_path)
    site = tmp_path / "site"
    assert engine_build(project, site, "zensical").returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    card = next((project / "content/insights").rglob("*.md"))
    card.write_text(card.read_text().replace("title:", "titel:", 1))
    result = engine_build(project, site, "zensical")
    assert result.returncode == 1
    assert card.name in result.stderr and "Traceback" not in result.stderr
    assert "the previous site is unchanged" in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_an_override_that_drops_pitchcrafts_script_fails_the_build_by_name(tmp_path):
    project = site_project(tmp_path)
    (project / "overrides").mkdir()
    (project / "overrides/main.html").write_text('{% extends "base.html" %}\n')
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("theme:\n", "theme:\n  custom_dir: overrides\n"))
    result = engine_build(project, tmp_path / "site", "zensical")
    assert result.returncode == 1, result.stdout
    assert "main.html replaces Pitchcraft's main.html" in result.stderr
    assert not (tmp_path / "site").exists()


def test_an_engine_build_never_replaces_a_folder_of_sources(tmp_path):
    project = site_project(tmp_path)
    before = sorted(p.relative_to(project) for p in (project / "content").rglob("*"))
    result = engine_build(project, project / "content", "zensical")
    assert result.returncode == 1
    assert "refusing to build into" in result.stderr and "content" in result.stderr
    assert sorted(p.relative_to(project) for p in (project / "content").rglob("*")) == before


def test_markdown_nested_too_deep_stops_an_engine_build_with_its_line(tmp_path):
    project = site_project(tmp_path)
    card = next((project / "content/insights").rglob("*.md"))
    nested = "".join("    " * depth + "- x\n" for depth in range(60))
    card.write_text(card.read_text().replace("## A new way\n", f"## A new way\n{nested}", 1))
    result = engine_build(project, tmp_path / "site", "zensical")
    assert result.returncode == 1
    assert card.name in result.stderr and "nested too deep" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()
