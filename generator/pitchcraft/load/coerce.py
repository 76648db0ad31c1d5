"""Tolerant readers for values whose shape the schema check has already reported on.

Dates are among them: YAML hands them over as the text the author wrote (see
`yaml_positions`), and `date` is the one place that text becomes a `datetime.date`, for the
schema's `format: date` check and for the card alike.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Audience, Evidence, Whose

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The one written form of a date: YYYY-MM-DD, as the schema's `format: date` (RFC 3339)."""


def evidence(item: dict, line: int) -> Evidence:
    return Evidence(
        figure=text(item.get("figure")),
        claim=text(item.get("claim")),
        source=text(item.get("source")),
        as_of=date(item.get("as_of")),
        kind=choice(item.get("kind"), ("fact", "estimate"), "fact"),
        url=text(item.get("url")),
        audience=Audience(choice(item.get("audience"), tuple(Audience), Audience.PUBLIC)),
        id=text(item.get("ref")) or text(item.get("id")),
        line=line,
        whose=Whose(choice(item.get("whose"), tuple(Whose), Whose.OUR_RESULTS)),
        whose_given=item.get("whose") in tuple(Whose),  # unsaid or misspelt: reported once
    )


def text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def items(value: object) -> list:
    return value if isinstance(value, list) else []


def mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def texts(value: object) -> tuple[str, ...]:
    return tuple(v.strip() for v in items(value) if isinstance(v, str) and v.strip())


def positive_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def choice(value: object, choices: tuple[str, ...], default: str) -> str:
    return value if value in choices else default


def date(value: object) -> dt.date | None:
    """The date written as YYYY-MM-DD, or None for anything else (2026-02-30 included)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_date(value: str) -> bool:
    """The schema's `format: date`: text that `date` reads."""
    return date(value) is not None
