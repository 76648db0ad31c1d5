"""Units: what each one means for the unit check, and how a value in it is written.

The way a unit is written is decided here once and handed to the browser as a `Format`, so the
page and the printed pitch show the same text for the same number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Context, Decimal

from ..model.costs import DeclaredUnit

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
    spoken: int = 0
    """Significant digits when said aloud (see `spoken`); 0 writes the exact value."""
    words: tuple[tuple[float, str], ...] = ()
    """Scale words for a spoken figure ('$1.2 million'), largest first."""


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
DIMENSIONS = {"USD": "money", "EUR": "money", "GBP": "money", "kWh": "energy", "MWh": "energy",
              "kW": "power", "hours": "time", "days": "time", "tCO2e": "emissions"}
"""What each built-in unit measures, for the message when two units of one dimension meet."""
Declared = tuple[DeclaredUnit, ...]


def table(declared: Declared = ()) -> dict[str, Unit]:
    """The built-in units and those the content declares (a declared name that is built in
    is reported on the taxonomy and left out here)."""
    units = dict(UNITS)
    for item in declared:
        units.setdefault(item.name, _unit(item.name, Format(suffix=f" {item.name}",
                                                            decimals=item.decimals, trim=True),
                                          item.singular or item.name))
    return units


def dimension_name(name: str, declared: Declared = ()) -> str:
    """What the unit `name` measures ('' when nobody said)."""
    found = next((d.dimension for d in declared if d.name == name), None)
    return found or DIMENSIONS.get(name, "")


def unit(name: str, declared: Declared = ()) -> Unit | None:
    """The unit called `name`, or None for a name neither the built-in table nor the content
    declares."""
    units = table(declared) if declared else UNITS
    if name in units:
        return units[name]
    top, slash, bottom = name.partition("/")
    if not slash or top not in units or bottom not in units or top == bottom:
        return None
    upper, lower = units[top], units[bottom]
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


def format_for(unit_name: str, decimals: int | None = None, declared: Declared = ()) -> Format:
    found = unit(unit_name, declared)
    fmt = found.format if found else Format(suffix=f" {unit_name}")
    return fmt if decimals is None else replace(fmt, decimals=decimals)


def spoken(fmt: Format) -> Format:
    """`fmt` for a figure said aloud: two significant digits, never more decimals than the
    unit shows, and a scale word from a million up ('about $320,000', '$1.2 million').

    Why two: a listener keeps two digits; a third ("$323,760") claims a precision that an
    estimate built on a market median does not have, and the exact value stays in the
    evidence table's worked example for whoever checks the sum.
    """
    return replace(fmt, spoken=SPOKEN_DIGITS, words=SPOKEN_WORDS)


SPOKEN_DIGITS = 2
SPOKEN_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_value(value: float | None, fmt: Format) -> str:
    """`value` written out; the page's cost-model.js applies the same steps to the same Format.

    Rounding is of the exact binary value, halves away from zero: what JavaScript's toFixed
    and toPrecision do, where Python's own rounding would send halves to the even digit.
    """
    scaled = math.inf if value is None else value * fmt.scale
    if not abs(scaled) < LARGEST:
        return "n/a"
    keep = 0
    if fmt.spoken and scaled != 0:
        keep = min(fmt.spoken, Decimal(abs(scaled)).adjusted() + fmt.decimals + 1)
    if keep < 1:  # exact, or a figure smaller than the last decimal the unit shows
        return _written(scaled, abs(scaled), fmt.decimals, fmt.trim, fmt, "")
    rounded = Context(prec=keep, rounding=ROUND_HALF_UP).plus(Decimal(abs(scaled)))
    size, word, power = float(rounded), "", 0
    for step, name in fmt.words:
        if size >= step:
            size, word, power = size / step, f" {name}", round(math.log10(step))
            break
    decimals = max(0, keep - 1 - (rounded.adjusted() - power))
    return _written(scaled, size, decimals, fmt.trim or bool(word), fmt, word)


def _written(scaled: float, size: float, decimals: int, trim: bool, fmt: Format,
             word: str) -> str:
    """`size` (not negative) to `decimals` places, grouped by thousands, with the sign of
    `scaled`, the unit's prefix and suffix and a scale word."""
    digits = str(Decimal(size).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _EXACT))
    whole, _, fraction = digits.partition(".")
    if trim:
        fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}"
    sign = "-" if scaled < 0 and any(c not in "0." for c in digits) else ""
    number = f"{grouped}.{fraction}" if fraction else grouped
    return f"{sign}{fmt.prefix}{number}{word}{fmt.suffix}"
