"""The MkDocs adapter: each event is a few lines into the core.

Content is loaded in `on_pre_build` and pages are added in `on_files`, so every build
(including each `mkdocs serve` rebuild, which reuses this plugin instance) starts from the
files on disk.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .load import load_content
from .model import Content
from .pagefind_search import index_site
from .render.findings import as_text
from .render.sanitize import clean_html
from .render.site import (
    INTERNAL,
    PAGE_GROUPS,
    PUBLIC,
    SiteOptions,
    build_site,
    page_group,
    site_pages,
)
from .render.templates import TemplateError

log = get_plugin_logger(__name__)

PAGEFIND_FROM_PAGES = 100
"""Where Pagefind takes over under `search: auto`; see bench/RESULTS.md for the measurements."""

_IN_NAV = {"index.md", "industries/index.md", "problems/index.md", "personas/index.md",
           "coverage.md"}


_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+)\)")
"""An inline Markdown link, not an image."""


class PitchcraftConfig(base.Config):
    content = opt.Dir(exists=True, default="content")
    """The content folder: taxonomy.yml, evidence.yml and insights/."""
    templates = opt.Dir(exists=True, default="theme/templates")
    """Pitch and page templates; copy and edit them to change what pages say."""
    audience = opt.Choice((INTERNAL, PUBLIC), default=INTERNAL)
    """internal: every published card and pitch. public: public cards only, no pitches."""
    drafts = opt.Type(bool, default=False)
    """Show draft cards, bannered, for previews under `mkdocs serve`. Never for publishing."""
    pages = opt.ListOfItems(opt.Choice(PAGE_GROUPS), default=list(PAGE_GROUPS))
    """Which page groups to generate."""
    internal_docs = opt.ListOfItems(
        opt.Type(str), default=["authoring.md", "meeting-prep.md", "publishing.md"]
    )
    """Pages of the docs folder that a public build leaves out (the team's own guides)."""
    search = opt.Choice(("auto", "material", "pagefind"), default="auto")
    """Search engine. auto: Material's search for small sites, Pagefind from
    `pagefind_from_pages` pages on, where one JSON index of every page gets too slow."""
    pagefind_from_pages = opt.Type(int, default=PAGEFIND_FROM_PAGES)


class PitchcraftPlugin(BasePlugin[PitchcraftConfig]):
    _content: Content | None = None
    _pagefind = False
    _generated: frozenset[str] = frozenset()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Pages this build does not make leave the nav before MkDocs validates it: internal
        pages in a public build, and page groups the `pages` option leaves out."""
        left_out = self._left_out() | {
            path for path in _IN_NAV
            if page_group(path) not in (None, *self._groups())
            and not Path(config.docs_dir, path).exists()
        }
        if left_out and config.nav:
            config.nav = _prune_nav(config.nav, left_out)
        return config

    def _groups(self) -> tuple[str, ...]:
        groups = tuple(self.config.pages)
        if self.config.audience == PUBLIC:  # buyers see insights, never the talk tracks
            groups = tuple(g for g in groups if g not in ("pitches", "coverage"))
        return groups

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """The team's own pages (the guides) link to generated pages; where this build
        leaves a page group out, such a link becomes its text instead of a broken link."""
        groups = self._groups()
        if page.file.src_uri in self._generated or set(groups) >= set(PAGE_GROUPS):
            return markdown
        here = posixpath.dirname(page.file.src_uri)

        def unlink(link: re.Match[str]) -> str:
            target = link["target"]
            if "://" in target or target.startswith(("#", "mailto:")):
                return link[0]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(here, target))
            return link["text"] if page_group(path) not in (None, *groups) else link[0]

        return _MD_LINK.sub(unlink, markdown)

    def _left_out(self) -> set[str]:
        if self.config.audience != PUBLIC:
            return set()
        return {*self.config.internal_docs, "coverage.md"}

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Load and validate before MkDocs cleans the site folder, so a content error leaves
        the last good site in place (`mkdocs serve` keeps serving it)."""
        self._content = None
        content = load_content(self.config.content, today=_today())
        for finding in content.findings:
            (log.error if finding.is_error else log.warning)(as_text(finding))
        if content.has_errors:
            raise PluginError(
                f"{sum(f.is_error for f in content.findings)} content error(s) in "
                f"{self.config.content}; run `pitchcraft check {self.config.content}`"
            )
        self._content = content
        self._pagefind = self._use_pagefind(content, config)

    def _use_pagefind(self, content: Content, config: MkDocsConfig) -> bool:
        """Pick the engine and tell the theme; Material's indexer is switched off for Pagefind."""
        engine = self.config.search
        if engine == "auto":
            pages = len(content.published_cards) * 2  # a card page and about one pitch page
            engine = "pagefind" if pages >= self.config.pagefind_from_pages else "material"
        config.extra["pitchcraft_search"] = engine
        material = config.plugins.get("material/search")
        if material is not None:
            material.config.enabled = engine == "material"
        return engine == "pagefind"

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Generated pages carry card text: only allowlisted HTML reaches the browser."""
        if page.file.src_uri in self._generated:
            return clean_html(html)
        return html

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._pagefind:
            pages = index_site(Path(config.site_dir))
            log.info(f"pagefind indexed {pages} pages")
            # Material's bundle asks for its own index on every page; an empty one keeps that
            # request from failing without shipping the whole site to every browser.
            empty = Path(config.site_dir, "search", "search_index.json")
            empty.parent.mkdir(exist_ok=True)
            empty.write_text(json.dumps({"config": {"lang": ["en"], "separator": r"[\s\-]+",
                                                    "pipeline": []}, "docs": []}))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        content = self._content
        if content is None:  # pragma: no cover - MkDocs always runs on_pre_build first
            raise PluginError("pitchcraft: content was not loaded")
        options = SiteOptions(self.config.audience, self.config.drafts, self._groups())
        if options.drafts:
            log.warning("drafts are shown: this build must not be published")
        site = build_site(content, options, _today())
        try:
            pages = site_pages(site, [Path(self.config.templates)])
        except TemplateError as exc:
            raise PluginError(f"template error: {exc}") from None
        for path in self._left_out():
            if (internal := files.get_file_from_path(path)) is not None:
                files.remove(internal)
        self._generated = frozenset(page.path for page in pages)
        for page in pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)  # generated pages own their paths
            files.append(File.generated(
                config, page.path, content=page.markdown,
                inclusion=InclusionLevel.INCLUDED if page.path in _IN_NAV
                else InclusionLevel.NOT_IN_NAV,
            ))
        return files

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        server.watch(self.config.content)
        server.watch(self.config.templates)
        return server


def _prune_nav(nav: list, left_out: set[str]) -> list:
    """The nav without entries for left-out pages, and without sections left empty."""
    pruned = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            value = _prune_nav(value, left_out)
            if value:
                pruned.append({next(iter(entry)): value})
        elif value not in left_out:
            pruned.append(entry)
    return pruned


def _today() -> dt.date:
    """Build date; SOURCE_DATE_EPOCH pins it so two builds of the same content match."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
