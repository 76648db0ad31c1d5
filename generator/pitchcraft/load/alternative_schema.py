"""The schemas of alternatives (the taxonomy's `alternatives:`) and of a card's `against:`:
kept beside `schema`, which puts them in the taxonomy's and the card's schema."""

from __future__ import annotations

from typing import Any

from ..model import FACTORS, Kind, Verdict
from .schema_parts import (
    _EVIDENCE_REQUIRED,
    _ID,
    _NOT_AN_ID,
    EVIDENCE_FIELDS,
    FINDINGS,
    ID_PATTERN,
    _date,
    _finding,
    _ids,
    _text,
    _texts,
)

_PROOF = {
    "anyOf": [
        {**_ID, "description": "An evidence ledger id."},
        {"type": "object", "additionalProperties": False, "required": _EVIDENCE_REQUIRED,
         "properties": EVIDENCE_FIELDS, "description": "An inline evidence item."},
    ],
    "description": "The evidence that shows it: a ledger id, or an inline item with figure,"
                   " claim, source and as_of.",
    FINDINGS: {"anyOf": _finding(
        "{subject} is not a ledger id or an evidence item",
        "write a ledger id ('proof: install-hours-2026') or an inline item with figure,"
        " claim, source, as_of and whose")},
}

AGAINST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Per alternative the card addresses (taxonomy 'alternatives' ids), per"
                   " factor: better, equal or worse than that alternative in the buyer's"
                   " eyes, why, and the proof.",
    "propertyNames": {"pattern": ID_PATTERN, FINDINGS: {"pattern": _NOT_AN_ID}},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "minProperties": 1,
        "description": "Factor by factor against this alternative.",
        "properties": {f: {
            "type": "object",
            "additionalProperties": False,
            "required": ["verdict", "reason"],
            "description": f"How the buyer sees our {f} against this alternative.",
            "properties": {
                "verdict": {"enum": [v.value for v in Verdict],
                            "description": "better, equal or worse, in the buyer's eyes."},
                "reason": _text("Why, in one line."),
                "proof": _PROOF,
            },
        } for f in FACTORS},
    },
}


ALTERNATIVES_SCHEMA: dict[str, Any] = {
    "type": "array",
    "description": "The buyer's other choices: the status quo, doing it themselves, free"
                   " options, competitors. Internal: never on a public page or in a buyer's"
                   " output.",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "name", "kind", "description", "chosen_when", "problems", "owner",
                     "reviewed"],
        "properties": {
            "id": _ID,
            "name": _text("Display name, as the sales team says it."),
            "kind": {"enum": [k.value for k in Kind],
                     "description": "status-quo, do-it-yourself, free-option,"
                                    " competitor-category or named-competitor."},
            "description": _text("What it is, in a sentence or two."),
            "chosen_when": _text("When and why buyers choose it."),
            "problems": _ids("Problem ids it is chosen for."),
            "owner": _text("Who keeps this battlecard true: a person, not a team."),
            "reviewed": _date("When the owner last checked it (YYYY-MM-DD)."),
            "traps": {
                "type": "array",
                "description": "Discovery questions that make its weakness visible without"
                               " naming it.",
                "items": {"type": "object", "additionalProperties": False,
                          "required": ["question"],
                          "properties": {
                              "question": _text("The question, in the rep's words."),
                              "listen_for": _text("What the buyer's answer tells the rep."),
                          }},
            },
            "objections": {
                "type": "array",
                "description": "What the buyer says when weighing it, with the answer.",
                "items": {"type": "object", "additionalProperties": False,
                          "required": ["objection", "answer"],
                          "properties": {
                              "objection": _text("The objection, in the buyer's words."),
                              "answer": _text("What the rep answers."),
                          }},
            },
            "where_we_lose": _text("Where it is genuinely better (rep only)."),
            "concede": _text("What to concede honestly (rep only)."),
            "landmines": _texts("Claims never to make against it (rep only)."),
        },
    },
}
