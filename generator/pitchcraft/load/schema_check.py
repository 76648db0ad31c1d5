"""Turn JSON Schema errors into findings an author can act on.

fastjsonschema, compiled once per schema, gives the verdict; nearly every file is valid and
that is all it needs. Only for an invalid one is `jsonschema` imported and asked for every
error with its exact path, keyword and failed sub-schemas, which the findings are worded
from: fastjsonschema stops at the first error, or lists them by a dotted name without the
errors inside `anyOf`. The words of a finding come from the schema itself (`schema.FINDINGS`,
`description`); this module only words what each keyword means in general.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ..model import Finding, Severity
from .coerce import is_date
from .schema import FINDINGS
from .yaml_positions import Positions

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping of fields",
               "integer": "a whole number", "boolean": "true or false"}
_FORMATS = {"date": is_date}

_VERDICTS: dict[int, Callable[[object], bool]] = {}
_VALIDATORS: dict[int, Any] = {}
"""One compiled check and one validator per schema; the schemas are module constants."""


def _is_valid(schema: dict[str, Any]) -> Callable[[object], bool]:
    key = id(schema)
    if key not in _VERDICTS:
        # Without detailed exceptions: only the verdict is used, and the code compiles in a
        # third of the time.
        validate = fastjsonschema.compile(schema, formats=_FORMATS, use_default=False,
                                          detailed_exceptions=False)

        def is_valid(data: object) -> bool:
            try:
                validate(data)
            except fastjsonschema.JsonSchemaValueException:
                return False
            return True
        _VERDICTS[key] = is_valid
    return _VERDICTS[key]


def _validator(schema: dict[str, Any]) -> Any:
    key = id(schema)
    if key not in _VALIDATORS:
        from jsonschema import Draft202012Validator, FormatChecker

        formats = FormatChecker(formats=())
        for name, check in _FORMATS.items():
            formats.checks(name)(check)
        _VALIDATORS[key] = Draft202012Validator(schema, format_checker=formats)
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
    if _is_valid(schema)(data):
        return [], frozenset()
    errors = list(_validator(schema).iter_errors(data))
    # A misspelt field is one problem, not two: "did you mean 'x'?" covers "missing 'x'".
    meant = {(tuple(e.absolute_path), _misspelling(e)[1]) for e in errors
             if e.validator == "additionalProperties"}
    kept = [e for e in errors
            if not (e.validator == "required" and (tuple(e.absolute_path), _missing(e)) in meant)]
    fields = frozenset(str(e.absolute_path[0]) for e in kept if e.absolute_path)
    return [_finding(e, schema, positions, path, what) for e in kept], fields


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


def _properties(root: dict[str, Any], error: ValidationError) -> dict[str, Any]:
    """The fields defined where the rule failed: a `then` or `else` that only requires
    fields (the evidence item's) borrows them from the schema it belongs to."""
    found: dict[str, Any] = root.get("properties", {})
    node: Any = root
    in_map = False
    for part in list(error.absolute_schema_path)[:-1]:
        node = node[part]
        in_map = part == "properties" and not in_map  # a mapping of fields, not a schema
        if not in_map and isinstance(node, dict) and "properties" in node:
            found = node["properties"]
    return found


def _finding(
    error: ValidationError, root: dict[str, Any], positions: Positions, path: str, what: str
) -> Finding:
    at = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    own = schema.get(FINDINGS, {}).get(kind, {})

    if kind == "additionalProperties":
        name, close = _misspelling(error)
        allowed = sorted(schema.get("properties", {}))
        hint = f"did you mean '{close}'?" if close else f"known {what}s: {', '.join(allowed)}"
        line, col = positions.at((*at, name), key=True)
        where = f" in {_name(at)}" if at else ""
        return Finding(path, line, col, Severity.ERROR, f"unknown {what} '{name}'{where}", hint)

    if kind == "required":
        name = _missing(error)
        field = _properties(root, error).get(name, {})
        own = field.get(FINDINGS, {}).get("required", {})
        field_desc = field.get("description", "")
        where = f" in {_name(at)}" if at else ""
        message = f"missing required {what} '{name}'{where}"
        hint = f"add '{name}:' ({field_desc})" if field_desc else f"add '{name}:'"
        return _worded(error, own, positions, path, message, hint)

    if kind in ("anyOf", "oneOf") and isinstance(error.instance, list):
        # `industries: [Retail]` fails the list branch of "'all' or a list of ids": report
        # why the list is wrong, not that no branch matched.
        inner = [e for e in error.context or () if e.validator not in ("const", "enum")]
        if inner:
            return _finding(min(inner, key=lambda e: list(e.absolute_path)), root, positions,
                            path, what)

    message, hint = _general(error, _name(at), schema.get("description", ""))
    return _worded(error, own, positions, path, message, hint)


def _worded(
    error: ValidationError, own: dict[str, str], positions: Positions, path: str,
    message: str, hint: str,
) -> Finding:
    """The finding at the failing value, in the schema's own words where it has them."""
    at = tuple(error.absolute_path)
    names = {"subject": _name(at), "value": error.instance,
             "item": at[-1] + 1 if at and isinstance(at[-1], int) else 1}
    line, col = positions.at(at)
    return Finding(path, line, col, Severity.ERROR,
                   own["message"].format(**names) if "message" in own else message,
                   own["hint"].format(**names) if "hint" in own else hint)


def _general(error: ValidationError, subject: str, description: str) -> tuple[str, str]:
    """Message and hint for a rule by its keyword alone; the hint defaults to the
    schema's description."""
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "type":
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in
                            (expected if isinstance(expected, list) else [expected]))
        if expected == "string" and isinstance(instance, int | float):
            return f"{subject} must be {names}", f"put it in quotes: '{instance}'"
        if expected == "array" and isinstance(instance, str | int | float):
            return f"{subject} must be {names}", f"write it as a list: [{instance}]"
        return f"{subject} must be {names}", description
    if kind == "enum":
        choices = [str(c) for c in expected]
        close = difflib.get_close_matches(str(instance), choices, n=1, cutoff=0.6)
        return (f"{subject} must be one of: {', '.join(choices)}",
                f"did you mean '{close[0]}'?" if close else description)
    general = {
        "minItems": f"{subject} is empty", "minLength": f"{subject} is empty",
        "minimum": f"{subject} must be at least {expected}",
        "maximum": f"{subject} must be at most {expected}",
        "uniqueItems": f"{subject} lists the same value twice",
        "maxProperties": f"{subject} has more than {expected} fields",
        "pattern": f"{subject} '{instance}' is not valid",
        "format": f"{subject} is not a valid {expected}",
        "anyOf": f"{subject} is not valid", "oneOf": f"{subject} is not valid",
    }
    return general.get(kind, f"{subject}: {error.message}"), description
