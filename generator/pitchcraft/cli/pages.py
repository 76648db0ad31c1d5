"""`pitchcraft generate` writes the site's pages as files; `pitchcraft serve` previews the site
and rebuilds only what a save changed.

Both read the Pitchcraft options from the site's `mkdocs.yml`, so the pages are the ones
`mkdocs build` makes.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from .common import existing_file

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
    from ..engines import export
    from ..mkdocs.config_file import read_site
    from ..output.incremental import SiteGenerator, build_date
    from ..output.loading import ContentErrors, load_checked
    from ..output.page_writer import NotGenerated, cache_folder, pages_folder_of
    from ..output.site_guard import links_problem, unsafe_pages_dir
    from ..render.templates import TemplateError
    from ..site.audience import empty_public_site
    from ..site.options import options_for, template_dirs

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
        docs = export.docs_pages(docs_dir, options, pages)
        pages = export.engine_pages(pages, docs) if engine_config else docs + pages
    if out is None:
        cache_folder(folder.parent)
    try:
        written = export.write_folder(folder, pages,
                                      docs_dir if with_docs or engine_config else None)
    except NotGenerated as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"{len(pages)} pages in {folder}: {written.summary()}")
    if engine_config:
        from ..engines.engines import ENGINES

        try:
            overrides = export.write_overrides(folder.with_name(folder.name + "-overrides"),
                                               export.site_overrides(config_file, site))
        except export.NotOurs as exc:
            raise click.UsageError(str(exc)) from None
        export.write_config(engine_config, site, folder, docs_dir, options, overrides,
                            search_off=ENGINES["zensical"].search_off)
        click.echo(f"configuration for any engine in {engine_config}, theme overrides in "
                   f"{overrides}; `pitchcraft build --engine` also indexes the site for "
                   "search and checks every page")


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
