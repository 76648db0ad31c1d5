"""The building blocks of the content schemas (`schema`, `alternative_schema`): ids, texts,
dates and evidence fields, each with the words a finding uses when a value breaks it."""

from __future__ import annotations

from typing import Any

from ..model import Whose

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
HEADLINE_KEYS = ("warmer", "reframe", "rational-drowning", "emotional-impact",
                 "cost-of-doing-nothing", "a-new-way", "our-solution", "proposal")
HEADLINE_PATTERN = r"^\s*\S+(\s+\S+){0,7}\s*$"
"""At most 8 words: a headline is read at a glance."""

FINDINGS = "x-findings"
"""What an author reads when a value breaks one of this schema's rules, by the rule's keyword
(`required`: this field is missing): a `message` (`{subject}` names the value, `{value}` is
it, `{item}` its number in a list) and a `hint`. Editors ignore the keyword. A rule without
one gets a finding worded from its keyword, with the schema's `description` as the hint."""


def _finding(message: str, hint: str | None = None) -> dict[str, str]:
    return {"message": message} if hint is None else {"message": message, "hint": hint}


_NOT_AN_ID = _finding("{subject} '{value}' is not a valid id",
                      "ids use lowercase letters, digits and hyphens")
_NOT_A_DATE = _finding("{subject} is not a date", "write a real date as YYYY-MM-DD")


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description}


def _texts(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "minLength": 1},
            "description": description}


def _ids(description: str, *, min_items: int = 1) -> dict[str, Any]:
    return {"type": "array", "minItems": min_items, "uniqueItems": True,
            "items": {"type": "string", "pattern": ID_PATTERN, FINDINGS: {"pattern": _NOT_AN_ID}},
            "description": description,
            FINDINGS: {"uniqueItems": _finding("{subject} lists the same id twice")}}


def _date(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "description": description,
            FINDINGS: {"type": _NOT_A_DATE, "format": _NOT_A_DATE}}


_ID = {"type": "string", "pattern": ID_PATTERN,
       "description": "Lowercase letters, digits and hyphens.", FINDINGS: {"pattern": _NOT_AN_ID}}

EVIDENCE_FIELDS: dict[str, Any] = {
    "figure": _text("The number as a buyer would hear it, with its unit: '11.4 days'."),
    "claim": _text("What the figure shows, in one sentence."),
    "source": {**_text("Where the figure comes from: study, sample size, year."),
               FINDINGS: {"required": _finding(
                   "evidence item {item} has no source",
                   "say where the figure comes from: study, sample size, year")}},
    "url": {"type": "string", "pattern": "^https?://\\S+$",
            "description": "Optional link to the source (http or https).",
            FINDINGS: {"pattern": _finding("{subject} '{value}' is not a web link",
                                           "start it with https:// (or http://)")}},
    "as_of": _date("When the figure was measured or estimated (YYYY-MM-DD)."),
    "kind": {"enum": ["fact", "estimate"], "default": "fact",
             "description": "fact (measured) or estimate."},
    "audience": {"enum": ["public", "internal"], "default": "public",
                 "description": "internal figures (pipeline, win rates, discounts) never reach"
                                " the public site."},
    "whose": {"enum": [w.value for w in Whose],
              "description": "research (third-party or market research, public statistics, our"
                             " studies of the market or equipment: may teach before Our"
                             " solution), our-results (what our customers achieved with our"
                             " offering: shown from Our solution on) or internal (our own"
                             " business: never buyer-facing). Unsaid counts as our-results."},
}
_EVIDENCE_REQUIRED = ["figure", "claim", "source", "as_of"]
