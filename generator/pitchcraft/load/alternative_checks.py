"""Checks of alternatives (the taxonomy's `alternatives:`) and of each card's `against:`.

Shapes (a bad verdict, an unknown factor, a missing field) are the schema's findings; these
rules need the taxonomy and ledger: an alternative the taxonomy does not know, proof that
names no ledger entry, a `better` that is claimed but not shown, a published card that does
not beat the status quo, a free fix left unanswered, and stale battlecards.

Free fixes answered: a card that addresses a do-it-yourself or free-option alternative must
show (with proof) that we are better on value, risk or ease against it: the reason says why
the free fix does not last without what we sell. Naming a differentiator before Our solution
is an error already (`choreography`), so the rule lives in `against:`, where the rep reads it.
"""

from __future__ import annotations

import datetime as dt

from ..model import (
    FACTORS,
    MEANINGFUL_FACTORS,
    Against,
    Alternative,
    Card,
    Evidence,
    Finding,
    Severity,
    Taxonomy,
)

LASTING = ("value", "risk", "ease")
"""The factors a buyer wins or loses on: where a free fix must be shown not to last."""
_BATTLECARD = ("traps", "objections", "where_we_lose", "concede")


def against_findings(card: Card, taxonomy: Taxonomy | None,
                     ledger: dict[str, Evidence] | None, shape_reported: bool = False,
                     ) -> list[Finding]:
    """What is wrong with a card's `against:`, with the line to fix. When its shape was
    reported (`shape_reported`: a bad verdict, an unknown factor), the card is not judged
    against its alternatives: the factors left out would only repeat that finding."""
    from .validate import unknown_id  # the one did-you-mean wording

    findings: list[Finding] = []
    known = {a.id: a for a in taxonomy.alternatives} if taxonomy is not None else None
    for against in card.against:
        if known is not None and against.alternative not in known:
            findings.append(unknown_id(card.path, against.line, "alternative",
                                       against.alternative, known, "against"))
        for factor in against.factors:
            proof = factor.proof
            if factor.claimed:
                findings.append(Finding(
                    card.path, factor.line, 1, Severity.WARNING,
                    f"{factor.factor} against '{against.alternative}' is claimed, not shown:"
                    " 'better' has no proof",
                    "add 'proof:' with a ledger id or an inline evidence item, or say"
                    " 'equal' until you can show it"))
            if (proof is not None and ledger is not None and proof.id and not proof.figure
                    and proof.id not in ledger):
                findings.append(unknown_id(card.path, proof.line, "evidence", proof.id,
                                           ledger, "proof"))
        alternative = known.get(against.alternative) if known else None
        if alternative is not None and card.published and not shape_reported:
            findings += _judged(card, against, alternative)
    if card.published and taxonomy is not None and taxonomy.alternatives \
            and not shape_reported:
        findings += _status_quo(card, taxonomy)
    return findings


def _judged(card: Card, against: Against, alternative: Alternative) -> list[Finding]:
    """The status quo not beaten, or a free fix not answered."""
    shown = against.shown_better
    if alternative.status_quo and not against.meaningfully_different:
        missing = [f for f in FACTORS if f not in shown]
        return [Finding(
            card.path, against.line, 1, Severity.WARNING,
            f"not meaningfully different against '{alternative.id}': {len(shown)} of"
            f" {len(FACTORS)} factors shown better (needs {MEANINGFUL_FACTORS})",
            f"show (with proof) how the buyer sees us better in {' or '.join(missing)}")]
    if alternative.free_fix and not set(shown) & set(LASTING):
        return [Finding(
            card.path, against.line, 1, Severity.WARNING,
            f"free fix not answered: nothing shown better against '{alternative.id}' on"
            f" {', '.join(LASTING)}",
            "say, with proof, why the fix does not last without what we sell (it drifts"
            " back, nobody sees it drift, it needs someone's time every month)")]
    return []


def _status_quo(card: Card, taxonomy: Taxonomy) -> list[Finding]:
    addressed = {a.alternative for a in card.against}
    status_quo = [a.id for a in taxonomy.alternatives if a.status_quo]
    if addressed & set(status_quo):
        return []
    line = card.lines.get("against", card.lines.get("title", 1))
    hint = (f"add 'against: {status_quo[0]}:' with each factor's verdict, reason and proof"
            if status_quo else "add a 'kind: status-quo' alternative to the taxonomy's"
            " 'alternatives:' and compare the card with it under 'against:'")
    # Only once the taxonomy declares alternatives: content written before them is judged
    # by `report`'s gaps, not failed by `check --strict` on the day Pitchcraft is upgraded.
    return [Finding(card.path, line, 1, Severity.WARNING,
                    "published card addresses no status-quo alternative: nothing says it is"
                    " meaningfully different from doing nothing", hint)]


def alternative_findings(taxonomy: Taxonomy, today: dt.date) -> list[Finding]:
    """Each alternative's problems, battlecard and freshness, on the taxonomy's lines."""
    from .validate import unknown_id

    findings: list[Finding] = []
    problems = [p.id for p in taxonomy.problems]
    for alternative in taxonomy.alternatives:
        at = (taxonomy.path, alternative.line, 1)
        findings += [unknown_id(*at[:2], "problem", p, problems, "problems")
                     for p in alternative.problems if problems and p not in problems]
        missing = [f for f in _BATTLECARD if not getattr(alternative, f)]
        if missing:
            findings.append(Finding(
                *at, Severity.WARNING,
                f"alternative '{alternative.id}' has no {', '.join(missing)}",
                "a rep facing it needs traps (discovery questions), answers to its"
                " objections, where we lose and what to concede"))
        findings += _fresh(alternative, taxonomy, today)
    return findings


def _fresh(alternative: Alternative, taxonomy: Taxonomy, today: dt.date) -> list[Finding]:
    at = (taxonomy.path, alternative.line, 1)
    if alternative.reviewed is not None and alternative.reviewed > today:
        return [Finding(*at, Severity.ERROR,
                        f"alternative '{alternative.id}' reviewed date {alternative.reviewed}"
                        " is in the future", "use the date the owner last checked it")]
    due = alternative.review_due(taxonomy.review_interval_days)
    if due is not None and alternative.is_stale(taxonomy.review_interval_days, today):
        return [Finding(*at, Severity.WARNING,
                        f"alternative '{alternative.id}' is stale: review was due {due}"
                        f" ({(today - due).days} days ago)",
                        f"ask {alternative.owner or 'the owner'} to review it and update"
                        " 'reviewed:'")]
    return []
