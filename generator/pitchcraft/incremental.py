"""Rebuilding after one saved card without redoing the whole site's work.

`mkdocs serve` keeps one `SiteGenerator` for its whole life. A save then re-reads only the card
files whose path, size or modification time changed, and recomposes only the pitches whose
inputs changed: a pitch depends on the taxonomy, the day and the cards that may serve its
buyer (`CardIndex.candidates`), so a pitch whose candidates are all equal to last time's is
reused. The taxonomy and the ledger are read on each build; a card's checks are run again
when its file, the taxonomy, the ledger or the day changed, so a change there reaches every
card. Pages are then written with `generate.write_pages`, which touches only files whose text
changed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .generate import Known, Written, write_pages
from .load import load_content
from .load.cards import ParsedCard, load_card
from .load.validate import check_card
from .model import Content, Finding
from .pitch import CardIndex, Pitch, compose_pitch
from .pitch.select import Combination
from .render.site import Page, SiteOptions, build_site, site_pages


def build_date() -> dt.date:
    """Build date; SOURCE_DATE_EPOCH pins it so two builds of the same content match."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


Parsed = tuple[ParsedCard | None, list[Finding]]


class CardCache:
    """Parsed cards by file, kept while the file's size and modification time stay the same."""

    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[tuple[int, int], Parsed]] = {}
        self._seen: set[Path] = set()
        self.read = 0

    def __call__(self, file: Path, shown_path: str) -> Parsed:
        try:
            stat = file.stat()
        except OSError:
            return load_card(file, shown_path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        self._seen.add(file)
        cached = self._parsed.get(file)
        if cached is not None and cached[0] == stamp:
            return cached[1][0], list(cached[1][1])
        self.read += 1
        result = load_card(file, shown_path)
        self._parsed[file] = (stamp, (result[0], list(result[1])))
        return result

    def forget_unseen(self) -> None:
        """Drop deleted and renamed files; call after each load."""
        for file in set(self._parsed) - self._seen:
            del self._parsed[file]
        self._seen = set()


class CheckMemo:
    """`check_card` that reuses last build's findings of a card whose parse (kept by
    `CardCache`, so the same object while its file is unchanged) and whose taxonomy, ledger
    and day are equal: the checks of one card read nothing else."""

    def __init__(self) -> None:
        self._findings: dict[int, tuple[ParsedCard, list[Finding]]] = {}
        self._seen: set[int] = set()
        self._context: tuple | None = None

    def __call__(self, parsed: ParsedCard, taxonomy: Any, ledger: dict | None,
                 today: dt.date) -> list[Finding]:
        if self._context != (taxonomy, ledger, today):
            self._findings.clear()
            self._context = (taxonomy, ledger, today)
        self._seen.add(id(parsed))
        cached = self._findings.get(id(parsed))
        if cached is not None and cached[0] is parsed:
            return list(cached[1])
        findings = check_card(parsed, taxonomy, ledger, today)
        self._findings[id(parsed)] = (parsed, list(findings))
        return findings

    def forget_unseen(self) -> None:
        """Drop the findings of parses no longer kept (edited, renamed or deleted files)."""
        for key in set(self._findings) - self._seen:
            del self._findings[key]
        self._seen = set()


class PitchMemo:
    """`compose_pitch` that reuses last build's pitch when its inputs are equal."""

    def __init__(self) -> None:
        self._pitches: dict[Combination, tuple[list, Pitch | None]] = {}
        self._context: tuple | None = None
        self.composed = 0

    def start(self, content: Content, today: dt.date) -> None:
        """A new taxonomy, ledger (cost models compute from it) or day changes every pitch."""
        if self._context != (content.taxonomy, content.ledger, today):
            self._pitches.clear()
            self._context = (content.taxonomy, content.ledger, today)

    def __call__(self, content: Content, combination: Combination, today: dt.date,
                 index: CardIndex | None = None, **options: Any) -> Pitch | None:
        candidates = index.candidates(combination) if index is not None else list(content.cards)
        cached = self._pitches.get(combination)
        if cached is not None and cached[0] == candidates:
            return cached[1]
        self.composed += 1
        pitch = compose_pitch(content, combination, today, index, **options)
        self._pitches[combination] = (candidates, pitch)
        return pitch


@dataclass(frozen=True)
class Generated:
    content: Content
    pages: tuple[Page, ...]
    cards_read: int
    pitches_composed: int


class SiteGenerator:
    """Loads, composes and renders a site, remembering what it can between calls."""

    def __init__(self) -> None:
        self.cards = CardCache()
        self.checks = CheckMemo()
        self._written: dict[Path, Known] = {}
        self.pitches = PitchMemo()
        self._rendered: dict = {}
        self._context: tuple | None = None

    def load(self, content_root: Path | str, today: dt.date) -> Content:
        self.cards.read = 0
        content = load_content(content_root, today, read_card=self.cards, check=self.checks)
        self.cards.forget_unseen()
        self.checks.forget_unseen()
        return content

    def pages(self, content: Content, options: SiteOptions, today: dt.date,
              template_dirs: Sequence[Path]) -> Generated:
        """Every page of the site; raises `ValueError` for content without a taxonomy and
        `TemplateError` for a broken template."""
        self.pitches.composed = 0
        self.pitches.start(content, today)
        if self._context != (content.taxonomy, today, options):
            self._rendered.clear()  # every page may read the taxonomy, the day, the options
            self._context = (content.taxonomy, today, options)
        site = build_site(content, options, today, compose=self.pitches)
        pages = site_pages(site, list(template_dirs), self._rendered)
        return Generated(content, tuple(pages), self.cards.read, self.pitches.composed)

    def write(self, generated: Generated, out: Path) -> Written:
        return write_pages(generated.pages, out, self._written.setdefault(Path(out), {}))
