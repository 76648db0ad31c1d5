"""A quick yes for valid content: the schemas compiled to plain Python checks.

`jsonschema` builds a validator object for every value it descends into; for ten thousand
cards that is most of the time `check` spends. Nearly every card is valid, so we first ask a
compiled check that can only say "certainly valid" or "not sure". "Not sure" (which includes
every invalid card) goes through `jsonschema` as before, so findings and their wording never
depend on this module. A keyword it does not know disables it for that schema (always "not
sure"), so a schema can grow without this module silently accepting too much.

The one soundness rule: `compile_schema(s)(x)` may be True only when `jsonschema` reports no
error for `x` against `s`; `tests/test_properties.py` checks it on random values.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[object], bool]

_ANNOTATIONS = frozenset({"$schema", "title", "description", "default", "$comment", "examples"})


class Unsupported(ValueError):
    """The schema uses a keyword this compiler does not handle."""


def compile_schema(schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    """A check that is True only for values `jsonschema` accepts; False means "not sure".

    `is_date` is the validator's `format: date` check, so both agree on what a date is.
    """
    try:
        return _compile(schema, is_date)
    except Unsupported:
        return lambda value: False


def _compile(schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("then", "else"):
            continue
        maker = _KEYWORDS.get(keyword)
        if maker is None:
            raise Unsupported(keyword)
        checks.append(maker(value, schema, is_date))
    return functools.reduce(_both, checks) if checks else _anything


def _both(first: Check, second: Check) -> Check:
    return lambda v: first(v) and second(v)


def _anything(value: object) -> bool:
    return True


def _type(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if not isinstance(value, str):
        raise Unsupported("type as a list")
    if value == "string":
        # A YAML date is text where the field is a date (see schema_check._type).
        if schema.get("format") == "date":
            return lambda v: isinstance(v, str | dt.date)
        return lambda v: type(v) is str
    exact = {"integer": int, "array": list, "object": dict, "boolean": bool}.get(value)
    if exact is None:
        raise Unsupported(f"type {value}")
    return lambda v: type(v) is exact


def _min_length(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    # Dates pass the type check of a date field, but have no length: not sure.
    return lambda v: not isinstance(v, dt.date) and (type(v) is not str or len(v) >= value)


def _pattern(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    search = re.compile(value).search
    return lambda v: not isinstance(v, dt.date) and (type(v) is not str or bool(search(v)))


def _format(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if value != "date":
        raise Unsupported(f"format {value}")
    return is_date


def _enum(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if not all(type(choice) is str for choice in value):
        raise Unsupported("enum of non-text")
    choices = frozenset(value)
    return lambda v: type(v) is str and v in choices


def _const(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    return _enum([value], schema, is_date)


def _required(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    names = tuple(value)
    return lambda v: type(v) is not dict or all(name in v for name in names)


def _properties(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    field = {name: _compile(sub, is_date) for name, sub in value.items()}.get

    def check(v: object) -> bool:
        if type(v) is not dict:
            return not isinstance(v, dict)  # a dict subclass: not sure
        for name, item in v.items():
            sub = field(name)
            if sub is not None and not sub(item):
                return False
        return True
    return check


def _additional(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if value is not False or "patternProperties" in schema:
        raise Unsupported("additionalProperties other than false")
    allowed = frozenset(schema.get("properties", {}))
    return lambda v: type(v) is not dict or allowed.issuperset(v)


def _items(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if not isinstance(value, dict):
        raise Unsupported("items as a list")
    item = _compile(value, is_date)

    def check(v: object) -> bool:
        if type(v) is list:
            for i in v:
                if not item(i):
                    return False
        return True
    return check


def _min_items(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    return lambda v: type(v) is not list or len(v) >= value


def _unique(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    if value is not True:
        return lambda v: True
    # Only text is compared here; other values have equality rules of their own: not sure.
    return lambda v: type(v) is not list or (
        all(type(i) is str for i in v) and len(set(v)) == len(v))


def _max_properties(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    return lambda v: type(v) is not dict or len(v) <= value


def _minimum(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    def check(v: object) -> bool:
        if type(v) in (int, float):
            return v >= value  # type: ignore[operator]
        return type(v) is bool or not isinstance(v, int | float)  # not a number: passes
    return check


def _maximum(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    def check(v: object) -> bool:
        if type(v) in (int, float):
            return v <= value  # type: ignore[operator]
        return type(v) is bool or not isinstance(v, int | float)  # not a number: passes
    return check


def _max_length(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    return lambda v: not isinstance(v, dt.date) and (type(v) is not str or len(v) <= value)


def _max_items(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    return lambda v: type(v) is not list or len(v) <= value


def _any_of(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    branches = [_compile(sub, is_date) for sub in value]
    return lambda v: any(branch(v) for branch in branches)


def _if(value: Any, schema: dict[str, Any], is_date: Callable[[object], bool]) -> Check:
    # The condition must be decided exactly, not just "certainly true": only `required` is.
    if set(value) - _ANNOTATIONS != {"required"}:
        raise Unsupported("if with more than 'required'")
    names = tuple(value["required"])
    then = _compile(schema["then"], is_date) if "then" in schema else None
    otherwise = _compile(schema["else"], is_date) if "else" in schema else None

    def check(v: object) -> bool:
        if type(v) is not dict and isinstance(v, dict):
            return False  # a dict subclass: not sure
        holds = type(v) is not dict or all(name in v for name in names)
        branch = then if holds else otherwise
        return branch is None or branch(v)
    return check


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any], Callable[[object], bool]], Check]] = {
    "type": _type, "minLength": _min_length, "pattern": _pattern, "format": _format,
    "enum": _enum, "const": _const, "required": _required, "properties": _properties,
    "additionalProperties": _additional, "items": _items, "minItems": _min_items,
    "uniqueItems": _unique, "maxProperties": _max_properties, "minimum": _minimum,
    "maximum": _maximum, "maxLength": _max_length, "maxItems": _max_items,
    "anyOf": _any_of, "if": _if,
}
