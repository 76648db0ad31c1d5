"""Rebuilding after one saved card without redoing the whole site's work.

`mkdocs serve` keeps one `SiteGenerator` for its whole life. A save then re-reads only the card
files whose path, size or modification time changed, and recomposes only the pitches whose
inputs changed: a pitch depends on the taxonomy, the day and the cards that may serve its
buyer (`CardIndex.candidates`), so a pitch whose candidates are all equal to last time's is
reused. The taxonomy and the ledger are read on each build; a card's checks run again when
its file, the taxonomy, the ledger or the day changed, so a change there reaches every card.
Pages are then written with `output.page_writer.write_pages`, which touches only files whose text
changed. A preview started again takes over the last one's state (`output.restart`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import load_content, resolve_evidence
from ..load.card_cache import StoredCards, context_digest
from ..load.cards import MAX_CARD_BYTES, ParsedCard, load_card
from ..load.validate import check_card
from ..load.yaml_positions import Positions
from ..model import Card, Content, Evidence, Finding
from ..pitch import CardIndex, Pitch, compose_pitch
from ..pitch.select import Combination
from ..render.templates import environment
from ..shared import forget_gone, kept_for, rekeyed
from ..site.page_memo import kept_pages
from ..site.pages import Page, SiteOptions, build_site, site_pages
from .page_writer import Known, PageWriter, Written, write_pages
from .restart import GeneratorState


def build_date() -> dt.date:
    """Build date; SOURCE_DATE_EPOCH pins it so two builds of the same content match."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


Parsed = tuple[ParsedCard | None, list[Finding]]
DATA_FILES = ("taxonomy.yml", "evidence.yml")
"""What a card's checks read besides the card."""


class CardCache:
    """Parsed cards by file, kept while the file's size and modification time stay the same,
    and the findings of their checks, kept while the taxonomy, ledger and day stay the same
    (the checks of one card read nothing else).

    Of a parse, only what a build reads after the checks is kept: the card, its sections and
    the fields already reported. The Markdown tree, the file's lines and the value positions,
    more than half of a parsed card's memory, serve the checks alone; when a new taxonomy,
    ledger or day checks every card again, each card file is parsed again for it.
    """

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[int, int], str, Parsed]] = {}
        self._checked: dict[Path, list[Finding]] = {}
        self._resolved: dict = {}
        self._context: tuple | None = None
        self._seen: set[Path] = set()
        self._last: tuple[ParsedCard, Path] | None = None
        self.read = 0
        self.stored: StoredCards | None = None  # parses and checks kept between runs

    def store_in(self, folder: Path) -> None:
        """Keep parsed cards and their checks in `folder` between runs (`load.card_cache`)."""
        self.stored = StoredCards(folder, MAX_CARD_BYTES)

    def __call__(self, file: Path, shown_path: str) -> Parsed:
        """`load_card`, from memory when the file is unchanged."""
        try:
            stat = file.stat()
        except OSError:
            return load_card(file, shown_path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        self._seen.add(file)
        kept = self._kept.get(file)
        if kept is not None and kept[0] == stamp:
            parsed, findings = kept[2]
        else:
            self.read += 1
            self._checked.pop(file, None)
            if (stored := self.stored and self.stored.parsed(file, shown_path)) is not None:
                parsed, findings = stored
                slim = parsed
            else:
                parsed, findings = load_card(file, shown_path)
                slim = None if parsed is None else dataclasses.replace(
                    parsed, tree=None, source_lines=(), positions=Positions())
                if self.stored is not None:
                    self.stored.keep(file, shown_path, slim, findings)
            self._kept[file] = (stamp, shown_path, (slim, list(findings)))
        self._last = None if parsed is None else (parsed, file)
        return parsed, list(findings)

    def check(self, parsed: ParsedCard, taxonomy: Any, ledger: dict | None,
              today: dt.date) -> list[Finding]:
        """`check_card` of the card just read, from memory when nothing it reads changed."""
        if not _same_context(self._context, (taxonomy, ledger, today)):
            if self._context != (taxonomy, ledger, today):
                self._checked.clear()
                self._resolved.clear()
            self._context = (taxonomy, ledger, today)  # so the next card compares by identity
        if self._last is None or self._last[0] is not parsed:
            return check_card(parsed, taxonomy, ledger, today)
        file = self._last[1]
        if (found := self._checked.get(file)) is not None:
            return list(found)
        if self.stored is not None and (found := self.stored.checked(file)) is not None:
            self._checked[file] = found
            return list(found)
        if parsed.tree is None:  # kept without what the checks read
            parsed = load_card(file, self._kept[file][1])[0] or parsed
        findings = check_card(parsed, taxonomy, ledger, today)
        self._checked[file] = list(findings)
        if self.stored is not None:
            self.stored.keep_checks(file, findings)
        return findings

    def resolve(self, card: Card, ledger: dict[str, Evidence]) -> Card:
        """`resolve_evidence`, the same object again for the same card and an equal ledger:
        the pitches and pages made from an unchanged card then compare by identity, which
        at thousands of cards is most of what a save would spend comparing them."""
        return kept_for(self._resolved, card, lambda: resolve_evidence(card, ledger))

    def kept(self) -> tuple[dict, tuple | None]:
        """The resolved cards and what they were checked with (`GeneratorState`)."""
        return self._resolved, self._context

    def take(self, resolved: dict, context: tuple | None) -> None:
        """Start from a `GeneratorState`'s cards (read back: their ids are new)."""
        self._resolved, self._context = rekeyed(resolved), context

    def forget_unseen(self) -> None:
        """Drop deleted and renamed files; call after each load."""
        for file in set(self._kept) - self._seen:
            del self._kept[file]
            self._checked.pop(file, None)
            if self.stored is not None:
                self.stored.forget(file)
        forget_gone(self._resolved, [kept[2][0].card for kept in self._kept.values()
                                      if kept[2][0] is not None])
        self._seen = set()
        self._last = None


def _files_stamp(folders: Sequence[Path]) -> tuple:
    """A team's own template folders as files on disk: a page rendered from a template the
    team has since changed, added or removed must not be taken from the memo."""
    return tuple((str(f), s.st_mtime_ns, s.st_size) for folder in folders
                 for f in sorted(Path(folder).rglob("*")) if f.is_file() for s in [f.stat()])


def _same_context(kept: tuple | None, now: tuple) -> bool:
    """The very objects of the last call: comparing a taxonomy and a ledger by value for
    each of 10,000 cards takes seconds, so each load compares them once."""
    return kept is not None and all(a is b for a, b in zip(kept, now, strict=True))


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

    def kept(self) -> tuple[dict, tuple | None]:
        return self._pitches, self._context

    def take(self, pitches: dict, context: tuple | None) -> None:
        self._pitches, self._context = pitches, context


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
        self._written: dict[Path, Known] = {}
        self.pitches = PitchMemo()
        self._rendered: dict = {}
        self._views: dict = {}
        self._context: tuple | None = None
        self._dirs: tuple[Path, ...] = ()
        self._restored: GeneratorState | None = None  # until its pages are taken or dropped

    def load(self, content_root: Path | str, today: dt.date) -> Content:
        self.cards.read = 0
        stored, root = self.cards.stored, Path(content_root)
        if stored is not None:
            if (state := stored.take_state()) is not None:
                self._take(state)
            stored.keep_state(self._state)
            stored.context = context_digest(root, DATA_FILES, today)
        content = load_content(content_root, today, read_card=self.cards,
                               check=self.cards.check, resolve=self.cards.resolve)
        self.cards.forget_unseen()
        if stored is not None:
            if context_digest(root, DATA_FILES, today) != stored.context:
                stored.drop_context(stored.context)  # changed while the checks ran
            stored.save()
        return content

    def pages(self, content: Content, options: SiteOptions, today: dt.date,
              template_dirs: Sequence[Path], emit: Callable[[Page], None] | None = None,
              texts: bool = True) -> Generated:
        """Every page of the site; raises `ValueError` for content without a taxonomy and
        `TemplateError` for a broken template. Without `texts`, the pages' paths only, in
        order (see `site.page_memo.PageMemo`)."""
        self.pitches.composed = 0
        self.pitches.start(content, today)
        context = (content.taxonomy, today, options, _files_stamp(template_dirs[:-1]))
        restored, self._restored = self._restored, None
        if self._context != context:
            self._rendered.clear()  # every page may read these, and a team's templates
            self._views.clear()
            self._context = context
        elif restored is not None and restored.template_dirs == tuple(template_dirs):
            self._rendered = {**restored.pages,  # and the environment `site_pages` keeps
                              "env": (tuple(template_dirs), environment(list(template_dirs)))}
        site = build_site(content, options, today, compose=self.pitches, views=self._views)
        forget_gone(self._views, content.cards)
        pages = site_pages(site, list(template_dirs), self._rendered, emit, texts)
        self._dirs = tuple(template_dirs)
        if self.cards.stored is not None and texts:
            self.cards.stored.save(state_due=True)
        return Generated(content, tuple(pages), self.cards.read, self.pitches.composed)

    def _state(self) -> GeneratorState:
        """What a preview started again takes over (`output.restart`)."""
        return GeneratorState(*self.cards.kept(), *self.pitches.kept(), self._views,
                              kept_pages(self._rendered), self._context, self._dirs)

    def _take(self, state: GeneratorState) -> None:
        """Start from the state a preview before this one left; its pages are taken in
        `pages` when they were made with the same taxonomy, day, options and templates."""
        self.cards.take(state.resolved, state.checked_in)
        self.pitches.take(state.pitches, state.pitched_in)
        self._views, self._context, self._restored = rekeyed(state.views), state.made_in, state

    def write(self, generated: Generated, out: Path) -> Written:
        return write_pages(generated.pages, out, self._written.setdefault(Path(out), {}))

    def writer(self, out: Path) -> PageWriter:
        """A writer of the folder `out`, for `write_each`; raises `NotGenerated` for a folder
        of someone else's files."""
        return PageWriter(out, self._written.setdefault(Path(out), {}))

    def write_each(self, content: Content, options: SiteOptions, today: dt.date,
                   template_dirs: Sequence[Path], writer: PageWriter,
                   written: Callable[[str], None]) -> Written:
        """`pages` and `write` at once: each page is written as soon as it is rendered, and
        `written` is told its path (`background_pages`)."""

        def emit(page: Page) -> None:
            writer.write(page)
            written(page.path)

        self.pages(content, options, today, template_dirs, emit)
        return writer.finish()
