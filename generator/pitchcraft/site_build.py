"""`pitchcraft build`: a MkDocs build that never leaves a half-written site behind.

The site is built into a fresh folder beside the target and swapped in only when the build
succeeds, so a broken edit leaves the last good site where the web server reads it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class BuildFailed(Exception):
    """The build stopped; the message says why and the previous site is untouched."""


def build_site_dir(
    config_file: Path, site_dir: Path | None, audience: str | None, strict: bool,
    drafts: bool = False,
) -> Path:
    _log_to_terminal()
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
    target = Path(site_dir or config.site_dir).resolve()
    plugin = config.plugins.get("pitchcraft")
    if plugin is None:
        raise BuildFailed(f"{config_file} does not enable the pitchcraft plugin")
    if audience:
        plugin.config.audience = audience
    if drafts:
        plugin.config.drafts = True
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    config.site_dir = str(fresh)
    try:
        build(config)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildFailed(str(exc) or "the build failed") from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _swap(fresh, target)
    return target


def _swap(fresh: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    target.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    shutil.rmtree(old, ignore_errors=True)


def _log_to_terminal() -> None:
    """MkDocs' own CLI sets this up; a build started from here must show warnings too."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_pitchcraft", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.INFO)
        handler._pitchcraft = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
