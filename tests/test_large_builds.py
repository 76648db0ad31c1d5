"""What a large build does differently, checked on the demo with its threshold lowered."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from builders import REPO
from pitchcraft import mkdocs_plugin
from pitchcraft.render import sanitize


def test_pages_cleaned_in_a_worker_process_make_the_same_site(demo_site: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    """From `WORKER_FROM_PAGES` pages the sanitiser runs in a worker process: the site it
    writes is the one a build cleaning in process writes, byte for byte. This process's
    sanitiser is made to empty every page, so only the worker, a fresh interpreter with its
    own, can write that site."""
    monkeypatch.setattr(mkdocs_plugin, "WORKER_FROM_PAGES", 1)
    monkeypatch.setattr(sanitize, "clean_html", lambda html: "")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    pages = sorted(p.relative_to(demo_site) for p in demo_site.rglob("*.html"))
    assert sorted(p.relative_to(site) for p in site.rglob("*.html")) == pages
    differ = [str(p) for p in pages if (site / p).read_bytes() != (demo_site / p).read_bytes()]
    assert differ == []
