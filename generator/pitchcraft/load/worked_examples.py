"""Worked examples written as evidence items (warning): the card's arithmetic belongs in its
cost model, where the pitch computes it.

A self-describing evidence item shows the card's own arithmetic ("Worked example: the
arithmetic this card does from its own figures: $1.2 million, $456,000"): its figure reads
`Worked example`, or its claim or source says "worked example" or speaks of "this card". It
sources nothing, it reaches the buyer's evidence table as if it were research, and it does not
follow the buyer's numbers. So it is reported, telling the author to give the card a
`cost_model`: the pitch then shows each figure it says as a computed row
(`costs.worked`). While such an item stands, the warning also names each of its figures the
card's text never uses: left over from an earlier version of the card ($1,900 where the card
now says $1,950) or copied from another card.

The card's text is every section, variant and objection answer as a pitch says it: a
`{cost: name}` reads as the cost model's value at its defaults. A figure is a number with a
currency, a percent or a unit, as in the weak-card checks; it is used when the card says a
figure of the same kind (money, percent or the same unit) that is equal once both are rounded
as the less precise of the two is written: "$23,000" is used by "$23,400", "$1,900" is not
used by "$1,950".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ..costs.evaluate import evaluate, plan
from ..costs.text import REFERENCE, with_values
from ..model import Card, Evidence, Finding, Severity
from .cards import ParsedCard
from .quality import _FIGURE, _SCALE

MARK = "worked example"
SELF = ("this card", "the card's own", "the arithmetic")
"""Words of a claim about the card itself rather than about the world."""
_PERCENT = {"%", "percent", "per cent"}

Figure = tuple[str, float, int]
"""A figure's kind (money, percent or its unit), its value, and the power of ten it is written
to: "$1,900" is (money, 1900.0, 2), "11.2%" is (percent, 11.2, -1)."""


def worked_example_findings(
    parsed: ParsedCard, ledger: Mapping[str, Evidence] | None
) -> list[Finding]:
    """One warning per worked example of a published card, at the example's line in the
    card, naming the figures its card does not use."""
    card = parsed.card
    if not card.published or parsed.tree is None:
        return []
    examples = [(item, source) for item, source in _evidence(card, ledger or {})
                if is_worked_example(source)]
    if not examples:
        return []
    said = list(_figures(_card_text(card, ledger or {})))
    findings = []
    hint = (("the card's cost_model shows its figures as computed rows already: remove this"
             " item, and add as an output any figure of it the model lacks") if card.cost_model
            else ("give the card a cost_model and say its figures as {cost: name}: the pitch"
                  " then shows each as a computed row with the buyer's numbers; remove this"
                  " item"))
    for item, source in examples:
        unused = [written for written, figure in _written_figures(f"{source.figure} "
                                                                  f"{source.claim}")
                  if not any(_same(figure, other) for other in said)]
        message = (f"evidence item '{_short(source.figure)}' is the card's own arithmetic,"
                   " not evidence")
        if unused:
            shown = ", ".join(f"'{u}'" for u in dict.fromkeys(unused))
            message += f"; the worked example quotes {shown}, which the card's text never uses"
        findings.append(Finding(card.path, item.line or card.lines.get("evidence", 1), 1,
                                Severity.WARNING, message, hint))
    return findings


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _evidence(card: Card, ledger: Mapping[str, Evidence]) -> Iterator[tuple[Evidence, Evidence]]:
    """Each evidence item with what it says: itself, or the ledger entry it cites."""
    for item in card.evidence:
        source = item if item.figure else ledger.get(item.id)
        if source is not None:
            yield item, source


def is_worked_example(item: Evidence) -> bool:
    """An item that describes the card's own arithmetic rather than the world: the one rule,
    for `check` and for what buyers are shown."""
    claim = item.claim.casefold()
    return item.figure.strip().casefold() == MARK or any(
        MARK in text.casefold() for text in (item.claim, item.source)) or any(
        words in claim for words in SELF[:2])


def _card_text(card: Card, ledger: Mapping[str, Evidence]) -> str:
    texts = [card.summary]
    for section in card.sections.values():
        texts += [section.text, *section.variants.values()]
    texts += [o.answer for o in card.objections]
    text = "\n".join(texts)
    if card.cost_model is None or not REFERENCE.search(text):
        return text
    try:
        values = evaluate(plan(card.cost_model, ledger))
    except ValueError:  # a broken model is reported by the cost-model checks
        return text
    return with_values(text, card.cost_model, values, exact=True)


def _written_figures(text: str) -> Iterator[tuple[str, Figure]]:
    for match in _FIGURE.finditer(text):
        figure = _figure(match)
        if figure is not None:
            yield match.group(0).strip(), figure


def _figures(text: str) -> Iterator[Figure]:
    return (figure for _, figure in _written_figures(text))


def _figure(match: re.Match[str]) -> Figure | None:
    unit = (match.group("unit") or "").casefold()
    if match.group("cur"):
        kind = "money"
    elif unit in _PERCENT:
        kind = "percent"
    elif unit:
        kind = unit.removesuffix("s") if len(unit) > 2 else unit
    else:
        return None  # a bare number ("1 in 4") is not a figure
    number, scale = match.group("num"), (match.group("scale") or "").casefold()
    factor = _SCALE.get(scale, 1.0)
    value = float(number.replace(",", "")) * factor
    return kind, value, _precision(number, factor)


def _precision(number: str, factor: float) -> int:
    """The power of ten a written number is exact to: its last decimal, or the last digit
    that is not a trailing zero ("23,000" to the thousand), at the scale it is written in.
    A round number with one significant digit is read to two ("$500,000" to the ten
    thousand), so it is not the same figure as every number within half its size."""
    digits = number.replace(",", "")
    if "." in digits:
        return -len(digits.split(".")[1]) + _log10(factor)
    stripped = digits.lstrip("0").rstrip("0")
    places = len(digits.lstrip("0")) - len(stripped) if stripped else 0
    if len(stripped) == 1 and (places or factor > 1):
        places -= 1
    return places + _log10(factor)


def _log10(factor: float) -> int:
    return len(str(int(factor))) - 1


def _same(a: Figure, b: Figure) -> bool:
    """Same kind, and equal once both are rounded as the less precise one is written."""
    if a[0] != b[0]:
        return False
    places = max(a[2], b[2])
    return _round(a[1], places) == _round(b[1], places)


def _round(value: float, places: int) -> float:
    return round(round(value / 10 ** places) * 10.0 ** places, 6)
