"""The demo built by each engine: MkDocs with the plugin, and ProperDocs and Zensical from the
generated pages without it (`pitchcraft build --engine`), makes the same pages with the same
cleaned card HTML; a build that cannot be right fails and leaves the last good site."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from builders import site_project
from conftest import ENGINES
from site_server import engine_build

THEME_ONLY = ("//nav[contains(@class, 'md-tags')]", "//a[@id='__skip']")
"""Parts of the article each engine's theme writes in its own way (the tags, a skip target)."""


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _article(page: Path) -> str:
    """The page's content as the theme shows it, without what only the theme adds; an engine's
    own search indexer removes its marks (`data-search-exclude`), so they are left out too."""
    article = lxml_html.fromstring(page.read_bytes()).xpath("//article")[0]
    for xpath in THEME_ONLY:
        for element in article.xpath("." + xpath):
            element.drop_tree()
    for element in article.xpath(".//*[@data-search-exclude]"):
        del element.attrib["data-search-exclude"]
    return " ".join(lxml_html.tostring(article, encoding="unicode").split())


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_builds_the_same_pages_with_the_same_card_html(engine, demo_site,
                                                                    engine_sites):
    site = engine_sites(engine)
    assert _pages(site) == _pages(demo_site)
    different = [page for page in sorted(_pages(site))
                 if _article(site / page) != _article(demo_site / page)]
    assert different == []
    assert (site / "pagefind/pagefind.js").is_file()
    assert (site / "changes/feeds/all.xml").is_file()
    assert not (site / "search.json").exists()  # Zensical's own index: Pagefind searches


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
