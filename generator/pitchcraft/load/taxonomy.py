"""Read `taxonomy.yml`: who the cards are for and what the company sells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Company, Concern, Finding, Industry, Item, Persona, Problem, Severity, Taxonomy
from .alternatives import read_alternatives
from .coerce import items, mapping, positive_int, text, texts
from .data_file import read_data_file
from .html_policy import unsafe_fields
from .schema import TAXONOMY_SCHEMA
from .units import declared_units
from .yaml_positions import Positions

DEFAULT_REVIEW_INTERVAL_DAYS = 180
MAX_TAXONOMY_BYTES = 1_000_000
"""A hundred times the demo's taxonomy: thousands of industries, problems and personas."""
TOO_LARGE = ("a taxonomy names industries, problems, personas and offerings in a line or two"
             " each; put long text in cards, and check the file is the one you meant")


def load_taxonomy(file: Path, shown_path: str) -> tuple[Taxonomy | None, list[Finding]]:
    if not file.is_file():
        return None, [Finding(
            shown_path, 1, 1, Severity.ERROR, "taxonomy.yml not found",
            "create it with your industries, problems, personas and company;"
            " see the authoring guide",
        )]
    data, positions, findings = read_data_file(
        file, shown_path, TAXONOMY_SCHEMA, max_bytes=MAX_TAXONOMY_BYTES, too_large=TOO_LARGE)
    if data is None:
        return None, findings
    findings += unsafe_fields(data, positions, shown_path)
    units, unit_findings = declared_units(data, positions, shown_path)
    findings += unit_findings
    company = mapping(data.get("company"))
    taxonomy = Taxonomy(
        industries=tuple(
            Industry(**_base(raw, line), context=texts(raw.get("context")))
            for raw, line in _entries(data, ("industries",), positions)
        ),
        problems=tuple(
            Problem(**_base(raw, line), symptoms=texts(raw.get("symptoms")))
            for raw, line in _entries(data, ("problems",), positions)
        ),
        personas=tuple(
            Persona(
                **_base(raw, line),
                role=text(raw.get("role")),
                priorities=texts(raw.get("priorities")),
                metrics=texts(raw.get("metrics")),
                concerns=_concerns(raw.get("concerns")),
                next_step=text(raw.get("next_step")),
                proposal=text(raw.get("proposal")),
            )
            for raw, line in _entries(data, ("personas",), positions)
        ),
        company=Company(
            name=text(company.get("name")),
            description=text(company.get("description")),
            demo=company.get("demo") is True,
            offerings=tuple(Item(**_base(raw, line)) for raw, line in
                            _entries(data, ("company", "offerings"), positions)),
            differentiators=tuple(Item(**_base(raw, line)) for raw, line in
                                  _entries(data, ("company", "differentiators"), positions)),
        ),
        review_interval_days=positive_int(data.get("review_interval_days"))
        or DEFAULT_REVIEW_INTERVAL_DAYS,
        path=shown_path,
        units=units,
        alternatives=read_alternatives(data, positions),
    )
    return taxonomy, findings + _duplicates(taxonomy, shown_path)


def _entries(
    data: dict, at: tuple[str, ...], positions: Positions
) -> list[tuple[dict[str, Any], int]]:
    node: Any = data
    for key in at:
        node = mapping(node).get(key)
    return [
        (raw, positions.at((*at, index))[0])
        for index, raw in enumerate(items(node))
        if isinstance(raw, dict) and text(raw.get("id"))
    ]


def _concerns(raw: Any) -> tuple[Concern, ...]:
    """Concerns with their answers; a bad shape was reported by the schema and is left out."""
    return tuple(
        Concern(text(c.get("concern")), text(c.get("answer")))
        for c in items(raw) if isinstance(c, dict) and text(c.get("concern"))
    )


def _base(raw: dict[str, Any], line: int) -> dict[str, Any]:
    return {"id": text(raw.get("id")), "name": text(raw.get("name")) or text(raw.get("id")),
            "description": text(raw.get("description")), "line": line}


def _duplicates(taxonomy: Taxonomy, path: str) -> list[Finding]:
    findings = []
    groups = {
        "industry": taxonomy.industries, "problem": taxonomy.problems,
        "persona": taxonomy.personas, "offering": taxonomy.company.offerings,
        "differentiator": taxonomy.company.differentiators,
        "alternative": taxonomy.alternatives,
    }
    for kind, entries in groups.items():
        seen: dict[str, int] = {}
        for entry in entries:
            if entry.id in seen:
                findings.append(Finding(
                    path, entry.line, 1, Severity.ERROR, f"duplicate {kind} id '{entry.id}'",
                    f"the first one is on line {seen[entry.id]}; give each a unique id",
                ))
            seen.setdefault(entry.id, entry.line)
    return findings
