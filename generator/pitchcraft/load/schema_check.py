"""Turn JSON Schema errors into findings an author can act on.

Valid content is recognised by the compiled check in `schema_fast`; `jsonschema` is imported
and run only for content that may have errors, because its import alone costs a `check` of
a small content set more than reading every card.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any

from ..model import Finding, Severity
from .schema_fast import Check, compile_schema
from .yaml_source import Positions

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping of fields",
               "integer": "a whole number", "boolean": "true or false"}


def _is_date(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return True  # the type rule reports it
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_QUICK: dict[int, Check] = {}
_VALIDATORS: dict[int, Any] = {}
"""One compiled check and one validator per schema; the schemas are module constants."""


def _quick(schema: dict[str, Any]) -> Check:
    key = id(schema)
    if key not in _QUICK:
        _QUICK[key] = compile_schema(schema, _is_date)
    return _QUICK[key]


def _validator(schema: dict[str, Any]) -> Any:
    key = id(schema)
    if key not in _VALIDATORS:
        from jsonschema import Draft202012Validator, FormatChecker, validators

        plain_type = Draft202012Validator.VALIDATORS["type"]

        def type_(validator: Any, types: Any, instance: object, schema: dict[str, Any]) -> Any:
            """YAML turns 2026-09-01 into a date; a date field takes it as JSON takes text.

            Only date fields do: a date in a text field (`title: 2026-09-01`) would be read
            as no text at all, so it is reported, and `minLength` or `pattern` never see one.
            """
            if isinstance(instance, dt.date) and schema.get("format") == "date":
                return
            yield from plain_type(validator, types, instance, schema)

        formats = FormatChecker(formats=())
        formats.checks("date")(_is_date)
        extended = validators.extend(Draft202012Validator, validators={"type": type_})
        _VALIDATORS[key] = extended(schema, format_checker=formats)
    return _VALIDATORS[key]


def check(
    data: object, schema: dict[str, Any], positions: Positions, path: str,
    what: str = "field",
) -> list[Finding]:
    return check_fields(data, schema, positions, path, what)[0]


def check_fields(
    data: object, schema: dict[str, Any], positions: Positions, path: str,
    what: str = "field",
) -> tuple[list[Finding], frozenset[str]]:
    """Findings, and the top-level fields they are about.

    Later checks skip those fields: a `personas: cfo` already reported as "must be a list"
    should not also yield "the card does not list that persona".
    """
    if _quick(schema)(data):
        return [], frozenset()
    errors = list(_validator(schema).iter_errors(data))
    # A misspelt field is one problem, not two: "did you mean 'x'?" covers "missing 'x'".
    meant = {(tuple(e.absolute_path), _misspelling(e)[1]) for e in errors
             if e.validator == "additionalProperties"}
    kept = [e for e in errors
            if not (e.validator == "required" and (tuple(e.absolute_path), _missing(e)) in meant)]
    fields = frozenset(str(e.absolute_path[0]) for e in kept if e.absolute_path)
    return [_finding(e, positions, path, what) for e in kept], fields


def _misspelling(error: ValidationError) -> tuple[str, str | None]:
    """The unknown field name and the allowed field it most resembles."""
    allowed = sorted(error.schema.get("properties", {}))
    extra = sorted(set(error.instance) - set(allowed))
    name = extra[0] if extra else "?"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return name, close[0] if close else None


def _missing(error: ValidationError) -> str:
    return next((r for r in error.validator_value if r not in error.instance), "?")


def _name(path: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"item {part + 1}")
        else:
            parts.append(f"'{part}'")
    return " ".join(parts) if parts else "the file"


def _finding(error: ValidationError, positions: Positions, path: str, what: str) -> Finding:
    at = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description", "")

    if kind == "additionalProperties":
        name, close = _misspelling(error)
        allowed = sorted(schema.get("properties", {}))
        hint = f"did you mean '{close}'?" if close else f"known {what}s: {', '.join(allowed)}"
        line, col = positions.at((*at, name), key=True)
        where = f" in {_name(at)}" if at else ""
        return Finding(path, line, col, Severity.ERROR, f"unknown {what} '{name}'{where}", hint)

    if kind == "required":
        name = _missing(error)
        line, col = positions.at(at)
        if name == "source":
            return Finding(path, line, col, Severity.ERROR,
                           f"evidence item {at[-1] + 1 if at else 1} has no source",
                           "say where the figure comes from: study, sample size, year")
        field_desc = schema.get("properties", {}).get(name, {}).get("description", "")
        where = f" in {_name(at)}" if at else ""
        return Finding(path, line, col, Severity.ERROR,
                       f"missing required {what} '{name}'{where}",
                       f"add '{name}:' ({field_desc})" if field_desc else f"add '{name}:'")

    if kind in ("anyOf", "oneOf") and isinstance(error.instance, list):
        # `industries: [Retail]` fails the list branch of "'all' or a list of ids": report
        # why the list is wrong, not that no branch matched.
        inner = [e for e in error.context or () if e.validator != "const"]
        if inner:
            return _finding(min(inner, key=lambda e: list(e.absolute_path)), positions, path,
                            what)

    line, col = positions.at(at)
    subject = _name(at)
    if kind == "type" and schema.get("format") == "date":
        message = f"{subject} is not a date"
        description = "write a real date as YYYY-MM-DD"
    elif kind == "type":
        expected = error.validator_value
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in
                            (expected if isinstance(expected, list) else [expected]))
        message = f"{subject} must be {names}"
        if expected == "string" and isinstance(error.instance, int | float | dt.date):
            description = f"put it in quotes: '{error.instance}'"
        elif expected == "array" and isinstance(error.instance, str | int | float):
            description = f"write it as a list: [{error.instance}]"
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        message = f"{subject} must be one of: {', '.join(choices)}"
        close = difflib.get_close_matches(str(error.instance), choices, n=1, cutoff=0.6)
        if close:
            description = f"did you mean '{close[0]}'?"
    elif kind == "format":
        message = f"{subject} is not a date"
        description = "write a real date as YYYY-MM-DD"
    elif kind == "pattern" and at and at[-1] == "url":
        message = f"{subject} '{error.instance}' is not a web link"
        description = "start it with https:// (or http://)"
    elif kind == "pattern":
        message = f"{subject} '{error.instance}' is not a valid id"
        description = "ids use lowercase letters, digits and hyphens"
    elif kind in ("minItems", "minLength"):
        message = f"{subject} is empty"
    elif kind == "uniqueItems":
        message = f"{subject} lists the same id twice"
    elif kind == "minimum":
        message = f"{subject} must be at least {error.validator_value}"
    elif kind == "maximum":
        message = f"{subject} must be at most {error.validator_value}"
    elif kind == "maxProperties":
        message = f"{subject} mixes 'ref' with inline fields"
        description = "cite a ledger entry with 'ref' alone, or write the item inline"
    elif kind in ("anyOf", "oneOf"):
        message = f"{subject} is not valid"
        if schema.get("anyOf") and {"const": "all"} in schema["anyOf"]:
            message = f"{subject} must be 'all' or a list of ids"
    else:
        message = f"{subject}: {error.message}"
    return Finding(path, line, col, Severity.ERROR, message, description)
