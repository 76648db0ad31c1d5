"""Every private name and undocumented behaviour of MkDocs, Material and watchdog that
Pitchcraft relies on, in one table.

Only this folder and `preview/` may use them (tests/unit/test_layout.py fails on a use anywhere
else, and on a private name imported here that the table does not list). `missing` checks each
against the installed packages, so an upgrade that renames or drops one fails a test with its
name, instead of `serve` failing with an ImportError or, worse, serving pages that quietly
differ from a build.

Nothing here is imported at run time; the modules that use a name import it themselves.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass


@dataclass(frozen=True)
class Internal:
    owner: str
    """The module, or `module:Class`, the name belongs to."""
    name: str
    """The attribute: of the module, of the class, or set on its instances (`self.<name>`)."""
    used_in: str
    """The Pitchcraft modules that use it."""
    why: str
    parameter: str = ""
    """A keyword argument Pitchcraft passes to it, when that is what could change."""


INTERNALS: tuple[Internal, ...] = (
    Internal("mkdocs.commands.build", "_build_page", "preview.site",
             "render one page when it is asked for, as `build()` renders each"),
    Internal("mkdocs.commands.build", "_populate_page", "preview.site",
             "read and convert one page's Markdown, as `build()` does"),
    Internal("mkdocs.commands.build", "_build_theme_template", "preview.site",
             "the theme's own pages (404, sitemap), as `build()` writes them"),
    Internal("mkdocs.commands.build", "_build_extra_template", "preview.site",
             "the site's extra templates, as `build()` writes them"),
    Internal("mkdocs.livereload:LiveReloadServer", "_serve_request", "preview.server",
             "a stale page is rendered before the server reads its file"),
    Internal("mkdocs.livereload:LiveReloadServer", "observer", "preview.server",
             "its `schedule` is given an event filter, so opening a file starts no rebuild"),
    Internal("watchdog.observers.api:BaseObserver", "schedule", "preview.server",
             "only file changes start a rebuild", parameter="event_filter"),
    Internal("watchdog.observers.polling", "PollingObserver", "preview.server",
             "replaced for the process before MkDocs' server starts, so a save is reported "
             "at once instead of at the next half-second poll"),
    Internal("mkdocs.config.defaults", "_AbsoluteLinksValidation", "mkdocs.page_setup",
             "its `levels` name the values of `validation.links.absolute_links`"),
    Internal("mkdocs.config.defaults:_AbsoluteLinksValidation", "levels", "mkdocs.page_setup",
             "the setting that makes `/cards/x.md` links resolve inside the docs folder"),
    Internal("material.plugins.search.plugin", "SearchIndex", "mkdocs.search_index",
             "Material's indexer (its parser and fields) run on one page, while a site is "
             "served: the index is made from Pitchcraft's pages, not the plugin's state"),
    Internal("material.plugins.search.plugin:SearchIndex", "add_entry_from_context",
             "mkdocs.search_index", "one page's entries, from its rendered content"),
    Internal("material.plugins.search.plugin:SearchIndex", "entries", "mkdocs.search_index",
             "the entries of that one page"),
    Internal("mkdocs.structure.files:File", "is_modified", "mkdocs.plugin",
             "a `--dirty` build rebuilds a page whose output is missing, so emptying the site "
             "folder makes it a full build"),
)
"""Undocumented behaviour, checked by tests rather than by name: the index file Material writes
(`{"config": <lang, separator, pipeline, fields>, "docs": [...]}`) and the `data-search-*`
marks it removes from a page after indexing it (`mkdocs.search_index`; a unit test compares
with Material's own output for the same page)."""


def missing() -> list[str]:
    """Each entry the installed packages no longer have, as `owner.name` (empty when all are
    there)."""
    gone = []
    for entry in INTERNALS:
        if not _present(entry):
            gone.append(f"{entry.owner}.{entry.name}"
                        + (f"({entry.parameter}=)" if entry.parameter else ""))
    return gone


def _present(entry: Internal) -> bool:
    module_name, _, class_name = entry.owner.partition(":")
    try:
        owner: object = importlib.import_module(module_name)
        if class_name:
            owner = getattr(owner, class_name)
    except (ImportError, AttributeError):
        return False
    if hasattr(owner, entry.name):
        found = getattr(owner, entry.name)
    elif class_name and f"self.{entry.name} =" in _source(owner):
        return not entry.parameter
    else:
        return False
    if entry.parameter:
        try:
            return entry.parameter in inspect.signature(found).parameters
        except (TypeError, ValueError):
            return False
    return True


def _source(owner: object) -> str:
    try:
        return inspect.getsource(owner)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""
