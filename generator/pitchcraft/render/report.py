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
             "against": t.against.id if t.against else None,
             "held": list(t.held), "missing": list(t.missing)}
            for t in report.thin
        ],
        "alternatives_unanswered": [
            {"industry": u.industry.id, "problem": u.problem.id, "cards": u.cards,
             "alternatives": [a.id for a in u.alternatives]}
            for u in report.unanswered
        ],
        "battlecard_reviews": [
            {"alternative": b.alternative.id, "owner": b.alternative.owner,
             "due": b.due.isoformat(), "stale": b.stale}
            for b in report.battlecards
        ],
    }, indent=2)
