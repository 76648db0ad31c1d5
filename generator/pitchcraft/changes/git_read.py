"""Reading a content folder as it was at a git revision, and the commits that touched it.

The only module of this package that runs git. Everything comes out as files in a temporary
folder (`git archive`), so the ordinary loader reads an old revision exactly as it reads the
working tree, and no checkout or worktree of the user's repository is touched.

Only files and folders come out: an entry that is a symbolic link (git mode 120000) is left
out with a warning naming the commit and the path, as the loader never follows a link in the
working tree either. One such commit must not stop every build while it is in the window of
recent commits, and nothing a link points at is ever read.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import subprocess
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
"""History warnings: outside MkDocs' logger, so an old commit never fails a --strict build."""


class GitError(Exception):
    """Git is missing, the folder is not in a repository, or a revision does not exist."""


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:8]


def _git(repo: Path, *args: str, binary: bool = False) -> str | bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True,
                              check=False, text=not binary)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        err = done.stderr if isinstance(done.stderr, str) else done.stderr.decode(errors="replace")
        raise GitError(err.strip().splitlines()[-1] if err.strip() else f"git {args[0]} failed")
    return done.stdout


def repo_root(folder: Path) -> Path:
    """The top of the work tree holding `folder`; GitError when there is none."""
    return Path(str(_git(folder, "rev-parse", "--show-toplevel")).strip())


def is_shallow(repo: Path) -> bool:
    return str(_git(repo, "rev-parse", "--is-shallow-repository")).strip() == "true"


def resolve(repo: Path, revision: str) -> str:
    """The commit a revision names; GitError naming it when it does not exist."""
    if revision.startswith("-"):
        raise GitError(f"{revision!r} is not a revision")
    try:
        return str(_git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
                   ).strip()
    except GitError:
        raise GitError(f"unknown revision {revision!r}") from None


def export(repo: Path, sha: str, folder: str, into: Path) -> Path:
    """Write `folder` (relative to the repository top) as it was at `sha` under `into`;
    returns where it is. A revision without the folder gives an empty folder, which the
    loader reports as missing files. Links are left out (`_files_only`); GitError naming the
    commit when its folder cannot be written out at all."""
    target = into / folder
    target.mkdir(parents=True, exist_ok=True)
    try:
        data = _git(repo, "archive", "--format=tar", sha, "--", folder, binary=True)
    except GitError as exc:
        if not tree(repo, sha, folder):
            return target  # the folder did not exist at that revision
        raise GitError(f"cannot read {folder} at commit {sha[:8]} ({exc})") from None
    try:
        with tarfile.open(fileobj=io.BytesIO(bytes(data))) as tar:
            tar.extractall(into, filter=_files_only(sha))
    except (tarfile.TarError, OSError) as exc:
        raise GitError(f"cannot read {folder} at commit {sha[:8]} ({exc})") from None
    return target


def _files_only(sha: str) -> Callable[[tarfile.TarInfo, str], tarfile.TarInfo | None]:
    """A `tarfile` extraction filter: files and folders through the "data" filter; a link or
    anything else is left out, with a warning, instead of stopping the extraction."""

    def keep(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
        if member.issym() or member.islnk():
            log.warning("commit %s: %s is a symbolic link; left out of the history (content "
                        "is never read through a link)", sha[:8], member.name)
            return None
        if not (member.isfile() or member.isdir()):
            log.warning("commit %s: %s is not a file or a folder; left out of the history",
                        sha[:8], member.name)
            return None
        try:
            return tarfile.data_filter(member, dest)
        except tarfile.FilterError as exc:
            log.warning("commit %s: %s left out of the history (%s)", sha[:8], member.name, exc)
            return None

    return keep


SCAN_FACTOR = 5
"""How many candidate commits are scanned for each content commit wanted: a bound on the
work, since commits that also change other files are skipped."""


def commits_touching(repo: Path, folder: str, limit: int) -> list[Commit]:
    """The newest `limit` content commits, newest first: commits that changed `folder` and no
    file outside it. Merges are left out (each commit a branch brought in is read on its
    own, against its parent), and so is a commit that also changed code, templates or docs:
    its subject speaks of more than the content (a Changes page shows reps no engineering
    commit). At most `limit` x `SCAN_FACTOR` candidates are read."""
    out = str(_git(repo, "log", "--no-merges", "--full-diff", "--name-only",
                   f"-n{limit * SCAN_FACTOR}", "--format=%x1e%H%x1f%cI%x1f%an%x1f%s",
                   "--", folder or "."))
    commits = []
    for record in out.split("\x1e")[1:]:
        head, _, names = record.partition("\n")
        sha, when, author, subject = head.split("\x1f", 3)
        if all(_inside(name, folder) for name in names.split("\n") if name):
            commits.append(Commit(sha, dt.datetime.fromisoformat(when), author, subject))
        if len(commits) == limit:
            break
    return commits


def _inside(path: str, folder: str) -> bool:
    """A repository path inside `folder` (the repository's top: every path)."""
    top = folder.strip("/")
    return top in ("", ".") or path == top or path.startswith(top + "/")


def tree(repo: Path, sha: str, folder: str) -> str:
    """The id of `folder` at `sha` (equal ids, equal content), or "" where it did not exist."""
    try:
        return str(_git(repo, "rev-parse", "--verify", "--quiet", f"{sha}:{folder}")).strip()
    except GitError:
        return ""


def parent(repo: Path, sha: str) -> str | None:
    try:
        return resolve(repo, f"{sha}^")
    except GitError:
        return None
