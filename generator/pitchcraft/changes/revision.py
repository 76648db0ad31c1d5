"""The pitch model of a content folder at a git revision, or in the working tree.

Snapshots of commits never change, so they are cached by the content folder's git tree id (the
same for every commit that left the content alone): a `mkdocs serve` rebuild, the history of
recent commits or a second diff against the same base reads and composes each version once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from ..load import load_content
from ..model import Content
from . import git_read
from .snapshot import Snapshot, snapshot

_CACHE: dict[tuple[str, str, str, dt.date], Snapshot] = {}


@dataclasses.dataclass(frozen=True)
class Place:
    """Where the content lives in a repository."""

    repo: Path
    folder: str
    """The content folder relative to the repository top, as git names it (`content`)."""
    shown: str
    """The content folder as the user named it, for findings (`content`, `site/content`)."""


def place(content_dir: Path) -> Place:
    """GitError when the content folder is not inside a git work tree."""
    repo = git_read.repo_root(content_dir)
    folder = content_dir.resolve().relative_to(repo.resolve()).as_posix()
    return Place(repo, folder, content_dir.as_posix().rstrip("/"))


def at_worktree(content_dir: Path, today: dt.date) -> Snapshot:
    return snapshot(load_content(content_dir, today=today), today)


def at_commit(where: Place, sha: str, today: dt.date) -> Snapshot:
    key = (str(where.repo.resolve()), git_read.tree(where.repo, sha, where.folder) or sha,
           where.folder, today)
    if key not in _CACHE:
        with tempfile.TemporaryDirectory(prefix="pitchcraft-rev-") as tmp:
            root = git_read.export(where.repo, sha, where.folder, Path(tmp))
            content = _as_named(load_content(root, today=today), root.as_posix(), where.shown)
            _CACHE[key] = snapshot(content, today)
    return _CACHE[key]


def _as_named(content: Content, loaded_from: str, shown: str) -> Content:
    """Findings name files as the user knows them, not the temporary folder they came from."""
    findings = tuple(
        dataclasses.replace(f, path=shown + f.path[len(loaded_from):])
        if f.path.startswith(loaded_from) else f
        for f in content.findings)
    return dataclasses.replace(content, findings=findings)
