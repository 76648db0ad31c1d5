"""`pitchcraft build` with MkDocs and the plugin: a build that never leaves a half-written
site behind and never destroys what it did not make.

Before anything is written, the target is checked against the project's sources
(`site_guard`); the site is built into a fresh folder and swapped in when the build succeeds
(`output.site_folder`). A build without `--drafts` always switches drafts off, whatever the
config says.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..output.site_folder import BuildFailed, fresh_folder, target
from ..output.site_guard import sources_of, unsafe_site_dir
from .logs import PLUGIN_LOG, log_to_terminal

__all__ = ["BuildFailed", "build_site_dir"]

_DRAFTS_WARNING = "drafts are shown"


def build_site_dir(
    config_file: Path, site_dir: Path | None, audience: str | None, strict: bool,
    drafts: bool = False, on_wait: Callable[[str], None] = lambda _: None,
) -> Path:
    log_to_terminal()
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
    plugin = config.plugins.get("pitchcraft")
    if plugin is None:
        raise BuildFailed(f"{config_file} does not enable the pitchcraft plugin")
    if audience:
        plugin.config.audience = audience
    plugin.config.drafts = drafts
    published = Path(config.site_dir).resolve()
    site = target(site_dir, published, drafts, plugin.config.audience)
    sources = sources_of(config_file, config, plugin.config)
    reason = unsafe_site_dir(site, sources)
    if reason:
        raise BuildFailed(f"refusing to build into {site}: {reason}, and a build replaces "
                          "its site folder; pass -d with a folder outside the sources")
    with fresh_folder(site, drafts, on_wait) as fresh:
        config.site_dir = str(fresh)
        try:
            with _drafts_warning_as_info(drafts):
                build(config)
        except (MkDocsException, SystemExit) as exc:
            raise BuildFailed(str(exc) or "the build failed") from None
    return site


class _AsInfo(logging.Filter):
    """The plugin warns that a drafts build must not be published; `pitchcraft build --drafts`
    enforces that itself (its own folder, robots.txt), so the warning must not fail --strict."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and _DRAFTS_WARNING in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


@contextmanager
def _drafts_warning_as_info(drafts: bool) -> Iterator[None]:
    logger = logging.getLogger(PLUGIN_LOG)
    as_info = _AsInfo()
    if drafts:
        logger.addFilter(as_info)
    try:
        yield
    finally:
        logger.removeFilter(as_info)
