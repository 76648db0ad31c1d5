"""No content field can run script on the built site, internal or public.

Every field a contributor controls (card title, summary, tags, the Reframe's first sentence
that becomes a page description, taxonomy names and descriptions, the company, ledger text)
carries a payload. `check` refuses each one with its line; and because a site must stay safe
even where a rule is missed, the site is then built by the real MkDocs with those findings
ignored, and every page is opened in Chromium (and searched): no payload may run. The same
holds for the site ProperDocs and Zensical build from the generated pages without the plugin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser

import pitchcraft.output.incremental as loading  # where a build loads the content
from builders import TAXONOMY, ContentFolder, site_project
from payloads import content_with_payloads
from pitchcraft.engines.build import build_with
from pitchcraft.mkdocs.config_file import read_site
from site_server import mkdocs_build, serve

ENGINES = ("properdocs", "zensical")


@pytest.fixture(params=[("internal", "material"), ("public", "material"),
                        ("internal", "pagefind"), *(
                            (audience, engine) for engine in ENGINES
                            for audience in ("internal", "public"))],
                ids=lambda p: "-".join(p))
def payload_site(request, tmp_path, monkeypatch) -> Iterator[tuple[str, Path]]:
    project = site_project(tmp_path, content_with_payloads(tmp_path / "content").root)
    real = loading.load_content

    def without_findings(*args, **kwargs):  # as if `check` had missed every payload
        return dataclasses.replace(real(*args, **kwargs), findings=())

    monkeypatch.setattr(loading, "load_content", without_findings)
    audience, search = request.param
    monkeypatch.setenv("PITCHCRAFT_AUDIENCE", audience)
    monkeypatch.setenv("PITCHCRAFT_SEARCH", "pagefind" if search in ENGINES else search)
    site = tmp_path / "site"
    if search in ENGINES:  # built without the plugin; the engine's own Markdown renders it
        config = project / "mkdocs.yml"
        site_yaml, options, sources = read_site(config)
        build_with(search, config, site_yaml, {**options, "audience": audience}, sources,
                   site, strict=False, say=lambda _: None)
    else:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    yield request.param, site


def test_no_payload_runs_on_any_page(payload_site, browser: Browser):
    (audience, search), site = payload_site
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    assert "cards/late-payers" in pages
    if audience == "internal":
        assert "pitches/retail--late-cash" in pages
    with serve(site) as url:
        context = browser.new_context()
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            tab.goto(url + ("" if path == "." else path + "/"))
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("window.__pwned") is None, path
            assert tab.evaluate("document.querySelectorAll('#__config').length") == 1, path
        tab.goto(url)
        if search != "material":  # Pagefind: the plugin's choice, and every other engine's
            tab.keyboard.press("/")
            tab.keyboard.type("Late")
            results = tab.locator("[data-pc-search] .md-search-result__item")
        else:
            tab.locator(".md-search__input").click()
            tab.wait_for_load_state("networkidle")
            tab.locator("input.md-search__input").press_sequentially("Late")
            results = tab.locator(".md-search-result__item")
        results.first.wait_for(timeout=15_000)
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.__pwned") is None
        context.close()
    assert dialogs == []
    built = "".join(p.read_text(errors="replace") for p in site.rglob("*")
                    if p.suffix in (".html", ".json", ".xml"))
    assert "margin is 41%" not in built  # authors' comments reach no page or search index


def test_titles_and_tags_reach_metadata_escaped(payload_site):
    _, site = payload_site
    html = (site / "cards/late-payers/index.html").read_text()
    head = html.split("</head>")[0]
    assert "<svg" not in head and "<script>window" not in head
    assert "&lt;svg/onload=window.__pwned=1&gt;" in head  # shown as text, not dropped
    tags = (site / "tags.json")
    if tags.exists():
        assert "<img" not in tags.read_text()


def test_a_persona_name_with_braces_keeps_its_tab_anchor(tmp_path):
    folder = ContentFolder(tmp_path / "content")
    folder.write("taxonomy.yml", TAXONOMY.replace(
        "name: Chief Financial Officer", "name: 'Chief {: #evil } Financial {Officer} *CFO*'"))
    folder.card("late-payers")
    project = site_project(tmp_path, folder.root)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--no-strict")
    assert result.returncode == 0, result.stderr
    html = (site / "pitches/retail--late-cash/index.html").read_text()
    assert 'id="for-cfo"' in html and 'id="for-coo"' in html
    assert 'id="evil"' not in html
    assert "Chief {: #evil } Financial {Officer} *CFO*</label>" in html
