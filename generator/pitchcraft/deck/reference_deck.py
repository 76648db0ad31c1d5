"""A company's reference deck, made safe to open and cut down to its look.

A .pptx is a zip archive, and python-pptx reads every member of it into memory when it opens
one: a 1 MB file whose directory promises a gigabyte of zeros takes gigabytes. So the file is
judged first from what it says about itself, without inflating anything: its size, how many
members its zip directory lists (from the end record, before that directory is parsed) and
the sum of their uncompressed sizes, in total and per byte of file. Python's `zipfile` stops
each member at the size its directory declares, so those sums bound what reading can cost.

Then only the parts a deck's look needs are read: the presentation with its slide masters,
layouts, themes, notes and handout masters and the media they use. The reference's own
slides (with their notes, pictures and charts), its thumbnail (a picture of its first
slide), its document properties (subject, keywords, company, the titles of its slides) and
the names of its reviewers are never read, so the buyer's deck cannot carry them.
"""

from __future__ import annotations

import io
import posixpath
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 100_000_000
"""A company template with embedded fonts and full-page pictures is a few megabytes; a whole
sales deck used as the reference, videos and all, can reach tens."""
MAX_INFLATED_BYTES = 200_000_000
"""The sum of the members' uncompressed sizes. Pictures and video do not compress, so a real
deck unpacks to little more than its file size; this is twice the largest file accepted."""
MAX_RATIO = 100
"""Uncompressed bytes per byte of file. Slide XML compresses about tenfold and media not at
all (a deck saved by PowerPoint or python-pptx is 3 to 10); a zip bomb is a thousand."""
MAX_MEMBERS = 10_000
"""Files in the archive. A deck has one per slide, layout, picture and chart: a few hundred."""

_ENTRY_BYTES = 400
"""Directory bytes allowed per member: 46 bytes of record, then its name and extra fields."""
_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_PRESENTATION = "http://schemas.openxmlformats.org/presentationml/2006/main"
_OFFICE_DOCUMENT = "/officeDocument"
_LEFT_OUT = ("/slide", "/commentAuthors", "/customXml", "/vbaProject")
"""Relationship types of the presentation part whose targets are not read: the reference's
slides (and all they hold), who commented on it, data other tools attached to it, and the
macros of a .pptm."""
_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
"""The extension that groups slides into sections, by slide id."""


class ReferenceDeckError(ValueError):
    """A reference deck that cannot be used, said in the user's terms."""


def template(reference: Path, *, max_file_bytes: int = MAX_FILE_BYTES,
             max_inflated_bytes: int = MAX_INFLATED_BYTES, max_ratio: float = MAX_RATIO,
             max_members: int = MAX_MEMBERS) -> io.BytesIO:
    """The reference deck as a package for python-pptx to open: checked from its size and its
    zip directory alone, and holding only the presentation and the parts of its look."""
    size = _file_size(reference, max_file_bytes)
    with reference.open("rb") as file:
        members, directory = _directory(file, size)
        if members > max_members or directory > max_members * _ENTRY_BYTES:
            raise _too_many(reference, members, max_members)
        try:
            archive = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, EOFError, ValueError) as exc:
            raise _not_a_deck(reference, exc) from None
        with archive:
            if len(archive.infolist()) > max_members:  # the end record's count was false
                raise _too_many(reference, len(archive.infolist()), max_members)
            inflated = sum(info.file_size for info in archive.infolist())
            if inflated > max_ratio * max(size, 1):
                raise ReferenceDeckError(
                    f"{reference}: its {size:,} bytes would unpack to {inflated:,}"
                    f" ({inflated / max(size, 1):,.0f} times as many; a deck unpacks to at most"
                    f" {max_ratio:,} times its size), so it is not opened: it is damaged or not"
                    " a PowerPoint deck" + _SAVE)
            if inflated > max_inflated_bytes:
                raise ReferenceDeckError(
                    f"{reference}: it would unpack to {inflated:,} bytes, more than the"
                    f" {max_inflated_bytes:,} a reference deck may hold" + _ONLY_THE_LOOK)
            try:
                return _look_only(archive)
            except (zipfile.BadZipFile, KeyError, ValueError, EOFError, SyntaxError) as exc:
                raise _not_a_deck(reference, exc) from None


def _too_many(reference: Path, members: int, max_members: int) -> ReferenceDeckError:
    return ReferenceDeckError(f"{reference}: the file holds {members:,} parts (a deck has"
                              f" hundreds; at most {max_members:,} are read)" + _SAVE)


def _not_a_deck(reference: Path, exc: Exception) -> ReferenceDeckError:
    return ReferenceDeckError(f"{reference}: not a PowerPoint deck that can be a reference"
                              f" ({exc})" + _SAVE)


_SAVE = "; save it from PowerPoint as .pptx (not .potx or .ppt), with its slides deleted"
_ONLY_THE_LOOK = ("; only its slide masters and layouts are used, so save a copy with its slides"
                  " deleted and use that")


def _file_size(reference: Path, max_bytes: int) -> int:
    try:
        info = reference.stat()
    except OSError as exc:
        raise ReferenceDeckError(f"{reference}: cannot read it ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReferenceDeckError(f"{reference}: not a regular file")
    if info.st_size > max_bytes:
        raise ReferenceDeckError(
            f"{reference}: the file is {info.st_size:,} bytes, more than the {max_bytes:,} a"
            " reference deck may have" + _ONLY_THE_LOOK)
    return info.st_size


def _directory(file: io.BufferedReader, size: int) -> tuple[int, int]:
    """How many members the zip's end record declares and how many bytes their directory
    takes, read before `zipfile` parses that directory (a directory of millions of entries
    takes gigabytes to parse). (0, 0) without an end record: `zipfile` says it is no zip."""
    tail_size = min(size, _END_SIZE + 0xFFFF)  # the end record, then a comment of <64 KB
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        return 0, 0
    count, directory = struct.unpack_from("<HL", tail, at + 10)
    locator = at - 20
    if locator >= 0 and tail[locator:locator + 4] == _ZIP64_LOCATOR:
        offset = struct.unpack_from("<Q", tail, locator + 8)[0]
        file.seek(min(offset, size))
        record = file.read(56)
        if len(record) == 56 and record[:4] == _ZIP64_END:
            count, directory = struct.unpack_from("<QQ", record, 32)
    return count, directory


def _look_only(archive: zipfile.ZipFile) -> io.BytesIO:
    """A new package of the presentation part and the parts it reaches, less `_LEFT_OUT`.

    The package's own relationships keep only the presentation: the document properties and
    the thumbnail are the reference's, and python-pptx writes fresh core properties."""
    names = set(archive.namelist())
    parts: dict[str, bytes] = {}
    package_rels = _parse(archive.read("_rels/.rels"))
    main = [r for r in _elements(package_rels) if r.get("Type", "").endswith(_OFFICE_DOCUMENT)]
    if not main:
        raise KeyError("no presentation in the package")
    for rel in _elements(package_rels):
        if rel is not main[0]:
            package_rels.remove(rel)
    parts["_rels/.rels"] = _xml(package_rels)
    presentation = _target("", main[0].get("Target", ""))
    queue, seen = [presentation], {presentation}
    while queue:
        name = queue.pop()
        rels_name = posixpath.join(posixpath.dirname(name), "_rels",
                                   posixpath.basename(name) + ".rels")
        parts[name] = archive.read(name)
        if rels_name not in names:
            continue
        rels = _parse(archive.read(rels_name))
        for rel in _elements(rels):
            if name == presentation and rel.get("Type", "").endswith(_LEFT_OUT):
                rels.remove(rel)
            elif rel.get("TargetMode") != "External":
                target = _target(posixpath.dirname(name), rel.get("Target", ""))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        parts[rels_name] = _xml(rels)
    parts[presentation] = _without_slides(parts[presentation])
    parts["[Content_Types].xml"] = archive.read("[Content_Types].xml")
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as out:
        for name, blob in parts.items():
            out.writestr(name, blob)
    package.seek(0)
    return package


def _target(folder: str, target: str) -> str:
    """A relationship's target as a member name (targets are relative to their part)."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _parse(blob: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(blob, parser)


def _elements(root: Any) -> list[Any]:
    """The child elements of `root` (a relationships part's `Relationship`s), no comments."""
    return [child for child in root if isinstance(child.tag, str)]


def _xml(element: Any) -> bytes:
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_slides(blob: bytes) -> bytes:
    """presentation.xml without its slide list, custom shows and sections: they name the
    slides, which are not read."""
    root = _parse(blob)
    for listed in root.findall(f"{{{_PRESENTATION}}}sldIdLst"):
        for entry in list(listed):
            listed.remove(entry)
    for shows in root.findall(f"{{{_PRESENTATION}}}custShowLst"):
        root.remove(shows)
    for ext in root.findall(f"{{{_PRESENTATION}}}extLst/{{{_PRESENTATION}}}ext"):
        if ext.get("uri") == _SECTIONS:
            ext.getparent().remove(ext)
    return _xml(root)
