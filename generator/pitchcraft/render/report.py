"""The content report as JSON, for dashboards and other tools (text and Markdown are templates)."""

from __future__ import annotations

import json

from ..review import Report


def report_json(report: Report) -> str:
    return json.dumps({
        "today": report.today.isoformat(),
        "published": report.published,
        "reviews": [
            {"owner": o.owner, "card": r.card.id, "path": r.card.path,
             "due": r.due.isoformat(), "stale": r.stale}
            for o in report.owners for r in o.reviews
        ],
        "gaps": [
            {"industry": g.industry.id, "problem": g.problem.id, "uncovered": g.uncovered,
             "missing_personas": [p.id for p in g.missing_personas]}
            for g in report.gaps
        ],
        "not_meaningfully_different": [
            {"card": t.card.id, "path": t.card.path, "owner": t.card.owner,
             "held": list(t.held), "missing": list(t.missing)}
            for t in report.thin
        ],
    }, indent=2)
