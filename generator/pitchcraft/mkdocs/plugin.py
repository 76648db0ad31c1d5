"""The MkDocs adapter: each event is a few lines into the core.

Content is loaded in `on_pre_build` and pages are added in `on_files`, so every build
(including each `mkdocs serve` rebuild) starts from the files on disk. What the site needs from
its configuration is `site.config`; which pages exist, the nav and links to left-out pages are
`site.page_groups`; the search engine is `mkdocs.search`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from ..output.incremental import Generated, SiteGenerator, build_date
from ..output.loading import ContentErrors, load_checked
from ..output.page_writer import NotGenerated, failure_message
from ..output.site_guard import links_problem
from ..render.templates import TemplateError
from ..site import decks as site_decks
from ..site import page_groups
from ..site.audience import empty_public_site
from ..site.links import LeftOutLinks, unlink_html
from ..site.options import docs_left_out, options_for, template_dirs
from ..site.options import groups as built_groups
from ..site.pages import Page as GeneratedPage
from . import background_pages, page_setup
from . import search as search_wiring
from .background_pages import BackgroundPages
from .compiled_templates import CompiledTemplates
from .held_html import WORKER_FROM_PAGES, HeldHtml
from .pages_folder import generated_file, pages_folder
from .plugin_config import PitchcraftConfig
from .search_index import SearchEntries

log = get_plugin_logger(__name__)


class PitchcraftPlugin(BasePlugin[PitchcraftConfig]):
    _pages: tuple[GeneratedPage, ...] | None = None
    _dirty = False
    _serving = False
    _engine = "material"
    _generated: frozenset[str] = frozenset()
    _docs_pages: frozenset[str] = frozenset()
    _replaced: dict[str, Path]
    _held: HeldHtml | None = None
    _background: BackgroundPages | None = None
    _search: SearchEntries | None = None
    """Set while Pitchcraft indexes the pages for Material's search (`search_index`)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Theme, extensions and links set up for the generated pages, or a clear error; the
        nav holds only pages this build makes."""
        self._replaced = page_setup.apply(config, self.config.audience)
        self._links = LeftOutLinks()
        config.markdown_extensions.append(self._links)  # type: ignore[arg-type]
        docs = page_setup.docs_pages(config.docs_dir)
        self._docs_pages = frozenset(docs - self._left_out_docs())
        config.nav = page_groups.site_nav(config.nav, self._groups(), docs, self._left_out_docs())
        return config

    def _groups(self) -> tuple[str, ...]:
        return built_groups(self.config)

    def _left_out_docs(self) -> set[str]:
        return docs_left_out(self.config)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under `mkdocs serve` the plugin lives across rebuilds: parsed cards, composed
        pitches and rendered pages are kept (`output.incremental`). A `--dirty` build is made a
        full one (see `on_pre_build`): `pitchcraft serve` is the preview that renders only
        what a save changed."""
        self._dirty = dirty
        self._serving = command == "serve"
        self._generator = SiteGenerator()
        self._templates = CompiledTemplates()
        self._entries = SearchEntries()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Load, validate and write the pages before MkDocs cleans the site folder, so a
        content error leaves the last good site in place (`mkdocs serve` keeps serving it)."""
        self._pages = None
        self._let_go()
        if problem := links_problem(Path(config.docs_dir), "docs"):
            raise PluginError(problem)
        generator = getattr(self, "_generator", None) or SiteGenerator()
        if self._serving and generator.cards.stored is None:  # cards kept between previews
            generator.cards.store_in(pages_folder(config, self.config, options_for(
                self.config, config.site_url or "", build_date())).parent)
        try:
            content = load_checked(generator, self.config.content, build_date(),
                                   lambda text, error: (log.error if error else log.warning)(text))
        except ContentErrors as errors:
            raise PluginError(str(errors)) from None
        self._engine = search_wiring.choose(
            self.config.search, len(content.published_cards), self.config.pagefind_from_pages,
            preview=self._serving and config.plugins.get("material/search") is not None)
        indexing = search_wiring.wire(config, self._engine, self._serving)
        self._search = getattr(self, "_entries", None) if indexing else None
        self._content = content
        options = options_for(self.config, config.site_url or "", build_date())
        if options.drafts:
            log.warning("drafts are shown: this build must not be published")
        if empty := empty_public_site(content, options):
            log.warning(empty)  # fails a --strict build
        dirs, today = template_dirs(self.config), build_date()
        self._pages_dir = pages_folder(config, self.config, options)
        background = background_pages.wanted(len(content.published_cards), self._serving,
                                              self._dirty)
        try:
            generated = generator.pages(content, options, today, dirs, texts=not background)
            if background:
                self._background = _started(generator, generated, (content, options, today, dirs),
                                            self._pages_dir)
            if self._background is None:
                if background:  # listed, not rendered
                    generated = generator.pages(content, options, today, dirs)
                written = generator.write(generated, self._pages_dir)
                (log.info if written.kept else log.debug)(f"pages: {written.summary()}")
        except (TemplateError, NotGenerated, OSError) as exc:
            raise PluginError(failure_message(exc) or str(exc)) from None
        log.debug(f"{generated.cards_read} card(s) read, {generated.pitches_composed} "
                  f"pitch(es) composed" + (", pages written by a second process"
                                           if self._background else ""))
        self._pages = generated.pages
        if self._dirty:  # no output left: `File.is_modified` says every page is to rebuild
            log.info("--dirty: the whole site is rebuilt; `pitchcraft serve` previews faster")
            clean_directory(config.site_dir)
        self._held = HeldHtml(in_worker=not self._serving
                              and len(generated.pages) >= WORKER_FROM_PAGES)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages = self._pages
        if pages is None:  # pragma: no cover - MkDocs always runs on_pre_build first
            raise PluginError("pitchcraft: content was not loaded")
        for path in self._left_out_docs():
            if (internal := files.get_file_from_path(path)) is not None:
                files.remove(internal)
        self._generated = frozenset(page.path for page in pages)
        for page in pages:
            if (existing := files.get_file_from_path(page.path)) is not None:
                files.remove(existing)  # generated pages own their paths
            files.append(generated_file(config, self._pages_dir, page.path))
        return files

    def on_nav(self, nav, /, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self._search is not None:
            self._search.start((f.src_uri for f in files.documentation_pages(
                inclusion=InclusionLevel.is_in_serve)), search_wiring.search_options(config))
        return nav

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> None:
        """A page written by a second process is read once its file is (`background_pages`);
        MkDocs then reads the file itself."""
        if self._background is not None:
            self._background.ready(page.file.src_uri)

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        """Every page is read by now; the feeds, files MkDocs copies next, are written too."""
        if self._background is not None:
            log.debug(f"pages: {self._background.finish()}")
            self._background = None
        if self._serving:
            env.bytecode_cache = self._templates
        return env

    @event_priority(100)  # before Material's search reads the page's HTML
    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        if self._held is not None:
            self._held.give_back(page)
        if self._search is not None:
            self._search.index(page)
        return context

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Tell the link processor which page it is about to see."""
        here, generated = page.file.src_uri, page.file.src_uri in self._generated
        groups, docs = self._groups(), self._docs_pages
        self._links.keeps = lambda href: page_groups.keeps_link(here, href, groups, docs,
                                                                generated)
        return markdown

    @event_priority(-200)  # after every other plugin, Material's `-100` "last" ones included
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Generated pages carry card text: only allowlisted HTML reaches the browser. The
        team's own pages may link to left-out pages in raw HTML, which MkDocs does not read.
        Running last, the sanitiser also sees what other plugins added, and no plugin reads a
        generated page's HTML or Markdown after they are set aside (`HeldHtml`)."""
        if page.file.src_uri in self._generated:
            page.markdown = ""  # rendered; its title is in its front matter (None would lose it)
            if self._held is None:  # pragma: no cover - set with the generated pages
                self._held = HeldHtml(in_worker=False)
            return self._held.hold(page, html)
        groups = self._groups()
        return unlink_html(html, lambda href: page_groups.keeps_url(page.url, href, groups))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """A theme override of the site's own must not take the search box or scripts away.
        A generated page's HTML is not needed once its output is made; MkDocs would keep
        every page's until the build ends."""
        problems = page_setup.page_problems(output, self._engine, self._replaced)
        if problems:
            raise PluginError("; ".join(problems))
        if page.file.src_uri in self._generated:
            page.content = None  # written, and indexed for search: thousands of pages
        return output

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._let_go()
        site_decks.after_build(self._content, self.config, config.site_dir, build_date())
        if self._search is not None and self._search.complete():  # a preview: when all are
            self._search.write(config.site_dir)
        indexed = search_wiring.after_build(Path(config.site_dir), self._engine)
        if indexed is not None:
            log.info(f"pagefind indexed {indexed} pages")

    def on_build_error(self, *, error: Exception) -> None:
        self._let_go()

    def on_shutdown(self) -> None:
        """Also after Ctrl-C, which is no build error."""
        self._let_go()

    def _let_go(self) -> None:
        """The held pages of the last build, and its sanitiser's worker: pages rendered
        after it (a preview renders them when asked) are cleaned in process. A page writer
        still running after a failed build is stopped."""
        if self._held is not None:
            self._held.close()
        if self._background is not None:
            self._background.stop()
            self._background = None

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        """A broken rebuild keeps the last good site served (MkDocs alone would hold every
        request until the next good build); the error is in the server's log."""
        server.watch(self.config.content)
        if self.config.templates:
            server.watch(self.config.templates)
        rebuild = server.builder

        def keep_last_good() -> None:
            try:
                rebuild()
            except MkDocsException as exc:
                log.error(f"{exc}: still serving the last good site")

        server.builder = keep_last_good
        return server


def _started(generator: SiteGenerator, listed: Generated, inputs: tuple,
             folder: Path) -> BackgroundPages | None:
    """The process writing the pages, or None where it cannot be started (the build then
    writes them itself)."""
    writer = generator.writer(folder)  # a folder of someone else's files fails here, now
    try:
        return BackgroundPages([page.path for page in listed.pages],
                               lambda written: generator.write_each(*inputs, writer, written))
    except OSError as exc:
        log.debug(f"pages written in process: no second process ({exc})")
        return None
