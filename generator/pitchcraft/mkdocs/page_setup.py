"""Applies `site.config`'s rules to a MkDocs configuration: the packaged Material overrides,
the Markdown extensions and the link setting the generated pages need, or a `PluginError`
that names what to add or remove. The Markdown that renders the site also gets the rep-only
notes rule (`load.note_html.RepNotes`): a public build's pages never hold a note."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig, _AbsoluteLinksValidation
from mkdocs.exceptions import PluginError
from mkdocs.utils import markdown_extensions

from ..load.note_html import RepNotes
from ..site import config as site_config
from ..site.config import page_problems
from ..site.page_groups import PUBLIC
from ..theme_files import overrides_dir

__all__ = ["apply", "docs_pages", "page_problems"]


def apply(config: MkDocsConfig, audience: str) -> dict[str, Path]:
    """Set the configuration up for `audience` (`public` drops every rep-only note from the
    rendered pages); returns the packaged overrides the site's own `custom_dir` replaces
    (allowed, and named if a built page then lacks what they provide)."""
    problems = [p for p in (site_config.theme_problem(config.theme.name),
                            site_config.absolute_links_problem(_user_absolute_links(config)))
                if p]
    setup = site_config.markdown_setup(
        [e for e in config.markdown_extensions if isinstance(e, str)], config.mdx_configs)
    problems += setup.problems
    if problems:
        raise PluginError("mkdocs.yml: " + "\n".join(problems))
    config.markdown_extensions.extend(setup.add)
    config.mdx_configs.update(setup.options)
    if audience == PUBLIC:  # the team's pages show notes as written (a "For the rep" box)
        config.markdown_extensions.append(RepNotes(drop=True))  # type: ignore[arg-type]
    config.validation.links.absolute_links = _relative_to_docs()
    return _add_overrides(config)


def _add_overrides(config: MkDocsConfig) -> dict[str, Path]:
    """The packaged overrides go after the site's `custom_dir` and before Material's own, so
    each file of the site's wins over Pitchcraft's, and Pitchcraft's over Material's."""
    packaged = str(overrides_dir())
    dirs = config.theme.dirs
    if packaged in dirs:
        return {}
    custom = config.theme.custom_dir
    at = dirs.index(custom) + 1 if custom in dirs else 0
    dirs.insert(at, packaged)
    return site_config.shadowed(Path(packaged), dirs[:at])


def docs_pages(docs_dir: str) -> set[str]:
    """The Markdown pages of the docs folder, as paths under it."""
    root = Path(docs_dir)
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.suffix in markdown_extensions and p.is_file()}


def _user_absolute_links(config: MkDocsConfig) -> str | None:
    """The user's setting for absolute links by name, or None when it is MkDocs' default
    (`info`, which Pitchcraft replaces) or already what the pages need."""
    value = config.validation.links.absolute_links
    if value in (_relative_to_docs(), logging.INFO):
        return None
    return {v: k for k, v in _AbsoluteLinksValidation.levels.items()}.get(value, str(value))


def _relative_to_docs() -> int:
    return _AbsoluteLinksValidation.levels[site_config.ABSOLUTE_LINKS]
