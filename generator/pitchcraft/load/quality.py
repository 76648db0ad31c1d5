"""Checks that catch weak published cards: text a buyer should never hear as it stands.

- placeholder text from the `new card` scaffold (error): the sentences come from the packaged
  template itself, so a changed scaffold is checked without a second list to keep in step;
- a differentiation line too short to say how (warning);
- a figure in Rational drowning or Cost of doing nothing that none of the card's evidence
  figures or claims holds (warning): every number a rep says needs a source;
- a rep-only note with no indented text (error): its text would reach the buyer;
- a rep-only note written other than as `!!! rep` or `??? rep` (error): a class on a paragraph,
  raw HTML or a `///` block cannot be cut from the text a deck or `pitchcraft pitch` says, so
  the buyer's text of the whole section would fall back to plain paragraphs.

Lines come from the body's one parse: each finding points at the line of the offending text.
What may be said before Our solution (no offering, differentiator or our own result) is the
rule of `choreography`, which reads the same spoken lines (`spoken_blocks`) and figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import COST_OF_INACTION, Evidence, Finding, Severity, Taxonomy
from ..theme_files import templates_dir
from .cards import ParsedCard
from .markdown_tree import top_headings
from .rep_notes import notes_in, uncut_note_line

MIN_HOW_WORDS = 6
"""A differentiation line shorter than this names a factor without saying how it holds."""
FIGURE_SECTIONS = ("Rational drowning", COST_OF_INACTION)
SCAFFOLD = "new_card.md.j2"

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
          "billion": 1e9}
_UNITS = (r"%|percent|per cent|percentage points?|pp|kwh|mwh|gwh|twh|kw|mw|kva|kvar|kvarh|"
          r"hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|shifts?|"
          r"tonnes?|tons?|tco2e?|kg|°c|bar|m3|m³|litres?|liters?|mph|hz|x")
_CURRENCY = r"(?:[$€£¥]|usd|eur|gbp)"
_SCALE_WORDS = r"(?:thousand|million|billion|mn|bn|k|m)\b"
_FIGURE = re.compile(
    r"(?=[\d.$€£¥ueg])"  # the first characters of a currency or a number: skips the rest fast
    rf"(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE_WORDS}))?"
    rf"(?:[\s-]?(?P<unit>(?:{_UNITS})(?![\w])))?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ANY_NUMBER = re.compile(rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE_WORDS}))?", re.IGNORECASE)


@dataclass(frozen=True)
class _Text:
    line: int
    """File line of the block's first line."""
    section: str
    text: str


def check_quality(
    parsed: ParsedCard, taxonomy: Taxonomy | None, ledger: dict[str, Evidence] | None,
    today: dt.date,
) -> list[Finding]:
    """The weak-card findings of one published card (drafts may still be unfinished)."""
    card = parsed.card
    if not card.published or parsed.tree is None:
        return []
    blocks = list(_blocks(parsed))
    found = notes_in(parsed.tree)
    findings = _placeholders(parsed, blocks) + [
        Finding(card.path, parsed.body_line + note.line, 1, Severity.ERROR,
                "rep-only note has no indented text",
                "indent the note's text by 4 spaces under '!!! rep', or the buyer sees it")
        for note in found if not note.text]
    uncut = uncut_note_line("\n".join(parsed.tree.lines))
    if uncut is not None:
        findings.append(Finding(
            card.path, parsed.body_line + uncut, 1, Severity.ERROR,
            "rep-only note is not an admonition: its section cannot be cut for the buyer",
            "write rep-only notes as `!!! rep` or `??? rep` admonitions, the text indented by 4 "
            "spaces, so they can be kept from the buyer's slides and text"))
    if "differentiation" not in parsed.reported:
        findings += _short_differentiation(parsed)
    if _evidence_sound(parsed, ledger, today):
        findings += _unsourced_figures(parsed, _spoken(parsed, blocks, found), ledger or {})
    return findings


def spoken_blocks(parsed: ParsedCard) -> list[_Text]:
    """Each line of the body a rep says, with its section: rep-only notes left out."""
    assert parsed.tree is not None
    return _spoken(parsed, list(_blocks(parsed)), notes_in(parsed.tree))


def _spoken(parsed: ParsedCard, blocks: list[_Text], found: list) -> list[_Text]:
    notes = frozenset(parsed.body_line + n for note in found for n in range(note.line, note.end))
    return [b for b in blocks if b.line not in notes]


def said_figures(text: str) -> Iterator[re.Match[str]]:
    """Each figure in `text`: a number with a currency, a percent or a unit ("1 in 4" and
    "three rounds" are not figures)."""
    if not _DIGIT.search(text):
        return  # every figure has a digit
    for match in _FIGURE.finditer(text):
        if match.group("cur") or match.group("unit"):
            yield match


def sourced(match: re.Match[str], numbers: tuple[float, ...]) -> bool:
    """Whether a figure found by `said_figures` is one of `numbers` as the text rounds it."""
    return _matches(match.group("num"), match.group("scale"), numbers)


def evidence_numbers(evidence: tuple[Evidence, ...], ledger: dict[str, Evidence],
                     claims: bool = True) -> tuple[float, ...]:
    """The numbers evidence gives: each item's figure and (with `claims`) its claim; a
    ledger reference gives its entry's."""
    numbers: list[float] = []
    for item in evidence:
        source = item if item.figure or item.id not in ledger else ledger[item.id]
        numbers += _numbers_in(f"{source.figure} {source.claim}" if claims else source.figure)
    return tuple(numbers)


@cache
def placeholder_sentences() -> tuple[str, ...]:
    """The scaffold's example sentences, read from the packaged `new card` template."""
    source = (templates_dir() / SCAFFOLD).read_text(encoding="utf-8")
    _, front, body = source.split("---\n", 2)
    found = [m.group(1) for m in re.finditer(r'^\w+: "([^"{}]+)"$', front, re.MULTILINE)]
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("## ") or "{{" in line or "{%" in line:
            continue
        found.append(re.sub(r"^(?:###\s+|[-*]\s+)", "", line))
    return tuple(dict.fromkeys(_normal(s) for s in found if len(s.split()) >= 4))


def _normal(text: str) -> str:
    return " ".join(text.replace("`", "").split()).casefold()


def _any_in(sentences: tuple[str, ...], text: str) -> bool:
    """Whether any sentence is in `text`. Normalising the blocks joined by spaces gives each
    block's normal form as a substring, so a body without a hit has no block with one."""
    return any(s in text for s in sentences)


def _blocks(parsed: ParsedCard) -> Iterator[_Text]:
    """Each line of text in the body (paragraphs, list items, headings), with its section.

    A text belongs to the section of the last `##` heading above it; `###` headings are
    variants, objections or sub-headings inside that section.
    """
    assert parsed.tree is not None
    tree, first = parsed.tree, parsed.body_line
    starts = {first + rel: title for rel, (level, title) in top_headings(tree).items()
              if level == 2}
    by_line = {s.line: s.name for s in parsed.card.sections.values()}
    section = ""
    for token in tree.tokens:
        if not token.map:
            continue
        line = first + token.map[0]
        if line in starts:
            section = by_line.get(line, "")
        if token.type == "inline":  # code and raw HTML are not said to the buyer
            for offset, text in enumerate(token.content.split("\n")):
                yield _Text(line + offset, section, text)


def _placeholders(parsed: ParsedCard, blocks: list[_Text]) -> list[Finding]:
    card, sentences = parsed.card, placeholder_sentences()
    hint = "replace the example text from `pitchcraft new card` with the card's own words"
    findings = []
    if _normal(card.summary) in sentences:
        findings.append(Finding(card.path, card.lines.get("summary", 1), 1, Severity.ERROR,
                                "summary is the scaffold's example text", hint))
    if not _any_in(sentences, _normal(" ".join(b.text for b in blocks))):
        return findings  # one scan of the whole body clears almost every card
    for block in blocks:
        said = _normal(block.text)
        hit = next((s for s in sentences if s in said), None)
        if hit:
            findings.append(Finding(card.path, block.line, 1, Severity.ERROR,
                                    f"placeholder text from the scaffold: '{block.text.strip()}'",
                                    hint))
    return findings


def _short_differentiation(parsed: ParsedCard) -> list[Finding]:
    card, positions = parsed.card, parsed.positions
    findings = []
    for factor, line in card.differentiation.items():
        words = len(line.split())
        if words >= MIN_HOW_WORDS:
            continue
        at = positions.at(("differentiation", factor)) if positions else (
            card.lines.get("differentiation", 1), 1)
        findings.append(Finding(
            card.path, at[0], at[1], Severity.WARNING,
            f"differentiation '{factor}' is {words} word{'s' * (words != 1)}: too short to"
            " say how", f"say in at least {MIN_HOW_WORDS} words how the buyer sees the"
            f" difference in {factor}"))
    return findings


def _unsourced_figures(
    parsed: ParsedCard, blocks: list[_Text], ledger: dict[str, Evidence]
) -> list[Finding]:
    card = parsed.card
    numbers = evidence_numbers(card.evidence, ledger)
    findings = []
    for block in blocks:
        if block.section not in FIGURE_SECTIONS:
            continue
        for match in said_figures(block.text):
            if not sourced(match, numbers):
                findings.append(Finding(
                    card.path, block.line, match.start() + 1, Severity.WARNING,
                    f"figure '{match.group(0).strip()}' in '## {block.section}' matches none"
                    " of the card's evidence",
                    "add the figure to 'evidence:' with its source, or say the number that"
                    " is sourced"))
    return findings


def _evidence_sound(
    parsed: ParsedCard, ledger: dict[str, Evidence] | None, today: dt.date
) -> bool:
    """Evidence already reported (missing, unknown or dated in the future) would make every
    figure a knock-on finding: one problem, one finding."""
    card = parsed.card
    if "evidence" in parsed.reported or ledger is None or not card.evidence:
        return False
    items = [item if item.figure else ledger.get(item.id) for item in card.evidence]
    return all(item is not None and not (item.as_of and item.as_of > today) for item in items)


@lru_cache(maxsize=4096)
def _numbers_in(text: str) -> tuple[float, ...]:
    """Cached: cards cite the same ledger entries over and over."""
    return tuple(_value(m.group("num"), m.group("scale")) for m in _ANY_NUMBER.finditer(text))


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get((scale or "").casefold(), 1.0)


def _matches(number: str, scale: str | None, sourced: tuple[float, ...]) -> bool:
    """Equal to a sourced number as the text rounds it ("38%" is sourced by "38.4%", "$1.2
    million" by "$1,200,000")."""
    factor = _SCALE.get((scale or "").casefold(), 1.0)
    said = float(number.replace(",", ""))
    decimals = len(number.split(".")[1]) if "." in number else 0
    return round(said, decimals) in _rounded(sourced, factor, decimals)


@lru_cache(maxsize=1024)
def _rounded(sourced: tuple[float, ...], factor: float, decimals: int) -> frozenset[float]:
    """The sourced numbers as a text at this scale and precision would say them, once per
    card and precision instead of once per figure."""
    return frozenset(round(value / factor, decimals) for value in sourced)
