"""The content format as JSON Schema: one definition for the validator, editors and `schema`.

Findings are translated from schema errors in `schema_check`, so a rule added here is enforced,
documented for editors and explained to authors at once. A rule whose finding needs its own
words carries them here, beside the rule, under `FINDINGS`.
"""

from __future__ import annotations

import json
from typing import Any

from ..costs.schema import COST_MODEL_SCHEMA, UNITS_SCHEMA
from ..model import FACTORS, ROLES
from .alternative_schema import AGAINST_SCHEMA, ALTERNATIVES_SCHEMA
from .schema_parts import (  # noqa: F401 - FINDINGS and ID_PATTERN: part of this module's API
    _EVIDENCE_REQUIRED,
    _ID,
    EVIDENCE_FIELDS,
    FINDINGS,
    HEADLINE_KEYS,
    HEADLINE_PATTERN,
    ID_PATTERN,
    _date,
    _finding,
    _ids,
    _text,
    _texts,
)

LEDGER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Pitchcraft evidence ledger",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "evidence": {
            "type": "array",
            "description": "Figures several cards quote, kept once.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", *_EVIDENCE_REQUIRED],
                "properties": {"id": _ID, **EVIDENCE_FIELDS},
            },
        },
    },
}

CARD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Pitchcraft insight card front matter",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "industries", "problems", "personas", "owner", "reviewed"],
    "properties": {
        "id": {**_ID, "description": "Card id; defaults to the file name."},
        "title": _text("The insight as a headline."),
        "summary": _text("One sentence, shown in lists and search results."),
        "industries": {
            # `enum`, not `const`: fastjsonschema 2.22 fails to compile `const` without
            # detailed exceptions, which cost `check` a third of its start-up to compile.
            "anyOf": [{"enum": ["all"]}, _ids("Industry ids from the taxonomy.")],
            "description": "Industry ids from the taxonomy, or 'all' for every industry.",
            FINDINGS: {"anyOf": _finding("{subject} must be 'all' or a list of ids")},
        },
        "problems": _ids("Customer problem ids from the taxonomy."),
        "personas": _ids("Persona ids from the taxonomy."),
        "owner": _text("Who keeps this card true: a person, not a team."),
        "reviewed": _date("When the owner last checked the card (YYYY-MM-DD)."),
        "review_interval_days": {"type": "integer", "minimum": 1, "maximum": 3650,
                                 "description": "Overrides the taxonomy's review interval."},
        "status": {"enum": ["draft", "published", "retired"], "default": "draft",
                   "description": "Only published cards reach the site."},
        "audience": {"enum": ["internal", "public"], "default": "internal",
                     "description": "public cards also appear on the public site."},
        "evidence": {
            "type": "array",
            "description": "Ledger references ({ref: id}) or inline items.",
            "items": {
                "type": "object",
                "description": "A ledger reference written '- ref: <id>', or an inline figure"
                               " with claim, source and as_of.",
                "additionalProperties": False,
                "properties": {"ref": {**_ID, "description": "An evidence ledger id."},
                               **EVIDENCE_FIELDS},
                "if": {"required": ["ref"]},
                "then": {"maxProperties": 1, FINDINGS: {"maxProperties": _finding(
                    "{subject} mixes 'ref' with inline fields",
                    "cite a ledger entry with 'ref' alone, or write the item inline")}},
                "else": {"required": _EVIDENCE_REQUIRED},
            },
        },
        "differentiation": {
            "type": "object",
            "additionalProperties": False,
            "description": "For each factor the card is meaningfully different on, one line"
                           " saying how.",
            "properties": {f: _text(f"How the buyer sees a difference in {f}.")
                           for f in FACTORS},
        },
        "against": AGAINST_SCHEMA,
        "leads_to": _ids("Company differentiator ids the insight leads to.", min_items=0),
        "tags": _texts("Free tags, shown as chips and used by search."),
        "cost_model": COST_MODEL_SCHEMA,
        "headlines": {
            "type": "object",
            "additionalProperties": False,
            "description": "A short headline the buyer reads on each step's slide: a whole"
                           " clause of at most 8 words, no figure of ours before"
                           " our-solution.",
            "properties": {key: {**_text(f"The {key} slide's headline."),
                                 "pattern": HEADLINE_PATTERN, FINDINGS: {"pattern": _finding(
                                     "{subject} has more than 8 words",
                                     "a slide title is read at a glance: say it in 8 words"
                                     " or fewer")}}
                           for key in HEADLINE_KEYS},
        },
    },
}


def _items(description: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    extra = extra or {}
    return {
        "type": "array",
        "minItems": 1,
        "description": description,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "name", "description", *extra],
            "properties": {
                "id": _ID,
                "name": _text("Display name."),
                "description": _text("One or two sentences."),
                **extra,
            },
        },
    }


TAXONOMY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Pitchcraft taxonomy",
    "type": "object",
    "additionalProperties": False,
    "required": ["industries", "problems", "personas", "company"],
    "properties": {
        "review_interval_days": {"type": "integer", "minimum": 1, "maximum": 3650,
                                 "default": 180,
                                 "description": "Days a card stays fresh after its review."},
        "industries": _items("Industries you sell to.", {
            "context": _texts("Trends and pressures a rep opens with.")}),
        "problems": _items("Customer problems.", {
            "symptoms": _texts("Symptoms a buyer would recognise.")}),
        "personas": _items("Stakeholder roles.", {
            "role": {"enum": list(ROLES),
                     "description": "Their part in the buying group: economic-buyer, champion,"
                                    " evaluator, blocker or user.",
                     FINDINGS: {"enum": _finding(
                         "{subject} '{value}' is not a role",
                         "use one of: " + ", ".join(ROLES))}},
            "priorities": _texts("What this role is measured on and cares about."),
            "metrics": _texts("The metrics this role owns."),
            "concerns": {
                "type": "array",
                "description": "Concerns this role typically raises, each with the answer"
                               " the pitch gives.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["concern", "answer"],
                    "properties": {
                        "concern": _text("The concern, in the buyer's words."),
                        "answer": _text("What the rep answers, in one or two sentences;"
                                        " said after Our solution, so it may name the"
                                        " product."),
                    },
                    FINDINGS: {"type": _finding(
                        "{subject} is not a concern with an answer",
                        "write each concern as '- concern: ...' with 'answer: ...' below it")},
                },
            },
            "next_step": _text("The next step a rep proposes to this role: the rep's"
                               " instruction, never shown to the buyer."),
            "proposal": _text("The next step said to this buyer ('We propose ...'): the"
                              " deck's last slide for cards without a '## Proposal'."),
        }),
        "units": UNITS_SCHEMA,
        "alternatives": ALTERNATIVES_SCHEMA,
        "company": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "description", "offerings", "differentiators"],
            "properties": {
                "name": _text("Your company's name."),
                "description": _text("Who you are, in one line."),
                "demo": {"type": "boolean", "default": False,
                         "description": "Marks demonstration content."},
                "offerings": _items("What you sell."),
                "differentiators": _items("Why you deliver the new way best."),
            },
        },
    },
}


_PERSONA_ITEMS = TAXONOMY_SCHEMA["properties"]["personas"]["items"]
_PERSONA_ITEMS["required"].remove("proposal")  # optional: a card's `## Proposal` may say it

SCHEMAS: dict[str, dict[str, Any]] = {
    "card": CARD_SCHEMA, "taxonomy": TAXONOMY_SCHEMA, "evidence": LEDGER_SCHEMA,
}


def schema_json(kind: str) -> str:
    """The schema as shipped in `schema/<kind>.schema.json`, for editors and other tools."""
    return json.dumps(SCHEMAS[kind], indent=2) + "\n"
