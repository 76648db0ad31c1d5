"""Files in: read the taxonomy, the evidence ledger and every card, and say what is wrong.

`load_content` never raises for bad content; every problem becomes a `Finding`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..model import Card, Content, Evidence, Finding
from ..shared import paused_cycle_collection
from .alternative_checks import alternative_findings
from .cards import ParsedCard, load_card
from .ledger import load_ledger
from .site_paths import (
    card_id_findings,
    file_name_findings,
    folder_link_finding,
    link_finding,
    shown_path,
    taxonomy_path_findings,
)
from .taxonomy import load_taxonomy
from .units import with_units
from .validate import check_card, check_duplicate_ids, check_ledger

CARDS_DIR = "insights"
ReadCard = Callable[[Path, str], tuple[ParsedCard | None, list[Finding]]]
CheckCard = Callable[[ParsedCard, Any, dict[str, Evidence] | None, dt.date], list[Finding]]
ResolveCard = Callable[[Card, dict[str, Evidence]], Card]
T = TypeVar("T")


def load_content(root: Path | str, today: dt.date | None = None,
                 read_card: ReadCard = load_card, check: CheckCard = check_card,
                 resolve: ResolveCard | None = None) -> Content:
    """`read_card` parses one card file, `check` judges it against the taxonomy and ledger
    and `resolve` puts the ledger's evidence into it; a caller that keeps cards between
    loads (`mkdocs serve`) passes its own."""
    with paused_cycle_collection():
        return _load_content(Path(root), today or dt.date.today(), read_card, check,
                             resolve or resolve_evidence)


def _load_content(root: Path, today: dt.date, load_card: ReadCard,
                  check_card: CheckCard, resolve: ResolveCard) -> Content:
    taxonomy, findings = _data_file(root, "taxonomy.yml", load_taxonomy)
    ledger, ledger_findings = _data_file(root, "evidence.yml", load_ledger)
    findings += ledger_findings
    if taxonomy is not None:
        findings += taxonomy_path_findings(taxonomy)
        findings += alternative_findings(taxonomy, today)
    cards: list[Card] = []
    files, link_findings = card_files(root / CARDS_DIR)
    findings += link_findings
    for file in files:
        shown = shown_path(file)
        if name_findings := file_name_findings(file, shown):
            findings += name_findings
            continue
        parsed, card_findings = load_card(file, shown)
        findings += card_findings
        if parsed is not None:
            parsed = with_units(parsed, taxonomy)  # units the taxonomy declares
            findings += card_id_findings(parsed.card, "id" not in parsed.card.lines)
            findings += check_card(parsed, taxonomy, ledger, today)
            cards.append(resolve(parsed.card, ledger or {}))
    findings += check_duplicate_ids(cards)
    if ledger is not None:
        findings += check_ledger(ledger, _shown(root, "evidence.yml"), today)
    return Content(root, taxonomy, ledger or {}, tuple(cards), tuple(sorted(set(findings))))


def _data_file(root: Path, name: str, load: Callable[[Path, str], tuple[T | None, list[Finding]]]
               ) -> tuple[T | None, list[Finding]]:
    """`load` of a data file, unless the file is a symbolic link: never read, and said as
    such (not as a missing taxonomy or an empty ledger); nothing is checked against it."""
    if (root / name).is_symlink():
        return None, [link_finding(_shown(root, name))]
    return load(root / name, _shown(root, name))


def card_files(insights: Path) -> tuple[list[Path], list[Finding]]:
    """Every `*.md` under `insights` (sorted), never through a symbolic link: a linked card or
    folder, or `insights` itself as a link, is a finding and is not read. Below the content
    folder no step of a card's path is a link, so every card read lies inside it.

    (`Path.rglob` follows linked folders, so a link to `/` would read any `*.md` on the
    machine.) A folder named like a card is listed, for `read_text` to report."""
    if insights.is_symlink():
        return [], [folder_link_finding(shown_path(insights))]
    files: list[Path] = []
    findings: list[Finding] = []
    folders = [insights]
    while folders:  # a stack, not recursion: folder depth is the author's to choose
        try:
            with os.scandir(folders.pop()) as entries:
                listed = list(entries)
        except OSError:
            continue  # no folder, or one that cannot be listed: as `rglob` did, no cards
        for entry in listed:
            path = Path(entry.path)
            if entry.is_symlink():
                if entry.name.endswith(".md"):
                    findings.append(link_finding(shown_path(path)))
                elif _is_dir(entry):
                    findings.append(folder_link_finding(shown_path(path)))
                continue
            if entry.name.endswith(".md"):
                files.append(path)
            if _is_dir(entry, follow_symlinks=False):
                folders.append(path)
    return sorted(files), findings


def _is_dir(entry: os.DirEntry, follow_symlinks: bool = True) -> bool:
    """Whether the entry is a folder (or a link to one); a link that cannot be followed is
    not."""
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:
        return False


def _shown(root: Path, relative: str) -> str:
    return (root / relative).as_posix()


def resolve_evidence(card: Card, ledger: dict[str, Evidence]) -> Card:
    """Replace ledger references by the ledger entry, so one update reaches every card; the
    proof of each `against:` factor too."""
    against = tuple(
        dataclasses.replace(a, factors=tuple(
            dataclasses.replace(f, proof=_resolved(f.proof, ledger)) for f in a.factors))
        for a in card.against)
    return dataclasses.replace(card, evidence=tuple(_resolved(e, ledger) for e in card.evidence),
                               against=against)


def _resolved(item: T, ledger: dict[str, Evidence]) -> T:
    if isinstance(item, Evidence) and item.id in ledger and not item.figure:
        return dataclasses.replace(ledger[item.id], line=item.line)  # type: ignore[return-value]
    return item
