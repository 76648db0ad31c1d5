"""Read one insight card file into a `Card`, with every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..costs.read import cost_model
from ..model import ALL_INDUSTRIES, Audience, Card, Finding, Severity, Status
from . import schema_check
from .alternatives import read_against
from .coerce import choice, date, evidence, items, mapping, positive_int, text, texts
from .frontmatter import lines_of, read_text, split
from .html_policy import unsafe_fields, unsafe_html
from .markdown_tree import Tree, limit_findings, parse_markdown
from .schema import CARD_SCHEMA
from .sections import Body, parse_body
from .whose import missing_whose
from .yaml_positions import Positions, parse_yaml

ID_LISTS = ("industries", "problems", "personas", "leads_to")
MAX_CARD_BYTES = 1_000_000
"""A card is a page of text; a larger file is pasted data or an attack on the build."""


@dataclass(frozen=True)
class ParsedCard:
    card: Card
    body: Body
    reported: frozenset[str]
    """Front-matter fields whose shape is already reported; later checks leave them alone."""
    tree: Tree | None = None
    """The body's parse, and the file line of its first line, for checks that point at text."""
    body_line: int = 1
    positions: Positions = field(default_factory=Positions)
    """Where each front-matter value is, for findings made once the ledger is known."""
    source_lines: tuple[str, ...] = ()
    """The file's lines, for findings that point inside a value or a section's text."""


def load_card(file: Path, shown_path: str) -> tuple[ParsedCard | None, list[Finding]]:
    """Parse and shape-check a card; cross-references are checked later, with all cards known.

    A card whose front matter has the wrong shape is still built from the fields that are
    right, so one typo does not hide every other finding in the file.
    """
    source, findings = read_text(file, shown_path, MAX_CARD_BYTES)
    if source is None:
        return None, findings
    parts, findings = split(source, shown_path)
    if parts is None:
        return None, findings
    tree = parse_markdown(parts.body)  # one parse: limits, unsafe HTML and sections
    limits = limit_findings(tree, shown_path, parts.body_line)
    if limits:  # the parse stopped early: every later finding would be a knock-on
        return None, limits
    unsafe = unsafe_html(parts.body, shown_path, parts.body_line, tree)
    parsed, findings = parse_yaml(parts.front_matter, shown_path, parts.front_matter_line)
    findings += unsafe
    if parsed is None:
        return None, findings
    data = parsed.data
    findings += unsafe_fields(data, parsed.positions, shown_path)
    if not isinstance(data, dict):
        line, col = parsed.positions.at(())
        return None, [*findings, Finding(
            shown_path, line, col, Severity.ERROR,
            "front matter is not a mapping of fields",
            "write one 'field: value' per line, e.g. 'title: ...'",
        )]
    shape_findings, reported = schema_check.check_fields(
        data, CARD_SCHEMA, parsed.positions, shown_path)
    findings += shape_findings
    body, body_findings = parse_body(parts.body, parts.body_line, shown_path, tree)
    findings += body_findings
    lines = {key[0]: pos[0] for key, pos in parsed.positions.keys.items() if len(key) == 1}
    item_positions = {
        f"{key[0]}.{key[1]}": pos for key, pos in parsed.positions.values.items()
        if len(key) == 2 and key[0] in ID_LISTS and isinstance(key[1], int)
    }
    evidence_lines = {
        key[1]: pos[0] for key, pos in parsed.positions.values.items()
        if len(key) == 2 and key[0] == "evidence"
    }
    if "evidence" not in reported:
        findings += [unsaid for index, item in enumerate(items(data.get("evidence")))
                     if (unsaid := missing_whose(item, shown_path, evidence_lines.get(
                         index, lines.get("evidence", 1)), f"evidence item {index + 1}"))]
    card = Card(
        id=text(data.get("id")) or file.stem,
        path=shown_path,
        title=text(data.get("title")),
        summary=text(data.get("summary")),
        industries=(ALL_INDUSTRIES,) if data.get("industries") == ALL_INDUSTRIES
        else texts(data.get("industries")),
        problems=texts(data.get("problems")),
        personas=texts(data.get("personas")),
        owner=text(data.get("owner")),
        reviewed=date(data.get("reviewed")),
        review_interval_days=positive_int(data.get("review_interval_days")),
        status=Status(choice(data.get("status"), tuple(Status), Status.DRAFT)),
        audience=Audience(choice(data.get("audience"), tuple(Audience), Audience.INTERNAL)),
        evidence=tuple(
            evidence(item, evidence_lines.get(index, 0))
            for index, item in enumerate(items(data.get("evidence")))
            if isinstance(item, dict)
        ),
        differentiation={
            k: v.strip() for k, v in mapping(data.get("differentiation")).items()
            if isinstance(v, str) and v.strip()
        },
        leads_to=texts(data.get("leads_to")),
        tags=texts(data.get("tags")),
        sections=body.sections,
        objections=body.objections,
        lines=lines,
        item_positions=item_positions,
        cost_model=None if "cost_model" in reported else cost_model(data.get("cost_model")),
        headlines={k: v.strip() for k, v in mapping(data.get("headlines")).items()
                   if "headlines" not in reported and isinstance(v, str) and v.strip()},
        against=read_against(data.get("against"), parsed.positions),
    )
    return (ParsedCard(card, body, reported, tree, parts.body_line, parsed.positions,
                       tuple(lines_of(source))), findings)
