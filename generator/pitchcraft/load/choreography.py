"""Nothing before Our solution sells: the rule `check` enforces on a published card (error).

Why, in the method's terms: commercial teaching earns the right to sell by teaching first. The
Warmer, Reframe, Rational drowning, Emotional impact, Cost of doing nothing and A new way
teach the buyer something about their own business, backed by research they can check, and
lead to the vendor's strength without naming it; Our solution is the first moment the vendor
appears. A product, differentiator or company name earlier, or a figure only our own
customers' results (or our internal numbers) give, turns the teaching into a sales pitch: the
buyer discounts the insight as the vendor's opinion, and A new way no longer stands on its
own merit. The card's title and summary are read first (lists, the phone summary), so they
are held to the same rule.

Two checks, each an error at the file line of the text:
- a name from the taxonomy (`company.offerings`, `company.differentiators`, the company's own
  name) as whole words, in any case;
- a figure (as the weak-card checks find and match figures: `quality.said_figures`,
  `quality.sourced`) equal to the figure of an `our-results` or `internal` evidence item of
  the card, and given by none of its `research` items. An item that does not say whose it is
  counts as our results in a pitch, but its figures are not errors here: its own warning
  ("does not say whose") is the one finding, and saying whose settles both.
- an alternative's name (the taxonomy's `alternatives:`), as whole words in any case, in
  any text a buyer reads: before Our solution as above, and in Our solution and the Proposal
  too, since alternatives are internal (`model.outputs`). A trap makes the alternative's
  weakness visible without naming it; the rep's battlecard names it, never the card's text.
Rep-only notes are not said, so they are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import (
    BEFORE_SOLUTION,
    PROPOSAL,
    TEACHING,
    Evidence,
    Finding,
    Severity,
    Taxonomy,
    Whose,
)
from .cards import ParsedCard
from .quality import evidence_numbers, said_figures, sourced, spoken_blocks

NAME_HINT = ("teach the problem and the new way without naming the vendor; name the offering"
             " in '## Our solution'")
ALTERNATIVE_HINT = ("alternatives are internal: make the alternative's weakness visible without"
                    " naming it (its traps are questions that do), and keep its name for the"
                    " rep's battlecard")
FIGURE_HINT = ("before Our solution quote research only (evidence with 'whose: research'),"
               " or move the figure to '## Our solution', where our customers' results prove"
               " the solution")


def check_choreography(
    parsed: ParsedCard, taxonomy: Taxonomy | None, ledger: dict[str, Evidence] | None,
) -> list[Finding]:
    """The errors of one published card: names and our own figures said too early."""
    card = parsed.card
    if not card.published or parsed.tree is None:
        return []
    said = [(line, f"the {field}", text, _column(parsed, line, text))
            for field in ("title", "summary")
            if (text := getattr(card, field)) and (line := card.lines.get(field, 0))]
    blocks = spoken_blocks(parsed)
    later = [(b.line, f"'## {b.section}'", b.text, 1) for b in blocks
             if b.section in (*TEACHING, PROPOSAL) and b.section not in BEFORE_SOLUTION]
    said += [(b.line, f"'## {b.section}'", b.text, 1)
             for b in blocks if b.section in BEFORE_SOLUTION]
    findings = []
    if taxonomy is not None:
        findings += _names(card.path, said, taxonomy)
        headlines = [(parsed.positions.at(("headlines", key))[0], f"the {key} headline", text,
                      parsed.positions.at(("headlines", key))[1])
                     for key, text in card.headlines.items()]
        findings += _alternatives(card.path, said, later + headlines, taxonomy)
    findings += _our_figures(card.path, said, card.evidence, ledger or {})
    return findings


def _column(parsed: ParsedCard, line: int, text: str) -> int:
    """Where a front-matter value starts on its line, so a column inside it is the file's."""
    source = parsed.source_lines[line - 1] if 0 < line <= len(parsed.source_lines) else ""
    at = source.find(text[:20])
    return at + 1 if at >= 0 else 1


Said = tuple[int, str, str, int]
"""(file line, where in words, the text, the file column its first character is at)."""


def _names(path: str, said: list[Said], taxonomy: Taxonomy) -> list[Finding]:
    company = taxonomy.company
    names = tuple(dict.fromkeys(n.strip() for n in (
        company.name, *(i.name for i in (*company.offerings, *company.differentiators)))
        if n.strip()))
    return [Finding(path, line, col, Severity.ERROR,
                    f"'{name}' named in {where}, before Our solution", NAME_HINT)
            for line, col, where, name in _named(said, names)]


def _alternatives(path: str, said: list[Said], later: list[Said],
                  taxonomy: Taxonomy) -> list[Finding]:
    names = tuple(dict.fromkeys(a.name.strip() for a in taxonomy.alternatives
                                if a.name.strip()))
    if not names:
        return []
    before = [Finding(path, line, col, Severity.ERROR,
                      f"alternative '{name}' named in {where}, before Our solution",
                      ALTERNATIVE_HINT) for line, col, where, name in _named(said, names)]
    after = [Finding(path, line, col, Severity.ERROR,
                     f"alternative '{name}' named in {where}, which buyers read"
                     if "headline" not in where else
                     f"alternative '{name}' named in {where}, a slide title buyers read",
                     ALTERNATIVE_HINT) for line, col, where, name in _named(later, names)]
    return sorted(before + after)


def _named(said: list[Said], names: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    """(line, column, where, name) of each name said, the longest of overlapping names."""
    any_name, patterns = name_patterns(names)
    findings = []
    for line, where, text, col in said:
        if not any_name.search(text):
            continue
        hits = sorted(((hit.start(), hit.end(), name) for name, pattern in patterns
                       for hit in pattern.finditer(text)), key=lambda h: h[0] - h[1])
        taken: list[tuple[int, int]] = []
        for start, end, name in hits:  # longest first: "Gridlark Loadbook", not "Gridlark" too
            if any(s <= start and end <= e for s, e in taken):
                continue
            taken.append((start, end))
            findings.append((line, col + start, where, name))
    return sorted(findings)


@lru_cache(maxsize=16)
def name_patterns(
    names: tuple[str, ...]
) -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """One alternation that finds whether a text names anything, then one pattern per name.

    The alternation clears the texts that name nothing in one scan; a text that names
    something is searched per name, so of overlapping names ("Gridlark", "Gridlark Loadbook")
    the longest is found. Whole words in any case: "loadbook" in a hurried sentence is still the
    product (a one-word name that is also an ordinary word is found as that word too).
    """
    def bounded(body: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    any_name = bounded("|".join(map(re.escape, names))) if names else re.compile(r"(?!)")
    return any_name, tuple((n, bounded(re.escape(n))) for n in names)


def _our_figures(path: str, said: list[Said], evidence: tuple[Evidence, ...],
                 ledger: dict[str, Evidence]) -> list[Finding]:
    research = tuple(_whose(evidence, ledger, {Whose.RESEARCH}))
    ours = tuple(_whose(evidence, ledger, {Whose.OUR_RESULTS, Whose.INTERNAL}))
    if not ours:
        return []
    # Our items give the figure they headline; research gives any number it states, so a
    # figure research also holds is never an error.
    our_numbers = evidence_numbers(ours, ledger, claims=False)
    research_numbers = evidence_numbers(research, ledger)
    findings = []
    for line, where, text, col in said:
        for match in said_figures(text):
            if sourced(match, our_numbers) and not sourced(match, research_numbers):
                findings.append(Finding(
                    path, line, col + match.start(), Severity.ERROR,
                    f"figure '{match.group(0).strip()}' in {where} is one of our own results"
                    " (our-results or internal evidence), said before Our solution",
                    FIGURE_HINT))
    return findings


def _whose(evidence: tuple[Evidence, ...], ledger: dict[str, Evidence],
           kinds: set[Whose]) -> Iterator[Evidence]:
    """The card's items of these kinds, a ledger reference read as its entry."""
    for item in evidence:
        source = item if item.figure else ledger.get(item.id)
        if source is not None and source.whose_given and source.whose in kinds:
            yield source
