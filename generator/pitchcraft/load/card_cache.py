"""Parsed cards and their checks kept on disk between runs, keyed by what the card file holds.

A preview that starts again on the same content would otherwise parse and check every card
again, most of its start at thousands of cards. `StoredCards` keeps, in one file in the pages
cache folder, each card file's parse (the card as later stages read it, without what only the
checks need) and the findings of its checks, under:
- the file's shown path and the SHA-256 of its bytes (an edited card is a new key, whatever
  its modification time says);
- for the checks, also a digest of what they read besides the card: the taxonomy and ledger
  files' bytes and the day;
- for the whole file, a stamp of the format: Pitchcraft's version, the Python version and a
  digest of the code that parses and checks cards and of the card schema. Any change there,
  and the stored cards are not used.

The file is trusted for nothing. It is signed with a key of this user's, kept outside the
project (`$XDG_CACHE_HOME/pitchcraft/`, or `~/.cache/pitchcraft/`): a file this user's
Pitchcraft did not write (one committed to the repository, one from another machine) is never
unpickled. One whose signature, shape or stamp is wrong, or that cannot be read, is ignored
(and replaced at the next save); without a key (a home folder that cannot be written) nothing
is stored. It is written beside, then renamed, so a reader never sees half of it. Only
regular files below the card size limit are stored; a link, a FIFO or an oversized file is
read by `load_card` every time, which reports it.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
import os
import pickle
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Finding

CARD_CACHE = ".cards.pickle"
"""The file's name in the pages cache folder."""

MAGIC = b"pitchcraft cards 1\n"
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

FORMAT = 1
"""Raised when what an entry holds changes shape."""

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


def _read_regular(file: Path) -> bytes | None:
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


@dataclass
class _Entry:
    parsed: Any  # a ParsedCard without tree, positions and lines, or None
    findings: tuple[Finding, ...]
    checks: dict[str, tuple[Finding, ...]] = field(default_factory=dict)


class StoredCards:
    """The stored cards of one pages cache folder: `parsed` and `checked` look up, `keep`
    and `keep_checks` add, `save` writes them back if anything was added."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.file = Path(folder) / CARD_CACHE
        self._max = max_bytes
        self._stamp = stamp()
        self._key_bytes = user_key()
        self._entries = self._read()
        self._digests: dict[Path, tuple[str, str] | None] = {}
        self._changed = False
        self._added = {"parses": 0, "checks": 0}  # added since the last save
        self._saved = False
        self.context = ""

    def _read(self) -> dict[tuple[str, str], _Entry]:
        if self._key_bytes is None:
            return {}
        raw = _read_regular(self.file)
        if raw is None:
            return {}
        signature, payload = raw[len(MAGIC):len(MAGIC) + 32], raw[len(MAGIC) + 32:]
        if not (raw.startswith(MAGIC) and hmac.compare_digest(signature, self._sign(payload))):
            return {}  # not written by this user's Pitchcraft, or damaged: never unpickled
        try:
            kept = pickle.loads(payload)
        except Exception:  # written by us, yet unreadable (a newer Python's pickle): ignored
            return {}
        if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == self._stamp
                and isinstance(kept[1], dict)):
            return {}
        entries = kept[1]
        if not all(isinstance(k, tuple) and isinstance(v, _Entry) for k, v in entries.items()):
            return {}
        return entries

    def _sign(self, payload: bytes) -> bytes:
        assert self._key_bytes is not None
        return hmac.new(self._key_bytes, payload, hashlib.sha256).digest()

    def _key(self, file: Path, shown: str) -> tuple[str, str] | None:
        digest = file_digest(file, self._max)
        key = None if digest is None else (shown, digest)
        self._digests[file] = key
        return key

    def parsed(self, file: Path, shown: str) -> tuple[Any, list[Finding]] | None:
        """The stored parse of `file` as it is now, or None."""
        key = self._key(file, shown)
        entry = None if key is None else self._entries.get(key)
        if entry is None:
            return None
        return entry.parsed, list(entry.findings)

    def keep(self, file: Path, shown: str, parsed: Any, findings: list[Finding]) -> None:
        """Store a parse made from the bytes `parsed` looked up; not if the file changed
        since (the parse may be of either version)."""
        key = self._digests.get(file)
        if key is None or key[0] != shown or self._key(file, shown) != key:
            self._digests.pop(file, None)
            return
        self._entries[key] = _Entry(parsed, tuple(findings))
        self._changed = True
        self._added["parses"] += 1

    def checked(self, file: Path) -> list[Finding] | None:
        """The stored findings of the checks of `file` under the current `context`."""
        key = self._digests.get(file)
        entry = None if key is None or not self.context else self._entries.get(key)
        found = None if entry is None else entry.checks.get(self.context)
        return None if found is None else list(found)

    def keep_checks(self, file: Path, findings: list[Finding]) -> None:
        key = self._digests.get(file)
        entry = None if key is None or not self.context else self._entries.get(key)
        if entry is not None:
            entry.checks = {self.context: tuple(findings)}  # one day's and ledger's checks
            self._changed = True
            self._added["checks"] += 1

    def drop_context(self, context: str) -> None:
        """Forget checks made under `context` (its files changed while they were made)."""
        for entry in self._entries.values():
            if entry.checks.pop(context, None) is not None:
                self._changed = True

    def forget(self, file: Path) -> None:
        """`file` is gone: its entry is not saved again."""
        self._digests.pop(file, None)

    def save(self) -> None:
        """Write the entries of the card files as last read (old versions and deleted cards
        are dropped), if anything was added; a failure to write is not an error, the next
        run parses again.

        After the first save, only when a tenth of the cards or more changed (a checkout, a
        new taxonomy): writing every card after each saved edit would slow the save the
        author waits for, and a card edited since is only parsed again at the next start."""
        current = set(self._digests.values())
        if (not self._changed or self._key_bytes is None
                or (self._saved and max(self._added.values()) * 10 < len(current))):
            return
        entries = {key: entry for key, entry in self._entries.items() if key in current}
        partial = self.file.with_name(f".{self.file.name}.partial")
        try:
            payload = pickle.dumps((self._stamp, entries), protocol=pickle.HIGHEST_PROTOCOL)
            with open(partial, "wb") as handle:
                handle.write(MAGIC + self._sign(payload) + payload)
            os.replace(partial, self.file)
        except OSError:
            return
        self._changed, self._saved = False, True
        self._added = dict.fromkeys(self._added, 0)
