"""`check` on a card's cost model and its `{cost: name}` references, once the ledger is known.

The analysis itself lives in `costs.analyse`; this module only places each problem in the
card file: a formula problem at its character (from the YAML positions), a reference at the
line and column where the author wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from ..costs.analyse import analyse
from ..costs.findings import finding, reference_finding
from ..costs.text import doubled_units, unknown_references
from ..model import Audience, Evidence, Finding, Severity
from .cards import ParsedCard


def cost_model_findings(parsed: ParsedCard, ledger: Mapping[str, Evidence] | None) -> list[Finding]:
    """Problems in the model (skipped without a readable ledger, which is reported on its
    own file) and references to figures the model does not have (skipped when the model's
    shape is already reported: every reference would be one more knock-on finding)."""
    card, findings = parsed.card, []
    if card.cost_model is not None and ledger is not None:
        public = card.audience == Audience.PUBLIC
        cited = frozenset(e.id for e in card.evidence if e.id)
        for problem in analyse(card.cost_model, ledger, public=public, cited=cited):
            line, col = parsed.positions.at(problem.path, key=problem.key)
            findings.append(finding(problem, card.path, line, col, _line(parsed, line)))
    if "cost_model" in parsed.reported:
        return findings
    for text, heading in _texts(parsed):
        references = unknown_references(text, card.cost_model)
        text_lines = text.split("\n")
        cursor = heading
        for reference in references:
            written = text_lines[reference.line]
            line, start = _find(parsed.source_lines, written, cursor)
            cursor = line
            placed = replace(reference, line=0, column=start + reference.column)
            findings.append(reference_finding(placed, card.path, line,
                                              card.cost_model is not None))
        cursor = heading
        for reference, word in doubled_units(text, card.cost_model) if card.cost_model else ():
            line, start = _find(parsed.source_lines, text_lines[reference.line], cursor)
            cursor = line
            findings.append(Finding(
                card.path, line, start + reference.column, Severity.WARNING,
                f"'{{cost: {reference.name}}} {word}' says the unit twice: the figure is"
                f" written with its unit already",
                f"remove '{word}' after the reference"))
    return findings


def _texts(parsed: ParsedCard) -> Iterator[tuple[str, int]]:
    """Every text of the card a pitch may show, with the line of its heading."""
    for section in parsed.card.sections.values():
        yield section.text, section.line
        for persona, text in section.variants.items():
            yield text, parsed.body.variant_lines.get((section.name, persona), section.line)
    for objection in parsed.card.objections:
        yield objection.answer, objection.line


def _find(lines: tuple[str, ...], written: str, after: int) -> tuple[int, int]:
    """The 1-based file line at or after line `after` that holds `written`, and the 0-based
    column where it starts there (the text was stripped, so its first line may be indented)."""
    for number in range(max(after, 1), len(lines) + 1):
        at = lines[number - 1].find(written)
        if at >= 0:
            return number, at
    return after, 0


def _line(parsed: ParsedCard, line: int) -> str:
    return parsed.source_lines[line - 1] if 0 < line <= len(parsed.source_lines) else ""
