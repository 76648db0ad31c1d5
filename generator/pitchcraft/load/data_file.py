"""Read a whole data file (taxonomy.yml, evidence.yml) and check it against its schema.

Cards are read by `cards`: their YAML is only the front matter of a Markdown file.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity
from . import schema_check
from .frontmatter import read_text
from .yaml_positions import Positions, parse_yaml


def read_data_file(
    file: Path, shown_path: str, schema: dict, what: str = "field", *, empty_ok: bool = False
) -> tuple[dict | None, Positions, list[Finding]]:
    """A whole YAML file (taxonomy, ledger) checked against its schema.

    `empty_ok` reads an empty (or comments-only) file as no fields, for optional files.
    """
    text, findings = read_text(file, shown_path)
    empty = Positions()
    if text is None:
        return None, empty, findings
    parsed, findings = parse_yaml(text, shown_path)
    if parsed is None:
        return None, empty, findings
    if parsed.data is None and empty_ok:
        return {}, parsed.positions, findings
    if parsed.data is None:
        return None, parsed.positions, [*findings, Finding(
            shown_path, 1, 1, Severity.ERROR, "file is empty",
            "see the authoring guide for the layout of this file",
        )]
    if not isinstance(parsed.data, dict):
        return None, parsed.positions, [*findings, Finding(
            shown_path, 1, 1, Severity.ERROR, "file is not a mapping of fields",
            "see the authoring guide for the layout of this file",
        )]
    findings += schema_check.check(parsed.data, schema, parsed.positions, shown_path, what)
    return parsed.data, parsed.positions, findings
