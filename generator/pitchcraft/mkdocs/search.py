"""Which search engine a site gets, and how each is wired into Material.

Material's search ships one JSON index of every page to every browser, which is fine for a
small site and far too slow for thousands of cards; Pagefind fetches index fragments on demand.
The theme reads `config.extra.pitchcraft_search` to show the matching search box
(`partials/header.html`); Material's indexer runs only when Material's search is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..output.pagefind_index import index_site

PAGEFIND_FROM_PAGES = 100
"""Where Pagefind takes over under `search: auto`; see bench/RESULTS.md for the measurements."""

ENGINES = ("auto", "material", "pagefind")


def choose(option: str, published_cards: int, pagefind_from_pages: int,
           preview: bool = False) -> str:
    """`auto` counts about two pages per card: the card's own and about one pitch page.

    A preview (`mkdocs serve`) with Material's search plugin available uses Material's
    search at every size: its index is updated page by page (`search_index`), while
    Pagefind can only re-index the whole site, seconds per save.
    """
    if option != "auto":
        return option
    if preview:
        return "material"
    return "pagefind" if published_cards * 2 >= pagefind_from_pages else "material"


def wire(config: MkDocsConfig, engine: str, serving: bool) -> bool:
    """Tell the theme, and run Material's indexer only for Material's search, and only in a
    build: while a site is served, Pitchcraft indexes its pages itself (`search_index`).
    Returns whether it does."""
    config.extra["pitchcraft_search"] = engine
    material = config.plugins.get("material/search")
    if engine == "material" and material is None:
        raise PluginError("search: material needs Material's search plugin: add `search` to "
                          "`plugins` in mkdocs.yml, or set the pitchcraft option search: pagefind")
    if material is not None:
        material.config.enabled = engine == "material" and not serving
    return engine == "material" and serving


def search_options(config: MkDocsConfig) -> Mapping[str, Any]:
    """Material's search options (its language, separator, fields...)."""
    return config.plugins["material/search"].config


def after_build(site_dir: Path, engine: str) -> int | None:
    """Index the written site for Pagefind; the number of pages indexed, or None."""
    return index_site(site_dir) if engine == "pagefind" else None
