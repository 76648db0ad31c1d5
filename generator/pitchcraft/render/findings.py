"""Findings as an author reads them: in a terminal, as CI annotations, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..escape import workflow
from ..escape.terminal import one_line, visible
from ..model import Card, Finding, Status


def as_text(finding: Finding) -> str:
    """`path:line:col: severity: message (hint)` on one line, as editors and grep expect.

    Messages quote the author's values, and a quoted YAML value can hold a line break or an
    escape character; a file name can hold them too (`escape.terminal`).
    """
    hint = f" ({one_line(finding.hint)})" if finding.hint else ""
    where = f"{one_line(finding.path)}:{finding.line}:{finding.col}"
    return f"{where}: {finding.severity}: {one_line(finding.message)}{hint}"


def as_github(finding: Finding) -> str:
    """A GitHub workflow command, so findings show on the pull request's changed lines.

    The file name and the message are the author's: escaped (`escape.workflow`) so that
    neither can end the command and start one of its own.
    """
    message = f"{finding.message} ({finding.hint})" if finding.hint else finding.message
    where = {"file": visible(finding.path), "line": finding.line, "col": finding.col,
             "title": "pitchcraft"}
    return workflow.command(str(finding.severity), where, visible(message))


def as_json(findings: Sequence[Finding], summary: str) -> str:
    return json.dumps({
        "summary": summary,
        "findings": [
            {"path": f.path, "line": f.line, "col": f.col, "severity": str(f.severity),
             "message": f.message, "hint": f.hint}
            for f in findings
        ],
    }, indent=2)


def summary(findings: Sequence[Finding], cards: Sequence[Card]) -> str:
    """One line: with `--format github` it goes to the log too, where a line break in a card
    id would start a line the runner reads as a command."""
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    by_status = {s: [c.id for c in cards if c.status == s] for s in Status}
    parts = [f"{len(cards)} cards: {len(by_status[Status.PUBLISHED])} published"]
    parts += [f"{len(ids)} {s} ({one_line(', '.join(ids))})" for s, ids in by_status.items()
              if s != Status.PUBLISHED and ids]
    return (f"{', '.join(parts)}; {errors} error{'s' * (errors != 1)},"
            f" {warnings} warning{'s' * (warnings != 1)}")
