"""The account file as JSON Schema: one definition for `check`, `prep` and editors.

Findings are worded by `load.schema_check`, as for content files, so a misspelt field gets a
"did you mean" and a line; references to the taxonomy, cards and cost-model inputs are judged
after the schema, in `prep.read`.
"""

from __future__ import annotations

import json
from typing import Any

from ..costs.schema import NAME_PATTERN
from ..load.schema import FINDINGS, ID_PATTERN
from ..model import ROLES

_NOT_A_DATE = {"message": "{subject} is not a date", "hint": "write a real date as YYYY-MM-DD"}


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description}


def _texts(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "minLength": 1},
            "description": description}


def _id(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": ID_PATTERN, "description": description}


def _date(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "description": description,
            FINDINGS: {"type": _NOT_A_DATE, "format": _NOT_A_DATE}}


def _object(required: list[str], properties: dict[str, Any], description: str
            ) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": required,
            "properties": properties, "description": description}


_BRANCH = _object(["if"], {
    "if": _text("An answer the attendee might give."),
    "figure": {"type": "string", "pattern": NAME_PATTERN,
               "description": "Go to this figure of the cost model (an input or output name)."},
    "card": _id("Go to this card's insight (a card id)."),
    "concern": _text("Answer this concern next, in your words."),
}, "What to do with one answer: go to a figure, a card or a concern.")

ACCOUNT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Pitchcraft account file",
    "type": "object",
    "additionalProperties": False,
    "required": ["company", "industry", "problems", "attendees", "meeting"],
    "properties": {
        "company": _text("The account's name, as the brief and the decks say it."),
        "industry": _id("An industry id from the taxonomy."),
        "problems": {"type": "array", "minItems": 1, "uniqueItems": True,
                     "items": {"type": "string", "pattern": ID_PATTERN},
                     "description": "Customer problem ids in play, the one to teach first."},
        "attendees": {"type": "array", "minItems": 1, "description": "Who is in the room.",
                      "items": _object(["name", "title", "persona"], {
                          "name": _text("The attendee's name."),
                          "title": _text("Their job title, as on their card."),
                          "persona": _id("A persona id from the taxonomy."),
                          "role": {"enum": list(ROLES),
                                   "description": "Their part in this buying group; default:"
                                                  " the persona's role."},
                          "card": _id("Tell their pitch from this card; default: the"
                                      " best-ranked card for them."),
                          "problem": _id("The problem their pitch is about; default: the"
                                         " first problem in play that a card covers for"
                                         " them."),
                          "cares_about": _texts("What they told us they care about."),
                      }, "One person in the meeting.")},
        "numbers": {"type": "object", "propertyNames": {"pattern": NAME_PATTERN},
                    "additionalProperties": {"type": "number", FINDINGS: {"type": {
                        "message": "{subject} must be a plain number",
                        "hint": "digits only, no thousands separators, units or words:"
                                " 2400000, 0.14"}}},
                    "description": "The account's numbers, by cost-model input name."},
        "facts": {"type": "array", "description": "Figures of theirs, cited as theirs.",
                  "items": _object(["figure", "claim", "source"], {
                      "figure": _text("The figure as they said it: '$2.4 million'."),
                      "claim": _text("What it measures, in one sentence."),
                      "source": _text("Where it comes from, in words the attendees read on"
                                        " their deck: 'the plant's 2025 bills'."),
                      "as_of": _date("When it was measured (YYYY-MM-DD)."),
                  }, "One of the account's own figures.")},
        "alternative": _text("What they are weighing instead of us: an alternative id from"
                             " the taxonomy's 'alternatives:' (the pack pitches against it)."
                             " Judged against the taxonomy after the schema, so an unknown"
                             " id gets a 'did you mean'."),
        "last_meeting": _object([], {
            "date": _date("When it was (YYYY-MM-DD)."),
            "notes": _texts("What was said, one line each."),
        }, "Notes from the last meeting."),
        "meeting": _object(["date", "goal"], {
            "date": _date("The meeting's date (YYYY-MM-DD)."),
            "goal": _text("What the meeting must achieve."),
        }, "The meeting being prepared."),
        "questions": {"type": "array", "description": "Questions to ask, with what to do"
                                                      " with each answer.",
                      "items": _object(["ask"], {
                          "ask": _text("The question."),
                          "answers": {"type": "array", "items": _BRANCH,
                                      "description": "Answers and where each leads."},
                      }, "One question.")},
        "next_step": _object(["proposal", "date"], {
            "proposal": _text("The next step you propose, addressed to them."),
            "date": _date("When it happens (YYYY-MM-DD)."),
            "attendees": _texts("Who takes part: attendee names."),
            "we_bring": _texts("What we bring (the deck says 'We bring: ...')."),
            "they_bring": _texts("What they bring (the deck says 'You bring: ...')."),
        }, "The next step to propose."),
    },
}


def account_schema_json() -> str:
    """The schema as shipped in `schema/account.schema.json`, for editors."""
    return json.dumps(ACCOUNT_SCHEMA, indent=2) + "\n"
