"""Read a whole data file (taxonomy.yml, evidence.yml) and check it against its schema.

Cards are read by `cards`: their YAML is only the front matter of a Markdown file.

Each data file has a size cap, checked on the file's size before a byte is read: parsing YAML
takes about fifty times the file's size in memory, so an oversized file would exhaust the
machine long before the parser's own node limit (`yaml_positions.MAX_NODES`) refused it.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity
from . import schema_check
from .frontmatter import read_text
from .yaml_positions import Positions, parse_yaml

DATA_TOO_LARGE = "keep data files to what authors write by hand; move bulk data elsewhere"
MAX_DATA_BYTES = 1_000_000
"""A data file is written by hand: the demo's taxonomy and ledger are 10 KB each. A megabyte
of YAML takes about 40 MB to parse."""


def read_data_file(
    file: Path, shown_path: str, schema: dict, what: str = "field", *, empty_ok: bool = False,
    max_bytes: int = MAX_DATA_BYTES, too_large: str = "",
) -> tuple[dict | None, Positions, list[Finding]]:
    """A whole YAML file (taxonomy, ledger) checked against its schema.

    `empty_ok` reads an empty (or comments-only) file as no fields, for optional files. A file
    larger than `max_bytes` is refused unread, with `too_large` as the hint.
    """
    empty = Positions()
    text, findings = read_text(file, shown_path, max_bytes, too_large or DATA_TOO_LARGE)
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

