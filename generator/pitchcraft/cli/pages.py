"""`pitchcraft generate` writes the site's pages as files; `pitchcraft serve` previews the site
and rebuilds only what a save changed.

Both read the Pitchcraft options from the site's `mkdocs.yml`, so the pages are the ones
`mkdocs build` makes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import yaml

from .common import existing_file

if TYPE_CHECKING:
    from ..site.pages import Page

CONFIG = click.option(
    "-f", "--config-file", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    callback=existing_file("site configuration (mkdocs.yml)"),
    help="The site's MkDocs configuration; its pitchcraft options choose the pages.")


@click.command()
@click.argument("out", required=False, type=click.Path(file_okay=False, path_type=Path))
@CONFIG
@click.option("--with-docs", is_flag=True,
              help="Also copy the docs folder (minus pages the audience leaves out), so OUT "
                   "is a whole docs folder for an engine that runs no plugins.")
@click.option("--engine-config", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a configuration that builds OUT without the plugin "
                   "(Zensical, ProperDocs or MkDocs); implies --with-docs.")
def generate(out: Path | None, config_file: Path, with_docs: bool,
             engine_config: Path | None) -> None:
    """Write every page of the site as Markdown into OUT (default: the plugin's folder).

    A page whose text did not change keeps its file untouched; a page that is gone is removed,
    unless its file was changed by hand. OUT must be a plain folder (no link) outside the
    sources, holding only what Pitchcraft wrote there.
    """
    # Imported here, so that the other commands start without Jinja2, feeds or MkDocs.
    from ..mkdocs.config_file import read_site
    from ..output.incremental import SiteGenerator, build_date
    from ..output.loading import ContentErrors, load_checked
    from ..output.page_writer import NotGenerated, PageWriter, cache_folder, pages_folder_of
    from ..output.site_guard import links_problem, unsafe_pages_dir
    from ..render.templates import TemplateError
    from ..site.audience import empty_public_site
    from ..site.options import options_for, template_dirs
    from ..site.pages import Page

    site, options, sources = read_site(config_file)
    if options is None:
        raise click.UsageError(f"{config_file} does not use the pitchcraft plugin")
    generator = SiteGenerator()
    today = build_date()
    try:
        content = load_checked(generator, options["content"], today,
                               lambda text, _error: click.echo(text, err=True))
    except ContentErrors as errors:
        click.echo(str(errors), err=True)
        raise SystemExit(1) from None
    site_options = options_for(options, site.get("site_url") or "", today)
    if empty := empty_public_site(content, site_options):
        click.echo(f"warning: {empty}", err=True)
    try:
        generated = generator.pages(content, site_options, today, template_dirs(options))
    except TemplateError as exc:
        click.echo(f"template error: {exc}", err=True)
        raise SystemExit(1) from None
    folder = out or pages_folder_of(config_file, options["pages_dir"], site_options.audience,
                                    site_options.drafts)
    reason = unsafe_pages_dir(folder, sources)
    if reason:
        raise click.UsageError(
            f"refusing to write the generated pages into {folder}: {reason}, and the folder "
            "is cleaned on every run; choose a plain folder (no link) outside the content, "
            "docs, theme and templates folders; nothing was written or deleted")
    docs_dir = config_file.parent / site.get("docs_dir", "docs")
    pages = list(generated.pages)
    if with_docs or engine_config:
        if problem := links_problem(docs_dir, "docs"):
            raise click.UsageError(problem + "; nothing was written")
        pages = _docs_pages(docs_dir, options, pages) + pages
    if engine_config:
        from ..output.engine_config import relative_links

        pages = [Page(p.path, relative_links(p.path, p.markdown)) for p in pages]
    if out is None:
        cache_folder(folder.parent)
    try:
        writer = PageWriter(folder)
        for page in pages:
            writer.write(page)
        if with_docs or engine_config:
            for path, source in _docs_assets(docs_dir):
                writer.write_file(path, source, source.read_bytes)
        written = writer.finish()
    except NotGenerated as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"{len(pages)} pages in {folder}: {written.summary()}")
    if engine_config:
        _write_engine_config(engine_config, site, folder, docs_dir, options)
        click.echo(f"configuration for any engine in {engine_config}")


@click.command()
@CONFIG
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
@click.option("--poll", is_flag=True,
              help="Look for saved files every half second (for network drives) instead of "
                   "being told by the system at once.")
def serve(config_file: Path, dev_addr: str, poll: bool) -> None:
    """Preview the site: pages are served as soon as they are asked for, a save re-renders
    only the pages it changed, and the browser reloads."""
    from ..mkdocs.config_file import ConfigError
    from ..mkdocs.logs import log_to_terminal
    from ..preview.server import notified_of_saves
    from ..preview.server import serve as preview

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    log_to_terminal()
    if not poll:
        notified_of_saves()
    try:
        preview(str(config_file), dev_addr)
    except ConfigError as error:
        raise click.ClickException(f"{error}; nothing to serve until it is fixed") from None


def _docs_pages(docs_dir: Path, options: dict[str, Any], generated: list[Page]) -> list[Page]:
    """The team's own pages; a generated page of the same path wins, as in the plugin."""
    from ..site.options import docs_left_out
    from ..site.pages import Page

    taken = {p.path for p in generated} | docs_left_out(options)
    return [Page(path.relative_to(docs_dir).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(docs_dir.rglob("*.md"))
            if path.relative_to(docs_dir).as_posix() not in taken]


def _docs_assets(docs_dir: Path) -> list[tuple[str, Path]]:
    """The docs folder's other files (images, styles), by path under it."""
    return [(path.relative_to(docs_dir).as_posix(), path) for path in sorted(docs_dir.rglob("*"))
            if path.is_file() and path.suffix != ".md"]


def _write_engine_config(target: Path, site: dict[str, Any], folder: Path, docs_dir: Path,
                         options: dict[str, Any]) -> None:
    from ..output.engine_config import engine_config
    from ..site import page_groups
    from ..site.options import docs_left_out, groups
    from ..theme_files import overrides_dir

    docs = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    nav = page_groups.site_nav(site.get("nav"), groups(options), docs, docs_left_out(options))
    where = target.resolve().parent
    config = engine_config(site, Path(os.path.relpath(folder.resolve(), where)), nav,
                           overrides_dir(), options["audience"])
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")

