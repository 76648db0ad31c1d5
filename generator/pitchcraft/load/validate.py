"""Checks that need the whole content set: references, duplicates, evidence, freshness.

Shape problems were reported while loading; these rules judge whether a card is fit to pitch.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from ..model import (
    ALL_INDUSTRIES,
    OBJECTIONS,
    ORDER,
    REQUIRED,
    WARMER,
    Card,
    Evidence,
    Finding,
    Severity,
    Taxonomy,
)
from .alternative_checks import against_findings
from .cards import ParsedCard
from .characters import body_findings
from .choreography import check_choreography
from .cost_checks import cost_model_findings
from .proposals import proposal_findings
from .quality import check_quality
from .sections import Body
from .variant_check import check_variants, uncovered_buyers
from .worked_examples import worked_example_findings

_SHORT_LIST = 8


def unknown_id(
    path: str, line: int, kind: str, value: str, valid: Iterable[str], field: str = "",
    col: int = 1,
) -> Finding:
    """A reference to an id that does not exist, with the nearest id and the short list."""
    valid = sorted(valid)
    close = difflib.get_close_matches(value, valid, n=1, cutoff=0.6)
    hints = [f"did you mean '{close[0]}'?"] if close else []
    if len(valid) <= _SHORT_LIST:
        hints.append(f"known {kind} ids: {', '.join(valid) or '(none)'}")
    where = f" in '{field}'" if field else ""
    return Finding(path, line, col, Severity.ERROR, f"unknown {kind} id '{value}'{where}",
                   "; ".join(hints) or f"add '{value}' to the taxonomy first")


def check_card(
    parsed: ParsedCard, taxonomy: Taxonomy | None, ledger: dict[str, Evidence] | None,
    today: dt.date,
) -> list[Finding]:
    """Judge a card against the taxonomy and ledger.

    A missing taxonomy or unreadable ledger (None) was reported on its own file, so the
    checks against it are skipped rather than failing every card. So are fields whose shape
    was already reported (`parsed.reported`): one problem, one finding.
    """
    card, reported = parsed.card, parsed.reported
    findings = _sections(card, parsed.body, reported) + _warmer(card, reported)
    if taxonomy is not None:
        findings += _references(card, taxonomy, reported)
        if "personas" not in reported and "industries" not in reported:
            findings += check_variants(card, parsed.body, taxonomy)
        findings += _freshness(card, taxonomy.review_interval_days, today)
        findings += proposal_findings(card, taxonomy)
    findings += _evidence(card, ledger, today, reported)
    findings += cost_model_findings(parsed, ledger)
    findings += against_findings(card, taxonomy, ledger, "against" in reported)
    findings += body_findings(parsed.source_lines, parsed.body_line, card.path)
    findings += worked_example_findings(parsed, ledger)
    findings += check_choreography(parsed, taxonomy, ledger)
    return findings + check_quality(parsed, taxonomy, ledger, today)


def check_ledger(ledger: dict[str, Evidence], path: str, today: dt.date) -> list[Finding]:
    """Ledger figures dated in the future, reported once on the ledger, not on each card."""
    return [
        Finding(path, entry.line, 1, Severity.ERROR,
                f"evidence '{entry.id}' is dated {entry.as_of}, in the future",
                "use the date the figure was measured")
        for entry in ledger.values() if entry.as_of and entry.as_of > today
    ]


def check_duplicate_ids(cards: Iterable[Card]) -> list[Finding]:
    first: dict[str, Card] = {}
    findings = []
    for card in sorted(cards, key=lambda c: c.path):
        if card.id in first:
            findings.append(Finding(
                card.path, card.lines.get("id", 1), 1, Severity.ERROR,
                f"duplicate card id '{card.id}', also used by {first[card.id].path}",
                "rename one file or set a unique 'id:' in its front matter",
            ))
        first.setdefault(card.id, card)
    return findings


def _line(card: Card, field: str) -> int:
    return card.lines.get(field, 1)


def _missing_section(card: Card, name: str) -> Finding:
    """Point at the section the missing one should precede, where the author will add it."""
    later = [s for s in card.sections.values()
             if ORDER.index(s.name) > ORDER.index(name)]
    if later:
        follow = min(later, key=lambda s: s.line)
        line, hint = follow.line, f"add it before '## {follow.name}'"
    else:
        line = max([s.line for s in card.sections.values()] or [_line(card, "title")])
        hint = "add it at the end of the card"
    return Finding(card.path, line, 1, Severity.ERROR, f"missing section '## {name}'",
                   f"{hint}; `pitchcraft new card` shows every section in order")


def _sections(card: Card, body: Body, reported: frozenset[str]) -> list[Finding]:
    findings = []
    for name in REQUIRED:
        section = card.sections.get(name)
        if section is None:
            if name not in body.misnamed:
                findings.append(_missing_section(card, name))
        elif name != OBJECTIONS and not section.text and not section.variants:
            findings.append(Finding(card.path, section.line, 1, Severity.ERROR,
                                    f"section '## {name}' is empty", "write the step's text"))
        elif name != OBJECTIONS and not section.text and "personas" not in reported:
            # Only variants: every buyer needs one, or their pitch has an empty step.
            uncovered = uncovered_buyers(card, section.variants)
            if uncovered:
                findings.append(Finding(
                    card.path, section.line, 1, Severity.ERROR,
                    f"section '## {name}' has no general text and no variant for"
                    f" {', '.join(uncovered)}",
                    "write general text under the heading, before the first '### For:'",
                ))
    if OBJECTIONS in card.sections and not card.objections:
        findings.append(Finding(
            card.path, card.sections[OBJECTIONS].line, 1, Severity.ERROR,
            "no objections under '## Objections'",
            "write each objection as a '### ' heading in the buyer's words, its answer below",
        ))
    for objection in card.objections:
        if not objection.answer:
            findings.append(Finding(card.path, objection.line, 1, Severity.ERROR,
                                    f"objection '{objection.objection}' has no answer",
                                    "write the rep's answer under the heading"))
    return findings


WARMER_HINT = ("write the opener in the buyer's world: a trend or observation this buyer"
               " recognises, ending in a question, that fits every industry and persona the"
               " card serves; add '### For: <persona>' variants where one text cannot fit")


def _warmer(card: Card, reported: frozenset[str]) -> list[Finding]:
    """A published card with no Warmer for a buyer it serves (warning): that buyer's pitch
    opens at Reframe, since a Warmer is written for its buyer, never assembled."""
    section = card.sections.get(WARMER)
    if not card.published or (section is not None and section.text):
        return []
    if section is None or not section.variants:
        at = section or card.sections.get("Reframe")
        return [Finding(card.path, at.line if at else _line(card, "title"), 1, Severity.WARNING,
                        "published card has no Warmer: its pitches open at Reframe",
                        ("write it under '## Warmer'" if section else
                         "add '## Warmer' before '## Reframe'") + f": {WARMER_HINT}")]
    uncovered = [] if "personas" in reported else uncovered_buyers(card, section.variants)
    if not uncovered:
        return []
    return [Finding(card.path, section.line, 1, Severity.WARNING,
                    f"no Warmer for {', '.join(uncovered)}: their pitches open at Reframe",
                    f"write general text under '## Warmer', before the first '### For:': "
                    f"{WARMER_HINT}")]


def _references(card: Card, taxonomy: Taxonomy, reported: frozenset[str]) -> list[Finding]:
    groups = [
        ("industries", "industry", [i.id for i in taxonomy.industries]),
        ("problems", "problem", [p.id for p in taxonomy.problems]),
        ("personas", "persona", [p.id for p in taxonomy.personas]),
        ("leads_to", "differentiator", [d.id for d in taxonomy.company.differentiators]),
    ]
    findings = []
    for field, kind, valid in groups:
        values = getattr(card, field)
        if field in reported or (field == "industries" and values == (ALL_INDUSTRIES,)):
            continue
        if not valid:
            continue  # the schema requires entries, so taxonomy.yml is already reported
        for index, value in enumerate(values):
            if value not in valid:
                line, col = card.item_positions.get(f"{field}.{index}", (_line(card, field), 1))
                findings.append(unknown_id(card.path, line, kind, value, valid, field, col))
    return findings


def _evidence(
    card: Card, ledger: dict[str, Evidence] | None, today: dt.date, reported: frozenset[str]
) -> list[Finding]:
    findings = []
    if card.published and not card.evidence and "evidence" not in reported:
        # Without an 'evidence:' line, 'status: published' is what demands it.
        findings.append(Finding(
            card.path, _line(card, "evidence" if "evidence" in card.lines else "status"), 1,
            Severity.ERROR, "published card has no evidence",
            "add at least one sourced figure under 'evidence:' (inline or '- ref: <ledger id>')",
        ))
    for item in card.evidence:
        if ledger is not None and item.id and not item.figure and item.id not in ledger:
            findings.append(unknown_id(card.path, item.line, "evidence", item.id, ledger))
        if item.as_of and item.as_of > today:
            findings.append(Finding(card.path, item.line, 1, Severity.ERROR,
                                    f"evidence date {item.as_of} is in the future",
                                    "use the date the figure was measured"))
    return findings


def _freshness(card: Card, default_interval: int, today: dt.date) -> list[Finding]:
    if card.reviewed is None:
        return []
    if card.reviewed > today:
        return [Finding(card.path, _line(card, "reviewed"), 1, Severity.ERROR,
                        f"reviewed date {card.reviewed} is in the future",
                        "use the date the owner last checked the card")]
    due = card.review_due(default_interval)
    if due is not None and card.published and card.is_stale(default_interval, today):
        return [Finding(
            card.path, _line(card, "reviewed"), 1, Severity.WARNING,
            f"stale: review was due {due} ({(today - due).days} days ago)",
            f"ask {card.owner or 'the owner'} to review the card and update 'reviewed:'",
        )]
    return []
