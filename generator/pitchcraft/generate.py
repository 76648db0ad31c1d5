"""Generated pages as ordinary files: the site's pages written into a folder of Markdown.

Any engine can build such a folder (MkDocs, ProperDocs, Zensical, which never runs MkDocs
plugins), and MkDocs' `--dirty` rebuilds only files newer than their output. So a page whose
text did not change keeps its file untouched (same bytes, same modification time), and a page
that no longer exists loses its file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .render.site import Page
from .render.templates import TemplateError

MARKER = ".pitchcraft-pages"
"""Written into every generated folder: only a folder holding it is ever cleaned, so a wrong
path cannot delete a person's files."""

GIT_IGNORE = "# Written by Pitchcraft: this folder is a cache, rebuilt by every build.\n*\n"
"""A cache folder's own `.gitignore` (as pytest's `.pytest_cache`): a company's repository
never shows the generated pages in `git status`, whatever its own `.gitignore` says."""


@dataclass(frozen=True)
class Written:
    """What one generation changed on disk."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]

    def summary(self) -> str:
        return (f"{len(self.written)} written, {self.unchanged} unchanged, "
                f"{len(self.removed)} removed")


class NotGenerated(Exception):
    """The folder holds files that Pitchcraft did not write: it is never cleaned."""


def failure_message(exc: Exception) -> str | None:
    """What a build says when making its pages fails with `exc`, wherever they are made (in
    the build's process or in `background_pages`); None for what is not a known failure."""
    if isinstance(exc, TemplateError):
        return f"template error: {exc}"
    if isinstance(exc, NotGenerated):
        return f"pages_dir: {exc}"
    if isinstance(exc, OSError):
        return f"pages_dir: cannot write the generated pages: {exc}"
    return None


Known = dict[str, tuple[Page, int, int]]
"""What one process last wrote into a folder: by path, the page and the file's size and
modification time right after."""


def write_pages(pages: Iterable[Page], out: Path, known: Known | None = None) -> Written:
    """Make `out` hold exactly `pages` (Markdown files under it), touching only what changed.

    `known`, kept by a caller that writes the same folder again and again (`mkdocs serve`),
    lets a page that is the very object written last time, over a file not touched since,
    pass without being encoded and compared, and a page that is gone be found without
    listing the folder."""
    writer = PageWriter(out, known)
    for page in pages:
        writer.write(page)
    return writer.finish()


class PageWriter:
    """`write_pages` one page at a time, for pages written as soon as each is rendered
    (`background_pages`); `finish` removes the pages that were not written."""

    def __init__(self, out: Path, known: Known | None = None) -> None:
        self._out = Path(out)
        _claim(self._out)
        self._first = not known
        self._known: Known = {} if known is None else known
        self._wanted: set[str] = set()
        self._written: list[str] = []

    def write(self, page: Page) -> None:
        path, target = page.path, self._out / page.path
        self._wanted.add(path)
        try:
            stat = target.stat()
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            stat = None
        last = self._known.get(path)
        if (stat is not None and last is not None and last[0] is page
                and last[1:] == (stat.st_size, stat.st_mtime_ns)):
            return
        data = page.markdown.encode("utf-8")
        if stat is None or stat.st_size != len(data) or target.read_bytes() != data:
            _replace(target, data)
            self._written.append(path)
            stat = target.stat()
        self._known[path] = (page, stat.st_size, stat.st_mtime_ns)

    def finish(self) -> Written:
        out, known, wanted = self._out, self._known, self._wanted
        gone = existing_pages(out) if self._first else list(known)
        removed = sorted(path for path in gone if path not in wanted)
        for path in removed:
            (out / path).unlink(missing_ok=True)
            known.pop(path, None)
        if removed or self._first:
            _drop_empty_folders(out)
        return Written(tuple(self._written), len(wanted) - len(self._written), tuple(removed))


def cache_folder(root: Path) -> Path:
    """Make the pages cache folder `root`, ignored by git from the moment it exists.

    Only a folder made here or holding nothing but generated folders gets the `.gitignore`:
    a `pages_dir` pointed at a folder of the company's own must not hide it from git."""
    if not root.exists() or _only_generated(root):
        root.mkdir(parents=True, exist_ok=True)
        ignore = root / ".gitignore"
        if not ignore.exists():
            ignore.write_text(GIT_IGNORE, encoding="utf-8")
    return root


def _only_generated(root: Path) -> bool:
    return root.is_dir() and all(child.name == ".gitignore" or (child / MARKER).is_file()
                                 for child in root.iterdir())


def existing_pages(out: Path) -> list[str]:
    """The Markdown pages under `out`, as paths under it."""
    return [p.relative_to(out).as_posix() for p in out.rglob("*.md") if p.is_file()]


def _claim(out: Path) -> None:
    if (out / MARKER).exists():
        return
    if out.exists() and any(out.iterdir()):
        raise NotGenerated(f"{out} already holds files Pitchcraft did not write; "
                           "choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by `pitchcraft generate`; rewritten on every build.\n",
                              encoding="utf-8")


def _replace(target: Path, data: bytes) -> None:
    """Write beside, then rename: a server reading the file never sees half of it."""
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def _drop_empty_folders(out: Path) -> None:
    for folder in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
