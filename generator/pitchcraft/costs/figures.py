"""The number inside a ledger figure, so a formula can use the figure a buyer is told.

A ledger entry's `figure` is text for people ("38%", "$14,800 per hour", "$1.2 million"). A
formula uses its one number: a percentage as a fraction (38% -> 0.38), a scale word multiplied
out ($1.2 million -> 1200000), any currency sign and trailing words ("per hour") dropped. A
figure with a second number ("1 in 3", "$20,000 to $40,000") has no single value, and a
formula that uses it is reported, so a figure is never read half right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from ..model import Evidence

_FIGURE = re.compile(
    r"^\s*(?P<sign>-)?\s*[$€£]?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?:(?P<percent>%)|(?P<scale>thousand|million|billion|k|m|bn)\b)?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
PERCENT = "percent"


def figure_number(figure: str) -> float | None:
    """The figure's one number, or None when it has none or more than one."""
    found = _FIGURE.match(figure)
    if not found or re.search(r"\d", found["rest"]):
        return None
    value = float(found["number"].replace(",", ""))
    if found["percent"]:
        value /= 100
    elif found["scale"]:
        value *= _SCALES[found["scale"].lower()]
    value = -value if found["sign"] else value
    return value if math.isfinite(value) else None


def is_too_large(figure: str) -> bool:
    """True for a figure whose one number does not fit a float (400 digits): a formula
    cannot use it, and saying "not one number" would send the author looking elsewhere."""
    found = _FIGURE.match(figure)
    return bool(found and not re.search(r"\d", found["rest"])
                and figure_number(figure) is None)


def is_percentage(figure: str) -> bool:
    """True for '38%': the unit check then knows the figure is a ratio."""
    found = _FIGURE.match(figure)
    return bool(found and found["percent"])


def ledger_numbers(ledger: Mapping[str, Evidence]) -> dict[str, float]:
    """The number of every ledger figure that has one, by id."""
    numbers = {id_: figure_number(entry.figure) for id_, entry in ledger.items()}
    return {id_: value for id_, value in numbers.items() if value is not None}
