"""A configuration any engine can build without the Pitchcraft plugin.

Zensical reads `mkdocs.yml` but never runs MkDocs plugins, and any engine can build a folder of
ordinary pages. `pitchcraft generate --engine-config` therefore writes the site's own settings
with what the plugin would have added: the docs folder is the generated folder, the nav is the
one the plugin computes, the Markdown extensions and the packaged theme overrides are named,
and the plugin itself is left out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..load.rep_notes import REP_NOTES_EXTENSION
from ..site import config as site_config
from ..site.page_groups import PUBLIC


def engine_config(site: Mapping[str, Any], docs_dir: Path, nav: list,
                  overrides: Path, audience: str) -> dict[str, Any]:
    """`site` is the site's `mkdocs.yml` as loaded (environment tags resolved). A public
    site's Markdown drops every rep-only note, as the plugin's does."""
    config = {k: v for k, v in site.items() if k not in ("docs_dir", "nav", "plugins")}
    config["docs_dir"] = str(docs_dir)
    config["nav"] = nav
    config["plugins"] = [p for p in site.get("plugins", []) if _plugin_name(p) != "pitchcraft"]
    theme = dict(config.get("theme") or {})
    if "custom_dir" not in theme:  # a site's own overrides must copy the packaged ones
        theme["custom_dir"] = str(overrides)
    config["theme"] = theme
    given = list(config.get("markdown_extensions") or [])
    names = [e if isinstance(e, str) else next(iter(e)) for e in given]
    options = {next(iter(e)): e[next(iter(e))] for e in given if isinstance(e, dict)}
    setup = site_config.markdown_setup(names, options)
    given += [{name: setup.options[name]} if name in setup.options else name
              for name in setup.add]
    if audience == PUBLIC:
        given.append({REP_NOTES_EXTENSION: {"drop": True}})
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
