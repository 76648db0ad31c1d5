"""Generated pages as ordinary files: the site's pages written into a folder of Markdown.

Any engine can build such a folder (MkDocs, ProperDocs, Zensical, which never runs MkDocs
plugins), and MkDocs' `--dirty` rebuilds only files newer than their output. So a page whose
text did not change keeps its file untouched (same bytes, same modification time), and a page
that no longer exists loses its file, if it still holds what Pitchcraft wrote
(`pages_manifest`): a file changed by hand is kept, and a folder holding anything Pitchcraft did
not write is refused before anything is written or deleted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..load.card_cache import CARD_CACHE
from ..render.templates import TemplateError
from ..site.pages import Page
from .pages_manifest import MANIFEST, OLD_MARKER, Manifest, NotGenerated, digest, safe_path

__all__ = ["NotGenerated", "PageWriter", "Written", "cache_folder", "write_pages"]

GIT_IGNORE = "# Written by Pitchcraft: this folder is a cache, rebuilt by every build.\n*\n"
"""A cache folder's own `.gitignore` (as pytest's `.pytest_cache`): a company's repository
never shows the generated pages in `git status`, whatever its own `.gitignore` says."""


@dataclass(frozen=True)
class Written:
    """What one generation changed on disk."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    kept: tuple[str, ...] = ()
    """Pages that are gone, whose files were changed by hand since Pitchcraft wrote them."""

    def summary(self) -> str:
        return (f"{len(self.written)} written, {self.unchanged} unchanged, "
                f"{len(self.removed)} removed") + (f"; {self.kept_note()}" if self.kept else "")

    def kept_note(self) -> str:
        return (f"{len(self.kept)} page(s) no longer generated were kept, since they were "
                f"changed by hand after Pitchcraft wrote them: {', '.join(self.kept)}; "
                "delete them if they are not needed")


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
    """Make `out` hold `pages` (Markdown files under it), touching only what changed, and
    remove the files of its own pages that are gone (`PageWriter.finish`).

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
    (`background_pages`); `finish` removes the pages that were not written. Made for a folder
    that is a link or holds files Pitchcraft did not write, it raises `NotGenerated`."""

    def __init__(self, out: Path, known: Known | None = None) -> None:
        self._out = Path(out)
        self._first = not known
        self._manifest = Manifest.claim(self._out, verify=self._first)
        self._known: Known = {} if known is None else known
        self._wanted: set[str] = set()
        self._written: list[str] = []

    def write(self, page: Page) -> None:
        self.write_file(page.path, page, lambda: page.markdown.encode("utf-8"))

    def write_file(self, path: str, source: object, data_of: Callable[[], bytes]) -> None:
        """Write the file `path` (its bytes from `data_of`) unless it holds them already;
        `source` is what `known` remembers it by (the page itself)."""
        if not safe_path(path):
            raise NotGenerated(f"{path} is not a path inside {self._out}")
        target = self._out / path
        self._wanted.add(path)
        try:
            stat = target.stat()
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            stat = None
        last = self._known.get(path)
        if (stat is not None and last is not None and last[0] is source
                and last[1:] == (stat.st_size, stat.st_mtime_ns)
                and path in self._manifest.files):
            return
        data = data_of()
        sha = digest(data)
        if stat is None or stat.st_size != len(data) or target.read_bytes() != data:
            self._manifest.record(path, sha)  # before the file changes: a stopped run knows it
            _replace(target, data)
            self._written.append(path)
            stat = target.stat()
        elif self._manifest.files.get(path) != sha:
            self._manifest.record(path, sha)
        self._known[path] = (source, stat.st_size, stat.st_mtime_ns)  # type: ignore[assignment]

    def finish(self) -> Written:
        """Remove the files of pages that are gone (if unchanged since written), save the
        manifest."""
        out, known, wanted, manifest = self._out, self._known, self._wanted, self._manifest
        removed: list[str] = []
        kept: list[str] = []
        for path in sorted(p for p in manifest.files if p not in wanted):
            if manifest.remove_if_unchanged(path):
                removed.append(path)
                known.pop(path, None)
            else:
                kept.append(path)
        _drop_empty_folders(out, removed)
        manifest.save()
        return Written(tuple(self._written), len(wanted) - len(self._written), tuple(removed),
                       tuple(kept))


DRAFTS_SUFFIX = "-drafts"
"""A drafts build's folders (its pages, its site) are the published ones' with this suffix."""


def audience_folder(root: Path, audience: str, drafts: bool) -> Path:
    """The pages folder of one build under the plugin's `pages_dir` (`root`)."""
    return root / (audience + (DRAFTS_SUFFIX if drafts else ""))


def pages_folder_of(config_file: Path, pages_dir: str, audience: str, drafts: bool) -> Path:
    """The plugin's pages folder for one build: `pages_dir` beside the site's `mkdocs.yml`,
    one subfolder per audience and drafts setting. The plugin and `pitchcraft generate` both
    ask here; neither makes it before `site_guard` finds it safe."""
    root = Path(os.path.normpath(config_file.resolve().parent / pages_dir))
    return audience_folder(root, audience, drafts)


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
    return root.is_dir() and not root.is_symlink() and all(
        child.name in (".gitignore", CARD_CACHE) or (child / MANIFEST).is_file()
        or (child / OLD_MARKER).is_file() for child in root.iterdir())


def _replace(target: Path, data: bytes) -> None:
    """Write beside, then rename: a server reading the file never sees half of it."""
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def _drop_empty_folders(out: Path, removed: Iterable[str]) -> None:
    """The folders that held removed files, once empty (never `out` itself)."""
    folders = {parent for path in removed for parent in (out / path).parents
               if out in parent.parents}
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
            folder.rmdir()
