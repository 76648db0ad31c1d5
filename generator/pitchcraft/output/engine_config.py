"""A configuration any engine can build without the Pitchcraft plugin.

Zensical reads `mkdocs.yml` but never runs MkDocs plugins, and any engine can build a folder of
ordinary pages. The configuration is the site's own settings with what the plugin would have
added: the docs folder is the generated folder, the nav is the one the plugin computes, the
Markdown extensions are named (Pitchcraft's page extension among them: `site.page_extension`),
the theme overrides are the folder given, and search is Pagefind's, indexed after the build.
The plugin itself is left out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..load.rep_notes import REP_NOTES_EXTENSION
from ..site import config as site_config
from ..site import page_extension
from ..site.page_groups import PUBLIC

SEARCH = "pagefind"
"""The search of a site built without the plugin: Material's indexer is the plugin's to run."""


def engine_config(site: Mapping[str, Any], docs_dir: Path, nav: list, overrides: Path,
                  audience: str, groups: Sequence[str], docs: Sequence[str],
                  search_off: Sequence[dict] = ()) -> dict[str, Any]:
    """`site` is the site's `mkdocs.yml` as loaded (environment tags resolved); `groups` the
    page groups built and `docs` the team's pages kept, for the page extension's links. A
    public site's Markdown drops every rep-only note, as the plugin's does. The site's `search`
    plugin goes (Pagefind is the search); `search_off` holds the entries that keep an engine
    from indexing anyway."""
    config = {k: v for k, v in site.items() if k not in ("docs_dir", "nav", "plugins")}
    config["docs_dir"] = str(docs_dir)
    config["nav"] = nav
    plugins = [p for p in site.get("plugins", [])
               if _plugin_name(p) not in ("pitchcraft", "search")]
    config["plugins"] = [*search_off, *plugins]
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = str(overrides)
    if "features" in theme:  # the theme's own search has no index: Pagefind is the search
        theme["features"] = [f for f in theme["features"] or [] if not f.startswith("search.")]
    config["theme"] = theme
    config["extra"] = {**(config.get("extra") or {}), "pitchcraft_search": SEARCH}
    given = list(config.get("markdown_extensions") or [])
    names = [e if isinstance(e, str) else next(iter(e)) for e in given]
    options = {next(iter(e)): e[next(iter(e))] for e in given if isinstance(e, dict)}
    setup = site_config.markdown_setup(names, options)
    given += [{name: setup.options[name]} if name in setup.options else name
              for name in setup.add]
    if audience == PUBLIC:
        given.append({REP_NOTES_EXTENSION: {"drop": True}})
    given.append({page_extension.__name__: {"groups": list(groups), "docs": list(docs)}})
    config["markdown_extensions"] = given
    validation = dict(config.get("validation") or {})
    validation["links"] = {**(validation.get("links") or {}),
                           "absolute_links": site_config.ABSOLUTE_LINKS}
    config["validation"] = validation
    return config


_DOCS_LINK = re.compile(r"\]\(/([^)\s]*)\)")
"""A Markdown link to a page of the site as the generator writes it: `[text](/cards/x.md)`."""


def relative_links(page: str, markdown: str) -> str:
    """Links written from the docs folder's root (`/cards/x.md`, which MkDocs resolves with
    `absolute_links: relative_to_docs`) as relative paths, which every engine resolves."""
    here = posixpath.dirname(page) or "."

    def relative(match: re.Match[str]) -> str:
        target, _, anchor = match.group(1).partition("#")
        path = posixpath.relpath(target or page, here) if target else ""
        return f"]({path}{'#' + anchor if anchor else ''})"

    return _DOCS_LINK.sub(relative, markdown)


def _plugin_name(entry: object) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))  # type: ignore[arg-type]
