"""Read the taxonomy's `alternatives:` and a card's `against:` into the model.

The schema has already reported any bad shape (`alternative_schema`); these readers keep what
is well formed, so one typo does not hide every other finding. Ledger ids given as proof are
resolved with the card's evidence (`load.resolve_evidence`).
"""

from __future__ import annotations

from typing import Any

from ..model import (
    FACTORS,
    Against,
    Alternative,
    AlternativeObjection,
    Evidence,
    FactorVerdict,
    Kind,
    Trap,
    Verdict,
)
from .coerce import choice, date, evidence, items, mapping, text, texts
from .yaml_positions import Positions


def read_alternatives(data: dict[str, Any], positions: Positions) -> tuple[Alternative, ...]:
    """Every alternative with an id (the schema reported any other problem). One whose kind
    is not one of `Kind` (reported) is read as a competitor category, the kind no rule asks
    more of, so the cards that address it are not reported too."""
    found = []
    for index, raw in enumerate(items(data.get("alternatives"))):
        if not isinstance(raw, dict) or not text(raw.get("id")):
            continue
        found.append(Alternative(
            id=text(raw.get("id")),
            name=text(raw.get("name")) or text(raw.get("id")),
            kind=Kind(choice(raw.get("kind"), tuple(Kind), Kind.COMPETITOR_CATEGORY)),
            description=text(raw.get("description")),
            chosen_when=text(raw.get("chosen_when")),
            problems=texts(raw.get("problems")),
            owner=text(raw.get("owner")),
            reviewed=date(raw.get("reviewed")),
            traps=tuple(Trap(text(t.get("question")), text(t.get("listen_for")))
                        for t in items(raw.get("traps"))
                        if isinstance(t, dict) and text(t.get("question"))),
            objections=tuple(
                AlternativeObjection(text(o.get("objection")), text(o.get("answer")))
                for o in items(raw.get("objections"))
                if isinstance(o, dict) and text(o.get("objection")) and text(o.get("answer"))),
            where_we_lose=text(raw.get("where_we_lose")),
            concede=text(raw.get("concede")),
            landmines=texts(raw.get("landmines")),
            line=positions.at(("alternatives", index))[0],
        ))
    return tuple(found)


def read_against(raw: object, positions: Positions) -> tuple[Against, ...]:
    """A card's `against:`, alternative by alternative, factors in the order of FACTORS.

    A factor with a bad verdict or no reason is left out (the schema reported it)."""
    found = []
    for alternative, factors in mapping(raw).items():
        if not isinstance(alternative, str):
            continue
        verdicts = []
        for factor in FACTORS:
            entry = mapping(mapping(factors).get(factor))
            verdict = choice(entry.get("verdict"), tuple(Verdict), "")
            if not verdict or not text(entry.get("reason")):
                continue
            at = ("against", alternative, factor)
            verdicts.append(FactorVerdict(
                factor=factor, verdict=Verdict(verdict), reason=text(entry.get("reason")),
                proof=_proof(entry.get("proof"), positions.at((*at, "proof"))[0]),
                line=positions.at(at)[0]))
        found.append(Against(alternative, tuple(verdicts),
                             positions.at(("against", alternative), key=True)[0]))
    return tuple(found)


def _proof(raw: object, line: int) -> Evidence | None:
    """A ledger id (resolved later: `figure` stays empty until then) or an inline item."""
    if isinstance(raw, str) and raw.strip():
        return Evidence(figure="", claim="", source="", as_of=None, id=raw.strip(), line=line)
    if isinstance(raw, dict) and text(raw.get("figure")) and text(raw.get("claim")):
        return evidence(raw, line)
    return None
