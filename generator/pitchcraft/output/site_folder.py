"""The site folder a build replaces: chosen, locked, and swapped in only when the build worked.

Every build, whichever engine makes it, is written into a fresh folder beside the target and
swapped in when it succeeds, so a broken edit leaves the last good site where the web server
reads it. The whole build holds a lock on the target's parent folder, so two builds into one
folder run one after the other, and the lock holder removes build folders that a killed build
left behind.

A drafts build is a preview: it goes to `<site_dir>-drafts` (never the published folder),
carries a `robots.txt` that asks every crawler to stay out, and is refused for the public
audience.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .page_writer import DRAFTS_SUFFIX

NO_CRAWLERS = "User-agent: *\nDisallow: /\n"


class BuildFailed(Exception):
    """The build stopped; the message says why and the previous site is untouched."""


def target(site_dir: Path | None, published: Path, drafts: bool, audience: str) -> Path:
    """Where the site goes: `site_dir` (or the configured folder), or the drafts folder."""
    if not drafts:
        return Path(site_dir or published).resolve()
    if audience == "public":
        raise BuildFailed("a drafts build is an internal preview; it cannot be --audience public")
    where = Path(site_dir or published.with_name(published.name + DRAFTS_SUFFIX)).resolve()
    if where == published:
        raise BuildFailed(f"a drafts preview never goes to the published folder {published}; "
                          f"leave out -d to build it into {published.name}{DRAFTS_SUFFIX}/")
    return where


@contextmanager
def fresh_folder(site: Path, drafts: bool,
                 on_wait: Callable[[str], None] = lambda _: None) -> Iterator[Path]:
    """A new, empty folder beside `site` to build into, under the lock; swapped in for `site`
    when the block ends without an error, removed when it raises."""
    site.parent.mkdir(parents=True, exist_ok=True)
    with _locked(site.parent, on_wait):
        _remove_leftovers(site)
        fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
        try:
            yield fresh
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        if drafts:
            (fresh / "robots.txt").write_text(NO_CRAWLERS, encoding="utf-8")
        _swap(fresh, site)


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


def _leftover_pattern(site: Path) -> re.Pattern[str]:
    """Names `tempfile.mkdtemp` and `_swap` give, and nothing a person would choose."""
    return re.compile(rf"\.{re.escape(site.name)}-(old|[a-z0-9_]{{8}})")


def _remove_leftovers(site: Path) -> None:
    """Build folders of builds that were killed; safe because this build holds the lock."""
    pattern = _leftover_pattern(site)
    for entry in site.parent.iterdir():
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _swap(fresh: Path, site: Path) -> None:
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    site.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    shutil.rmtree(old, ignore_errors=True)
