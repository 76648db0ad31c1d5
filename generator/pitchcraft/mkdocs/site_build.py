"""`pitchcraft build`: a MkDocs build that never leaves a half-written site behind and never
destroys what it did not make.

The site is built into a fresh folder beside the target and swapped in only when the build
succeeds, so a broken edit leaves the last good site where the web server reads it. Before
anything is written, the target is checked against the project's sources (`site_guard`); the
whole build holds a lock on the target's parent folder, so two builds into one folder run one
after the other, and the lock holder removes build folders that a killed build left behind.

A drafts build is a preview: it goes to `<site_dir>-drafts` (never the published folder),
carries a `robots.txt` that asks every crawler to stay out, and is refused for the public
audience. A build without `--drafts` always switches drafts off, whatever the config says.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..output.page_writer import DRAFTS_SUFFIX
from ..output.site_guard import sources_of, unsafe_site_dir
from .logs import PLUGIN_LOG, log_to_terminal

NO_CRAWLERS = "User-agent: *\nDisallow: /\n"
_DRAFTS_WARNING = "drafts are shown"


class BuildFailed(Exception):
    """The build stopped; the message says why and the previous site is untouched."""


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
    target = _target(site_dir, published, drafts, plugin.config.audience)
    sources = sources_of(config_file, config, plugin.config)
    reason = unsafe_site_dir(target, sources)
    if reason:
        raise BuildFailed(f"refusing to build into {target}: {reason}, and a build replaces "
                          "its site folder; pass -d with a folder outside the sources")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent, on_wait):
        _remove_leftovers(target)
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        config.site_dir = str(fresh)
        try:
            with _drafts_warning_as_info(drafts):
                build(config)
        except (MkDocsException, SystemExit) as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            raise BuildFailed(str(exc) or "the build failed") from None
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        if drafts:
            (fresh / "robots.txt").write_text(NO_CRAWLERS, encoding="utf-8")
        _swap(fresh, target)
    return target


def _target(site_dir: Path | None, published: Path, drafts: bool, audience: str) -> Path:
    if not drafts:
        return Path(site_dir or published).resolve()
    if audience == "public":
        raise BuildFailed("a drafts build is an internal preview; it cannot be --audience public")
    target = Path(site_dir or published.with_name(published.name + DRAFTS_SUFFIX)).resolve()
    if target == published:
        raise BuildFailed(f"a drafts preview never goes to the published folder {published}; "
                          f"leave out -d to build it into {published.name}{DRAFTS_SUFFIX}/")
    return target


@contextmanager
def _locked(folder: Path, on_wait: Callable[[str], None]) -> Iterator[None]:
    """An exclusive lock on the folder that holds the site; released even on a kill."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"another build is writing into {folder}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _leftover_pattern(target: Path) -> re.Pattern[str]:
    """Names `tempfile.mkdtemp` and `_swap` give, and nothing a person would choose."""
    return re.compile(rf"\.{re.escape(target.name)}-(old|[a-z0-9_]{{8}})")


def _remove_leftovers(target: Path) -> None:
    """Build folders of builds that were killed; safe because this build holds the lock."""
    pattern = _leftover_pattern(target)
    for entry in target.parent.iterdir():
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _swap(fresh: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    target.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    shutil.rmtree(old, ignore_errors=True)


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
