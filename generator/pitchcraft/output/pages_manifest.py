"""What Pitchcraft wrote into a folder of generated pages, so that it deletes only that.

Every run cleans its folder: a page that is gone loses its file. A marker file saying "this is
Pitchcraft's folder" cannot allow that, since anyone can commit one into a folder of cards. So
the folder keeps a manifest of every file Pitchcraft wrote there, with the SHA-256 of the bytes
it wrote, and the folder's own inode number: a manifest committed, copied or planted into a
folder was not written into that folder, and is not believed.

A run claims the folder first (`Manifest.claim`): it is refused, before anything is written or
deleted, if it is a symbolic link or holds anything the manifest does not list (a link, a file
of someone else's, a planted marker). A file is removed only if its bytes are still the ones
Pitchcraft wrote; a file changed by hand is left where it is, and said so.

Each path is noted in a journal before its file is replaced, so a run stopped half way (Ctrl-C,
a killed page writer) leaves a folder the next run still recognises as its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import IO

MANIFEST = ".pitchcraft-manifest.json"
JOURNAL = ".pitchcraft-manifest.journal"
OLD_MARKER = ".pitchcraft-pages"
"""The marker of Pitchcraft before the manifest: it said whose folder it was, not which files."""

_PARTIAL = ".partial"  # `output.page_writer._replace` writes `.<name>.partial` beside `<name>`


class NotGenerated(Exception):
    """The folder holds files that Pitchcraft did not write: it is never cleaned."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_path(path: str) -> bool:
    """A page's path stays inside its folder: relative, no `..`, not one of the manifest's."""
    parts = PurePosixPath(path).parts
    return (bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts
            and "\\" not in path and path not in (MANIFEST, JOURNAL, OLD_MARKER))


class Manifest:
    """The files Pitchcraft wrote into `folder`, by path under it, with their SHA-256."""

    def __init__(self, folder: Path, files: dict[str, str]) -> None:
        self.folder = folder
        self.files = files
        self._journal: IO[str] | None = None

    @classmethod
    def claim(cls, folder: Path, verify: bool = True) -> Manifest:
        """The folder's manifest, the folder made if new. Raises `NotGenerated` for a link, or
        (with `verify`) a folder holding anything Pitchcraft did not write there. Without
        `verify` (this process wrote the folder last) the folder is not listed again."""
        folder = Path(folder)
        if folder.is_symlink():
            raise NotGenerated(f"{folder} is a symbolic link (to {os.readlink(folder)}); "
                               "generated pages are written only into a plain folder, so a "
                               "link cannot send them, and their clean-up, into other files. "
                               "Remove the link, or choose another folder")
        if not folder.exists():
            folder.mkdir(parents=True)
            manifest = cls(folder, {})
            manifest.save()
            return manifest
        if not folder.is_dir():
            raise NotGenerated(f"{folder} is not a folder; choose an empty or new folder")
        files, why_not = _read(folder)
        manifest = cls(folder, files if files is not None else {})
        if verify or files is None:
            manifest._verify(why_not)
        if verify or files is None or (folder / JOURNAL).exists():
            manifest.save()
        return manifest

    def _verify(self, why_not: str | None) -> None:
        foreign, partials, old_marker = [], [], False
        for path, is_file in _entries(self.folder):
            if path in (MANIFEST, JOURNAL, MANIFEST + _PARTIAL):
                continue
            if path == OLD_MARKER and is_file:
                old_marker = True
            elif is_file and path in self.files:
                continue
            elif is_file and _partial_of(path) in self.files:
                partials.append(path)
            else:
                foreign.append(path if is_file else f"{path} (a link or special file)")
        if foreign:
            raise NotGenerated(_refusal(self.folder, foreign, why_not, old_marker))
        for path in [*partials, *([OLD_MARKER] if old_marker else [])]:
            (self.folder / path).unlink()  # Pitchcraft's own names, for its own paths

    def record(self, path: str, sha: str) -> None:
        """Note `path` as Pitchcraft's, with the bytes about to be written, before they are."""
        self.files[path] = sha
        if self._journal is None:
            self._journal = open(self.folder / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115
        self._journal.write(json.dumps([path, sha]) + "\n")
        self._journal.flush()

    def remove_if_unchanged(self, path: str) -> bool:
        """Delete the file at `path` if it holds what Pitchcraft wrote (True, also when it is
        gone already); a file changed since is kept (False)."""
        target = self.folder / path
        try:
            unchanged = target.is_file() and not target.is_symlink() and \
                digest(target.read_bytes()) == self.files.get(path)
        except FileNotFoundError:
            self.files.pop(path, None)
            return True
        if not unchanged:
            return False
        target.unlink()
        self.files.pop(path, None)
        return True

    def save(self) -> None:
        """Write the manifest (beside, then renamed) and drop the journal it now holds."""
        data = json.dumps({"written_by": "pitchcraft", "version": 1,
                           "folder": os.stat(self.folder).st_ino,
                           "files": dict(sorted(self.files.items()))}, indent=0)
        partial = self.folder / (MANIFEST + _PARTIAL)
        partial.write_text(data + "\n", encoding="utf-8")
        os.replace(partial, self.folder / MANIFEST)
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        with contextlib.suppress(FileNotFoundError):
            (self.folder / JOURNAL).unlink()


def _read(folder: Path) -> tuple[dict[str, str] | None, str | None]:
    """The manifest's files, with the journal of a run that stopped half way; or None and why
    the manifest is not believed."""
    path = folder / MANIFEST
    if not path.exists():
        return None, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files, inode = data["files"], data["folder"]
        if not (isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in files.items())):
            raise TypeError("files")
    except (OSError, ValueError, KeyError, TypeError):
        return None, f"its {MANIFEST} cannot be read"
    if inode != os.stat(folder).st_ino or path.is_symlink():
        return None, (f"its {MANIFEST} was not written into this folder (it was copied, "
                      "committed or planted)")
    journal = folder / JOURNAL
    if journal.is_file() and not journal.is_symlink():
        for line in journal.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError, TypeError):
                noted, sha = json.loads(line)
                if isinstance(noted, str) and isinstance(sha, str) and _written(folder, noted,
                                                                                 sha):
                    files[noted] = sha
    return files, None


def _written(folder: Path, path: str, sha: str) -> bool:
    """A journal's path is Pitchcraft's if the file holds what it was writing, or was not
    made yet (the run stopped before)."""
    target = folder / path
    if not safe_path(path) or target.is_symlink():
        return False
    try:
        return digest(target.read_bytes()) == sha
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _entries(folder: Path) -> list[tuple[str, bool]]:
    """Every file under `folder` (path, True for a regular file), never following a link."""
    found: list[tuple[str, bool]] = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        here = Path(top)
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                files.append(name)
        for name in files:
            path = here / name
            regular = path.is_file() and not path.is_symlink()
            found.append(((path.relative_to(folder)).as_posix(), regular))
    return found


def _partial_of(path: str) -> str | None:
    name = PurePosixPath(path).name
    if name.startswith(".") and name.endswith(_PARTIAL):
        return str(PurePosixPath(path).with_name(name[1:-len(_PARTIAL)]))
    return None


def _refusal(folder: Path, foreign: list[str], why_not: str | None, old_marker: bool) -> str:
    shown = ", ".join(sorted(foreign)[:3]) + (f" and {len(foreign) - 3} more"
                                               if len(foreign) > 3 else "")
    if old_marker and why_not is None:
        return (f"{folder} has the {OLD_MARKER} marker of an earlier Pitchcraft but no "
                f"{MANIFEST}, so nothing says which of its files Pitchcraft wrote ({shown}); "
                "nothing was written or deleted. If it is a folder of generated pages, "
                "delete it and run again; if not, choose another folder")
    because = f" ({why_not})" if why_not else ""
    return (f"{folder} already holds files Pitchcraft did not write{because}: {shown}; "
            "nothing was written or deleted. Choose an empty or new folder, or delete this "
            "one if it only ever held generated pages")
