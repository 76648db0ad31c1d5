"""The `cost_model` field of a card's front matter as JSON Schema.

The card schema embeds `COST_MODEL_SCHEMA` under `properties.cost_model`; the schema checker
then reports missing and mistyped fields with their lines, as for every other field, and
`read.cost_model` only ever sees well-formed data.
"""

from __future__ import annotations

from typing import Any

from .units import UNIT_HELP

NAME_PATTERN = "^[a-z][a-z0-9_]*$"
"""snake_case: a name that no operator or ledger id can be mistaken for in a formula."""

_NUMBER = {"type": "number"}
_COMMON: dict[str, Any] = {
    "label": {"type": "string", "minLength": 1,
              "description": "What the number is, as the buyer would say it."},
    "unit": {"type": "string", "minLength": 1,
             "description": "One of " + UNIT_HELP + "."},
    "decimals": {"type": "integer", "minimum": 0, "maximum": 6,
                 "description": "Decimals to show, when the unit's own are not right."},
}

COST_MODEL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The buyer's numbers: inputs a rep can change and outputs computed from"
                   " them and from ledger figures.",
    "additionalProperties": False,
    "required": ["inputs", "outputs"],
    "properties": {
        "inputs": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["label", "unit", "default", "min", "max"],
                "properties": {
                    **_COMMON,
                    "default": {**_NUMBER, "description": "The value shown until changed."},
                    "min": {**_NUMBER, "description": "The smallest sensible value."},
                    "max": {**_NUMBER, "description": "The largest sensible value."},
                },
            },
        },
        "outputs": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["label", "unit", "formula"],
                "properties": {
                    **_COMMON,
                    "formula": {"type": ["string", "number"],
                                "description": "Arithmetic on inputs, outputs and"
                                               " ledger.<id>: + - * / ( ) min() max()."},
                },
            },
        },
    },
}


UNIT_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_]*$"
"""A unit's name is one word, so 'A/B' stays a rate of two units."""

UNITS_SCHEMA: dict[str, Any] = {
    "type": "array",
    "description": "Units of your own for cost models (litres, km, trucks), beside the"
                   " built-in " + UNIT_HELP + ".",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "dimension"],
        "properties": {
            "name": {"type": "string", "pattern": UNIT_NAME_PATTERN,
                     "description": "The unit as a card's cost model names it and a figure"
                                    " is written with it: '64,000 litres'."},
            "dimension": {"type": "string", "minLength": 1,
                          "description": "What it measures: volume, distance, count. Two"
                                         " units of one dimension still need a conversion"
                                         " to be added."},
            "singular": {"type": "string", "minLength": 1,
                         "description": "How it reads after 'per': '$1.40 per litre'."
                                        " Default: the name."},
            "decimals": {"type": "integer", "minimum": 0, "maximum": 6,
                         "description": "Decimals a figure in this unit shows. Default: 0."},
        },
    },
}
