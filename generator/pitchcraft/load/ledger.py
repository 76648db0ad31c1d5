"""Read `evidence.yml`, the ledger of figures that several cards cite by id."""

from __future__ import annotations

from pathlib import Path

from ..costs.expr import TOO_LARGE as NUMBER_TOO_LARGE
from ..costs.figures import is_too_large
from ..model import Evidence, Finding, Severity
from .coerce import evidence, items
from .data_file import read_data_file
from .html_policy import unsafe_fields
from .schema import LEDGER_SCHEMA
from .whose import missing_whose

MAX_LEDGER_BYTES = 2_000_000
"""About 10,000 entries of a figure, a claim and a source: far more than cards cite, and
still under the YAML parser's node limit (`yaml_positions.MAX_NODES`)."""
TOO_LARGE = ("the ledger holds the figures cards cite, one short entry each; move bulk data"
             " out of the content folder, and check the file is the one you meant")


def load_ledger(
    file: Path, shown_path: str
) -> tuple[dict[str, Evidence] | None, list[Finding]]:
    """The ledger by id; None when the file exists but its list could not be read.

    Then every card's `ref:` would look unknown, burying the one real problem in the
    ledger under a finding per citation.
    """
    if not file.is_file():
        return {}, []  # the ledger is optional
    data, positions, findings = read_data_file(file, shown_path, LEDGER_SCHEMA, empty_ok=True,
                                               max_bytes=MAX_LEDGER_BYTES, too_large=TOO_LARGE)
    if data is None or not isinstance(data.get("evidence", []), list):
        return None, findings
    findings += unsafe_fields(data, positions, shown_path)
    ledger: dict[str, Evidence] = {}
    for index, raw in enumerate(items(data.get("evidence"))):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        entry = evidence(raw, positions.at(("evidence", index))[0])
        if is_too_large(entry.figure):
            findings.append(Finding(
                shown_path, *positions.at(("evidence", index, "figure")), Severity.ERROR,
                f"evidence '{entry.id}': the figure's number is too large to compute with",
                NUMBER_TOO_LARGE,
            ))
        if unsaid := missing_whose(raw, shown_path, entry.line, f"evidence '{entry.id}'"):
            findings.append(unsaid)
        if entry.id in ledger:
            findings.append(Finding(
                shown_path, entry.line, 1, Severity.ERROR, f"duplicate evidence id '{entry.id}'",
                f"the first one is on line {ledger[entry.id].line}; give each a unique id",
            ))
            continue
        ledger[entry.id] = entry
    return ledger, findings
