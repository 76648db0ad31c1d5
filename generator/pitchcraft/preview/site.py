"""The preview's site, built page by page when a page is asked for.

MkDocs' own build renders every page before it serves the first, and under `mkdocs serve`
renders every page again on each save (`--dirty` still reloads the theme and writes the whole
search index). At 1,000 cards that is more than a minute before anything is served. Here a save
(and the start) does only what every page needs: the plugin's `on_pre_build` (which loads the
cards and writes the generated pages whose text changed), the file list, the nav and the theme's
site-wide files. A page is rendered, with MkDocs' own functions and every plugin's page events,
the first time it is asked for after its source or the nav changed; the rest wait. Search needs
every page: the remaining pages are rendered while nobody is waiting for one (`idle_step`), or
at once when the browser asks for the search index.

A page's HTML depends on its own source, the nav (every page shows it), the configuration, the
build day and, for the team's own pages, which pages exist (their links are resolved against
the file list; generated pages only ever link to pages the generator made). A built page stays
as long as none of those changed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..mkdocs.pages_folder import generated
from ..mkdocs.search_index import SEARCH_INDEX
from ..shared import paused_cycle_collection
from .garbage import SAVE_GARBAGE_S, PreviewGarbage
from .inputs import page_inputs, remove_output, stamp

IDLE_S = 2.0
"""Pages are rendered ahead only after this long without a request or a save: while an author
is editing and looking, the preview's CPU is theirs."""

SERVED = InclusionLevel.is_in_serve


def served_address(host: str, port: int, mount_path: str) -> str:
    """The site address `mkdocs serve` gives a served site (its pages' canonical links and
    sitemap show it): the mount path with one slash at each end."""
    return f"http://{host}:{port}{('/' + mount_path.lstrip('/')).rstrip('/')}/"


@dataclass
class _Build:
    """One preparation's view of the site: MkDocs' objects and each page's inputs."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object
    documents: list[File]  # the pages, in build order
    pages: dict[str, File]  # by output path
    inputs: dict[str, tuple]  # by source path


class PreviewSite:
    """The site of one preview server, written into `site_dir` as pages are asked for."""

    def __init__(self, config_file: str, site_dir: str, dev_addr: str | None) -> None:
        self._config_file = config_file
        self._site_dir = site_dir
        self._dev_addr = dev_addr
        self.mount_path = "/"
        self._lock = threading.RLock()
        self._build: _Build | None = None
        self._config: MkDocsConfig | None = None
        self._config_inputs: tuple | None = None
        self._built: dict[str, tuple] = {}  # source path -> inputs it was rendered from
        self._outputs: dict[str, str] = {}  # source path -> output path
        self._stale: dict[str, File] = {}  # source path -> file, in build order
        self._index_written = False
        self._titles: dict[str, tuple[tuple, str | None]] = {}
        self._garbage = PreviewGarbage()
        self._shared: tuple | None = None  # the inputs every page shares, as last prepared
        self._theme_files: tuple[MkDocsConfig | None, list[tuple[str, str]]] = (None, [])
        self.last_activity = time.monotonic()

    def config(self) -> MkDocsConfig:
        """The configuration as `mkdocs serve` loads it; loaded again (and the plugins'
        `on_config` run again) only when `mkdocs.yml` changed or a page was added to or
        removed from the docs folder (the nav the plugin makes lists the docs pages)."""
        config = self._config
        if config is None or self._config_inputs != self._inputs_of(config):
            config = load_config(self._config_file, site_dir=self._site_dir,
                                 dev_addr=self._dev_addr)
            self.mount_path = urlsplit(config.site_url or "/").path
            host, port = config.dev_addr
            config.site_url = served_address(host, port, self.mount_path)
            if self._config is None:
                config.plugins.on_startup(command="serve", dirty=False)
            config = config.plugins.on_config(config)
            self._config, self._config_inputs = config, self._inputs_of(config)
        return config

    def _inputs_of(self, config: MkDocsConfig) -> tuple:
        docs = Path(config.docs_dir)
        return stamp(self._config_file), frozenset(docs.rglob("*.md"))

    def shutdown(self) -> None:
        if self._config is not None:
            self._config.plugins.on_shutdown()

    def prepare(self) -> None:
        """Everything but the pages; a failure leaves the last good preparation in use."""
        self.last_activity = time.monotonic()
        with self._lock, paused_cycle_collection():
            config = self.config()
            try:
                build = self._prepare(config)
            except Exception as error:
                config.plugins.on_build_error(error=error)
                raise
            finally:
                self.last_activity = time.monotonic()  # a save is activity until it is done
            self._take(build)
            self._garbage.prepared()

    def _prepare(self, config: MkDocsConfig) -> _Build:
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        self._add_theme_files(files, env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        in_nav = {id(page) for page in nav.pages}
        documents = files.documentation_pages(inclusion=SERVED)
        for file in documents:
            page = file.page if file.page is not None else Page(None, file, config)
            if not generated(file):
                self._own_title(page, config, files)
            elif id(page) in in_nav:
                page.read_source(config)  # its title, from its front matter
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=True, inclusion=SERVED)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
        inputs, self._shared = page_inputs(documents, nav, config, self._config_inputs,
                                           self._shared)
        return _Build(config, files, nav, env, documents, {f.dest_uri: f for f in documents},
                      inputs)

    def _own_title(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """A page of the team's own is titled as MkDocs renders it (its first heading), and
        the nav shows that title: it is rendered now, unless its file and the configuration
        are as when its title was last taken."""
        key = (stamp(page.file.abs_src_path), self._config_inputs)
        kept = self._titles.get(page.file.src_uri)
        if kept is not None and kept[0] == key:
            page.title = kept[1]
            return
        _populate_page(page, config, files)
        self._titles[page.file.src_uri] = (key, page.title)

    def _add_theme_files(self, files: Files, env: object, config: MkDocsConfig) -> None:
        """MkDocs lists the theme's thousands of files on every build (a fifth of a save);
        the list stays the same until the configuration is loaded again."""
        if self._theme_files[0] is not config:
            known = set(files.src_uris)
            files.add_files_from_theme(env, config)  # type: ignore[arg-type]
            self._theme_files = (config, [(f.src_uri, f.src_dir) for f in files
                                          if f.src_uri not in known])
            return
        for path, folder in self._theme_files[1]:
            if files.get_file_from_path(path) is None:
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    def _take(self, build: _Build) -> None:
        """Use `build`; pages whose inputs changed are stale, pages that are gone lose their
        output and search entries."""
        for source in [s for s in self._outputs if s not in build.inputs]:
            remove_output(Path(self._site_dir), self._outputs.pop(source))
            self._built.pop(source, None)
        self._build = build
        self._stale = {f.src_uri: f for f in build.pages.values()
                       if self._built.get(f.src_uri) != build.inputs[f.src_uri]}
        self._index_written = False

    def ensure(self, output: str) -> None:
        """Render the page written to `output` (or to `output/index.html`) if it is stale."""
        self.last_activity = time.monotonic()
        if output == SEARCH_INDEX:
            self.complete()
            return
        with self._lock:
            if self._build is None:
                return
            file = self._build.pages.get(output) or self._build.pages.get(f"{output}/index.html")
            if file is not None and file.src_uri in self._stale:
                self._render(file)
            self.last_activity = time.monotonic()  # waiting for it was not idle time

    def idle_step(self) -> bool:
        """Collect garbage, or render one stale page (or write the search index), if nobody
        has asked for anything for a while; returns whether it did."""
        if time.monotonic() - self.last_activity < SAVE_GARBAGE_S:
            return False
        with self._lock:
            idle_s = time.monotonic() - self.last_activity  # a save or a request may have come
            if self._garbage.collect(idle_s):
                return True
            return idle_s >= IDLE_S and self._step()

    def complete(self) -> None:
        """Render every stale page, then write the search index. The lock is let go between
        pages, so a page asked for meanwhile (or a save) does not wait for all of them."""
        while True:
            with self._lock:
                self.last_activity = time.monotonic()  # a browser is waiting for the index
                if not self._step():
                    return

    def _step(self) -> bool:
        if self._build is None:
            return False
        if self._stale:
            self._render(next(iter(self._stale.values())))
            return True
        if not self._index_written:
            self._write_index()
        return False

    def _render(self, file: File) -> None:
        build = self._build
        assert build is not None and file.page is not None
        config, page = build.config, file.page
        del self._stale[file.src_uri]
        if page.content is None:  # the team's own pages were read in `prepare`
            _populate_page(page, config, build.files)
        _build_page(page, config, build.documents, build.nav, build.env)
        # Kept by MkDocs for the anchor checks that end a build, which a preview never runs;
        # at thousands of pages, most of what rendering leaves in memory.
        page.toc, page.present_anchor_ids, page.links_to_anchors = TableOfContents([]), None, None
        self._built[file.src_uri] = build.inputs[file.src_uri]
        self._outputs[file.src_uri] = file.dest_uri
        self._index_written = False

    def _write_index(self) -> None:
        """Every plugin's `on_post_build`, once every page is rendered: the search index is
        written then, by the plugin, from every page's entries (`mkdocs.search_index`)."""
        build = self._build
        assert build is not None
        build.config.plugins.on_post_build(config=build.config)
        self._index_written = True
