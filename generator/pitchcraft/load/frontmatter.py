"""Split a card file into its YAML front matter and its Markdown body."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..model import Finding, Severity
from .site_paths import link_finding

FENCE = "---"
_BREAK = re.compile(rb"\r\n|\r|\n")


def lines_of(text: str) -> list[str]:
    """The lines of `text` as an editor and Markdown count them: only CR LF, CR and LF end a
    line. (`str.splitlines` also splits at form feeds, U+2028 and other separators, which
    would put every later finding on a line the author's editor does not have.)"""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # a final line break ends the last line; it does not open another
    return lines


@dataclass(frozen=True)
class Split:
    front_matter: str
    front_matter_line: int
    """File line of the first front-matter line (the one after the opening fence)."""
    body: str
    body_line: int


CARD_TOO_LARGE = "split it into several cards; a card is a page of text"


def read_text(
    file: Path, path: str, max_bytes: int | None = None, too_large: str = CARD_TOO_LARGE
) -> tuple[str | None, list[Finding]]:
    """A content file's text, or a finding when it cannot be read (a folder named like a
    card, no permission), is a symbolic link (never followed: a link would publish whatever
    file it points at), is not a regular file (a FIFO or a device would block or never end),
    is larger than `max_bytes` (judged by its size before a byte is read, and never read past
    the cap; `too_large` says what to do) or is not UTF-8."""
    try:
        # O_NOFOLLOW: the check and the read are one step, so no link is ever read through;
        # O_NONBLOCK: opening a FIFO returns at once, and fstat then says what it is.
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP or file.is_symlink():
            return None, [link_finding(path)]
        return None, [_unreadable(file, path, exc)]
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            return None, [Finding(
                path, 1, 1, Severity.ERROR, "not a regular file (a pipe, socket or device)",
                "remove it: content files are plain text files",
            )]
        raw = b"" if _too_large(info.st_size, max_bytes) else _read_all(fd, max_bytes)
        if _too_large(size := max(info.st_size, len(raw)), max_bytes):
            return None, [Finding(
                path, 1, 1, Severity.ERROR,
                f"file is {size:,} bytes (at most {max_bytes:,})",
                too_large,
            )]
    except OSError as exc:
        return None, [_unreadable(file, path, exc)]
    finally:
        os.close(fd)
    return decode(raw, path)


def _too_large(size: int, max_bytes: int | None) -> bool:
    return max_bytes is not None and size > max_bytes


def _read_all(fd: int, max_bytes: int | None) -> bytes:
    """Up to one byte past `max_bytes`: a file that grew after its size was read is still
    never held whole."""
    chunks, held = [], 0
    while (max_bytes is None or held <= max_bytes) and (chunk := os.read(fd, 1 << 20)):
        chunks.append(chunk)
        held += len(chunk)
    return b"".join(chunks)


def _unreadable(file: Path, path: str, exc: OSError) -> Finding:
    what = "a folder" if file.is_dir() else (exc.strerror or type(exc).__name__).lower()
    return Finding(
        path, 1, 1, Severity.ERROR, f"cannot read this file: {what}",
        "rename it, or replace it with a readable Markdown card",
    )


def decode(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Text of a content file, or a finding that points at the first byte that is not UTF-8."""
    # Drop a byte-order mark first: editors do not show it, and offsets must not count it.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        *earlier, current = _BREAK.split(raw[: exc.start])
        line = len(earlier) + 1
        # Editors count characters, not bytes: 'é' before the bad byte is one column.
        col = len(current.decode("utf-8")) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, [Finding(
            path, line, col, Severity.ERROR, f"file is not UTF-8 text (byte 0x{byte})",
            "save the file with UTF-8 encoding in your editor",
        )]


def split(text: str, path: str) -> tuple[Split | None, list[Finding]]:
    if not text.strip():
        return None, [Finding(
            path, 1, 1, Severity.ERROR, "file is empty",
            "start with front matter between two '---' lines; `pitchcraft new card` makes one",
        )]
    lines = lines_of(text)
    if lines[0].rstrip() != FENCE:
        return None, [Finding(
            path, 1, 1, Severity.ERROR, "no front matter",
            "the first line must be '---', followed by the card's fields and another '---'",
        )]
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return Split(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            ), []
    return None, [Finding(
        path, 1, 1, Severity.ERROR, "front matter is never closed",
        "add a line with just '---' after the last field, before the Markdown body",
    )]
