"""What `pitchcraft build --engine` asks of an engine: a configuration without the plugin that
names Pitchcraft's page extension and Pagefind, and a clear word when the engine is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchcraft.engines import engines
from pitchcraft.output.engine_config import engine_config

SITE = {"site_name": "S", "theme": {"name": "material", "custom_dir": "mine"},
        "plugins": ["search", {"pitchcraft": {"audience": "internal"}}, "tags"],
        "extra": {"analytics": "x"}}


def _config(search_off=()) -> dict:
    return engine_config(SITE, Path("pages"), [], Path("overrides"), "internal",
                         ("cards", "pitches"), ("guide.md",), search_off)


def test_the_configuration_names_the_page_extension_pagefind_and_one_overrides_folder():
    config = _config()
    assert config["plugins"] == ["tags"]
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["extra"] == {"analytics": "x", "pitchcraft_search": "pagefind"}
    assert {"pitchcraft.site.page_extension": {"groups": ["cards", "pitches"],
                                               "docs": ["guide.md"]}} in config[
        "markdown_extensions"]


def test_zensical_is_told_not_to_index_pagefind_is_the_search():
    off = engines.ENGINES["zensical"].search_off
    assert _config(off)["plugins"] == [{"search": {"enabled": False}}, "tags"]


def test_a_missing_engine_names_the_command_that_installs_it(monkeypatch, tmp_path):
    monkeypatch.setattr(engines.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(engines.EngineFailed, match=r"pip install 'pitchcraft\[zensical\]'"):
        engines.run(engines.ENGINES["zensical"], tmp_path / "engine.yml", strict=True)


def test_a_sites_own_overrides_folder_is_never_replaced(tmp_path):
    from pitchcraft.engines.export import NotOurs, write_overrides

    mine = tmp_path / "pages-overrides"
    mine.mkdir()
    (mine / "main.html").write_text("mine")
    with pytest.raises(NotOurs):
        write_overrides(mine, None)
    assert (mine / "main.html").read_text() == "mine"
    ours = write_overrides(tmp_path / "other", mine)
    assert (ours / "main.html").read_text() == "mine"  # the site's own wins over the packaged
    assert (ours / "partials/search.html").is_file()
    assert write_overrides(ours, None) == ours  # its own folder is written again
