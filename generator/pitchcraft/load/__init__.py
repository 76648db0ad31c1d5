"""Files in: read the taxonomy, the evidence ledger and every card, and say what is wrong.

`load_content` never raises for bad content; every problem becomes a `Finding`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import Card, Content, Evidence, Finding
from ..shared import paused_cycle_collection
from .cards import ParsedCard, load_card
from .ledger import load_ledger
from .site_paths import (
    card_id_findings,
    file_name_findings,
    shown_path,
    taxonomy_path_findings,
)
from .taxonomy import load_taxonomy
from .validate import check_card, check_duplicate_ids, check_ledger

CARDS_DIR = "insights"
ReadCard = Callable[[Path, str], tuple[ParsedCard | None, list[Finding]]]
CheckCard = Callable[[ParsedCard, Any, dict[str, Evidence] | None, dt.date], list[Finding]]
ResolveCard = Callable[[Card, dict[str, Evidence]], Card]


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
    taxonomy, findings = load_taxonomy(root / "taxonomy.yml", _shown(root, "taxonomy.yml"))
    ledger, ledger_findings = load_ledger(root / "evidence.yml", _shown(root, "evidence.yml"))
    findings += ledger_findings
    if taxonomy is not None:
        findings += taxonomy_path_findings(taxonomy)
    cards: list[Card] = []
    for file in sorted((root / CARDS_DIR).rglob("*.md")):
        shown = shown_path(file)
        if name_findings := file_name_findings(file, shown):
            findings += name_findings
            continue
        parsed, card_findings = load_card(file, shown)
        findings += card_findings
        if parsed is not None:
            findings += card_id_findings(parsed.card, "id" not in parsed.card.lines)
            findings += check_card(parsed, taxonomy, ledger, today)
            cards.append(resolve(parsed.card, ledger or {}))
    findings += check_duplicate_ids(cards)
    if ledger is not None:
        findings += check_ledger(ledger, _shown(root, "evidence.yml"), today)
    return Content(root, taxonomy, ledger or {}, tuple(cards), tuple(sorted(set(findings))))


def _shown(root: Path, relative: str) -> str:
    return (root / relative).as_posix()


def resolve_evidence(card: Card, ledger: dict[str, Evidence]) -> Card:
    """Replace ledger references by the ledger entry, so one update reaches every card."""
    resolved = tuple(
        dataclasses.replace(ledger[e.id], line=e.line) if e.id in ledger and not e.figure else e
        for e in card.evidence
    )
    return dataclasses.replace(card, evidence=resolved)
