"""What the stored cards are keyed, stamped and signed with (`card_cache`).

A card is keyed by the SHA-256 of its bytes, its checks also by the bytes of the files they read
and the day; the stored file by the code that made it (`stamp`, `state_stamp`) and by a key of
this user's, kept outside the project, that signs it (`user_key`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import stat
import sys
from pathlib import Path

from ..theme_files import templates_dir

KEY_FILE = "card-cache.key"


def user_key() -> bytes | None:
    """This user's signing key, made on first use (readable by this user alone); None when
    it cannot be read or made."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(home) / "pitchcraft"
    path = folder / KEY_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            key = path.read_bytes()
            return key if len(key) == 32 else None
        with os.fdopen(fd, "wb") as handle:
            key = os.urandom(32)
            handle.write(key)
        return key
    except OSError:
        return None

FORMAT = 2
"""Raised when what an entry or the file holds changes shape."""

_CODE = ("load", "model", "costs")
"""The packages whose code decides a card's parse and checks."""


def _code_digest() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in _CODE:
        for source in sorted((root / package).rglob("*.py")):
            digest.update(source.relative_to(root).as_posix().encode() + b"\0")
            digest.update(source.read_bytes())
    return digest.hexdigest()


def stamp() -> tuple:
    """What the stored cards were made by; they are used only by the very same."""
    return (FORMAT, importlib.metadata.version("pitchcraft"), sys.version_info[:2],
            _code_digest())


def state_stamp() -> str:
    """What a stored generator state was made by: every module of Pitchcraft and every
    packaged template (a pitch or page may come from any of them)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(repr(stamp()).encode())
    sources = [(root, f) for f in sorted(root.rglob("*.py"))]
    sources += [(templates_dir(), f) for f in sorted(templates_dir().rglob("*")) if f.is_file()]
    for base, source in sources:
        digest.update(source.relative_to(base).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def file_digest(file: Path, max_bytes: int) -> str | None:
    """SHA-256 of a regular file's bytes; None for a link, a non-regular or too large file,
    or one that cannot be read (those are never stored)."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
        return None if len(data) > max_bytes else hashlib.sha256(data).hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def read_regular(file: Path) -> bytes | None:
    """The bytes of a regular file, never through a link (a store linked to a device or a
    FIFO would never end); None otherwise."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def context_digest(root: Path, names: tuple[str, ...], today: object) -> str:
    """What a card's checks read besides the card: the data files' bytes (or that one is
    missing or a link) and the day."""
    digest = hashlib.sha256(f"{root}\0{today}\0".encode())
    for name in names:
        path = root / name
        digest.update(name.encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link\0")
            continue
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}\0".encode())
    return digest.hexdigest()
