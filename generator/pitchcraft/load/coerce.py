"""Tolerant readers for values whose shape the schema check has already reported on."""

from __future__ import annotations

import datetime as dt

from ..model import Audience, Evidence


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
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
