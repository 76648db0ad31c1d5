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

Beside the cards, the same file may hold the state of the preview's generator (its composed
pitches and page memo, `output.incremental`), pickled with the cards so that what it made from a
card is, once read back, made from the very card object the store gives: a restarted preview then
takes an unchanged pitch or page as a running one does, by identity. That state is used only by
the very same code (`state_stamp`: every module of Pitchcraft and its packaged templates), and
every part of it is checked again against the content as read now before it is used.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Finding
from ..shared import paused_cycle_collection
from .cache_keys import (
    KEY_FILE,
    context_digest,
    file_digest,
    read_regular,
    stamp,
    state_stamp,
    user_key,
)

__all__ = ["CARD_CACHE", "KEY_FILE", "MAGIC", "StoredCards", "context_digest", "file_digest",
           "stamp", "state_stamp", "user_key"]

CARD_CACHE = ".cards.pickle"
"""The file's name in the pages cache folder."""

MAGIC = b"pitchcraft cards 1\n"
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
        self._state_stamp: str | None = None  # computed when first needed
        self._stored_state: Any = None  # read from the file, until taken
        self._saved = False  # the file holds the cards of this code (read or written)
        self._entries = self._read()
        self._digests: dict[Path, tuple[str, str] | None] = {}
        self._changed = False
        self._added = {"parses": 0, "checks": 0}  # added since the last save
        self._state: Callable[[], Any] | None = None
        self._state_kept = self._stored_state is not None  # the file holds a state for this code
        self._since_state = 0  # parses added since a state was last written
        self.context = ""

    def _read(self) -> dict[tuple[str, str], _Entry]:
        if self._key_bytes is None:
            return {}
        raw = read_regular(self.file)
        if raw is None:
            return {}
        view = memoryview(raw)  # a site's state is large: its bytes are not copied
        signature, payload = view[len(MAGIC):len(MAGIC) + 32], view[len(MAGIC) + 32:]
        if not (raw.startswith(MAGIC) and hmac.compare_digest(signature, self._sign(payload))):
            return {}  # not written by this user's Pitchcraft, or damaged: never unpickled
        try:
            with paused_cycle_collection():  # a whole site's objects, no cycles to find
                kept = pickle.loads(payload)
        except Exception:  # written by us, yet unreadable (a newer Python's pickle): ignored
            return {}
        if not (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == self._stamp
                and isinstance(kept[1], dict)):
            return {}
        entries = kept[1]
        if not all(isinstance(k, tuple) and isinstance(v, _Entry) for k, v in entries.items()):
            return {}
        self._saved = True  # the first edit after a restart does not rewrite it
        state = kept[2]
        if isinstance(state, tuple) and len(state) == 2 and state[0] == self._current_state():
            self._stored_state = state[1]
        return entries

    def _current_state(self) -> str:
        if self._state_stamp is None:
            self._state_stamp = state_stamp()
        return self._state_stamp

    def take_state(self) -> Any:
        """The generator state the file held, made by this very code (None if none); given
        once, as the generator that takes it changes it from then on."""
        state, self._stored_state = self._stored_state, None
        return state

    def keep_state(self, state: Callable[[], Any]) -> None:
        """Write what `state()` returns with the cards, at this and later saves (`save`)."""
        self._state = state

    def _sign(self, payload: bytes | memoryview) -> bytes:
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
        self._since_state += 1

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

    def save(self, state_due: bool = False) -> None:
        """Write the entries of the card files as last read (old versions and deleted cards
        are dropped), if anything was added; a failure to write is not an error, the next
        run parses again.

        After the first save, only when a tenth of the cards or more changed (a checkout, a
        new taxonomy): writing every card after each saved edit would slow the save the
        author waits for, and a card edited since is only parsed again at the next start.
        With `state_due` (the generator has just made a site), also when the file holds no
        state for this code yet, or a tenth of the cards or more were parsed since one was
        written; a state is written with the cards whenever they are."""
        current = set(self._digests.values())
        cards_due = self._changed and (
            not self._saved or max(self._added.values()) * 10 >= len(current))
        state_due = state_due and self._state is not None and (
            not self._state_kept or self._since_state * 10 >= len(current))
        if self._key_bytes is None or not (cards_due or state_due):
            return
        entries = {key: entry for key, entry in self._entries.items() if key in current}
        state = None if self._state is None else (self._current_state(), self._state())
        partial = self.file.with_name(f".{self.file.name}.partial")
        try:
            payload = _pickled(self._stamp, entries, state)
            if payload is None:  # a state that cannot be stored: the cards alone
                state, payload = None, _pickled(self._stamp, entries, None)
            if payload is None:
                return
            with open(partial, "wb") as handle:
                handle.writelines((MAGIC, self._sign(payload), payload))
            os.replace(partial, self.file)
        except OSError:
            return
        self._changed, self._saved = False, True
        self._added = dict.fromkeys(self._added, 0)
        if state is not None and state_due:
            self._state_kept, self._since_state = True, 0


def _pickled(*kept: Any) -> bytes | None:
    """`kept` as a pickle, or None when something in it cannot be pickled (an object a new
    page kind keeps that pickle cannot store): a cache, not worth failing a build for."""
    try:
        return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
