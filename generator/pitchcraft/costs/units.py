"""Units: what each one means for the unit check, and how a value in it is written.

The way a unit is written is decided here once and handed to the browser as a `Format`, so the
page and the printed pitch show the same text for the same number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Context, Decimal

LARGEST = 1e21
"""From here on JavaScript's toFixed writes an exponent; both sides show 'n/a' instead."""
_EXACT = Context(prec=60)
"""Enough digits for any value below LARGEST with the most decimals a card may ask for."""

Dimension = tuple[tuple[str, int], ...]
"""Base units with their powers, sorted: USD/kWh is (('USD', 1), ('kWh', -1)); () is a ratio."""


@dataclass(frozen=True)
class Format:
    """How a number is written: sign, prefix, digits grouped by thousands, suffix."""

    prefix: str = ""
    suffix: str = ""
    scale: float = 1
    decimals: int = 0
    trim: bool = False
    """Drop trailing zero decimals, so 38.0% reads 38%."""


@dataclass(frozen=True)
class Unit:
    dimension: Dimension
    format: Format
    singular: str
    """How the unit reads after 'per', as in '$0.14 per kWh'."""


def _unit(base: str, fmt: Format, singular: str) -> Unit:
    return Unit(((base, 1),), fmt, singular)


_CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£"}
UNITS: dict[str, Unit] = {
    **{code: _unit(code, Format(prefix=sign), code) for code, sign in _CURRENCIES.items()},
    "percent": Unit((), Format(suffix="%", scale=100, decimals=1, trim=True), "percent"),
    "ratio": Unit((), Format(decimals=2, trim=True), "unit"),
    "count": Unit((), Format(), "unit"),
    "kWh": _unit("kWh", Format(suffix=" kWh"), "kWh"),
    "MWh": _unit("MWh", Format(suffix=" MWh", decimals=1, trim=True), "MWh"),
    "kW": Unit((("hours", -1), ("kWh", 1)), Format(suffix=" kW"), "kW"),
    "hours": _unit("hours", Format(suffix=" hours", decimals=1, trim=True), "hour"),
    "days": _unit("days", Format(suffix=" days", decimals=1, trim=True), "day"),
    "tCO2e": _unit("tCO2e", Format(suffix=" tCO2e", decimals=1, trim=True), "tonne CO2e"),
}
"""Every unit a card may name, plus any 'A/B' of two of them (USD/kWh, USD/hours)."""
UNIT_HELP = ", ".join(UNITS) + ", or a rate of two of them such as USD/kWh or USD/hours"


def unit(name: str) -> Unit | None:
    """The unit called `name`, or None for a name this table does not know."""
    if name in UNITS:
        return UNITS[name]
    top, slash, bottom = name.partition("/")
    if not slash or top not in UNITS or bottom not in UNITS or top == bottom:
        return None
    upper, lower = UNITS[top], UNITS[bottom]
    decimals = 2 if top in _CURRENCIES else upper.format.decimals
    suffix = f"{upper.format.suffix} per {lower.singular}"
    return Unit(divide(upper.dimension, lower.dimension),
                replace(upper.format, suffix=suffix, decimals=decimals), name)


def _combine(a: Dimension, b: Dimension, sign: int) -> Dimension:
    powers = dict(a)
    for base, power in b:
        powers[base] = powers.get(base, 0) + sign * power
    return tuple(sorted((base, p) for base, p in powers.items() if p))


def multiply(a: Dimension, b: Dimension) -> Dimension:
    return _combine(a, b, 1)


def divide(a: Dimension, b: Dimension) -> Dimension:
    return _combine(a, b, -1)


def spell(dimension: Dimension) -> str:
    """A dimension as a reader would write it: 'USD/kWh', 'USD·kWh', 'a ratio'."""
    top = "·".join(b if p == 1 else f"{b}^{p}" for b, p in dimension if p > 0)
    bottom = "·".join(b if p == -1 else f"{b}^{-p}" for b, p in dimension if p < 0)
    if not top and not bottom:
        return "a ratio"
    return f"{top or '1'}/{bottom}" if bottom else top


def format_for(unit_name: str, decimals: int | None = None) -> Format:
    found = unit(unit_name)
    fmt = found.format if found else Format(suffix=f" {unit_name}")
    return fmt if decimals is None else replace(fmt, decimals=decimals)


def format_value(value: float | None, fmt: Format) -> str:
    """`value` written out; the page's cost-model.js applies the same steps to the same Format.

    Rounding is of the exact binary value, halves away from zero: what JavaScript's toFixed
    does, where Python's own rounding would send halves to the even digit.
    """
    scaled = math.inf if value is None else value * fmt.scale
    if not abs(scaled) < LARGEST:
        return "n/a"
    digits = str(Decimal(abs(scaled)).quantize(Decimal(1).scaleb(-fmt.decimals), ROUND_HALF_UP,
                                               _EXACT))
    whole, _, fraction = digits.partition(".")
    if fmt.trim:
        fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}"
    sign = "-" if scaled < 0 and any(c not in "0." for c in digits) else ""
    number = f"{grouped}.{fraction}" if fraction else grouped
    return f"{sign}{fmt.prefix}{number}{fmt.suffix}"
