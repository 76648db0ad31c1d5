"""How much the pitches of a content folder differ between the buyers who hear them.

    python -m bench.pitch_variety [CONTENT] [--design] [--table] [--commit REF] [--json LABEL]

Composes every pitch the internal site shows (the same `build_site` the MkDocs plugin and
`pitchcraft build` use) and prints: how many pitches; how many distinct reframes; for each
industry x problem, how many persona pairs hear different text and in which steps; how many
pitches use a card with text written for their persona; how many end with the persona's
generic next step; how many distinct cards and stories each industry hears.

`--design` previews the tailoring rules of issue 16 on an engine that does not apply them yet:
cards are ranked by fit (variant for this persona > fewer problems > written for this industry >
fresh > evidence > reviewed > id) and each step takes the variant for the persona in the
industry > the persona > the industry > the general text. Without it the script measures what
the installed engine composes. Fields that may not exist yet are read with getattr, so the
script runs before and after the engine learns the new spelling.

Issue 31's three numbers, against the buyer's alternatives (`alternatives`): published cards
the engine scores 5 of 5 with no alternative named (as the card stands, and from its text
alone with its `against:` removed); buyer x alternative pairs (each buyer with a pitch, times
each alternative the taxonomy says is chosen for its problem) with a serving card meaningfully
different against the alternative; and pitches composed `against=` it whose discovery
questions, as `pitchcraft pitch --against` prints them, hold one of its traps. An engine from
before alternatives has none (0 pairs) and scores the text (`differentiation:`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from pitchcraft.load import load_content
from pitchcraft.model import FACTORS, STEPS, Card, Content
from pitchcraft.pitch import Combination, Pitch, compose_pitch, scorecard, serving_cards
from pitchcraft.site.pages import SiteOptions, build_site

COMPARED = (*STEPS, "Cost of doing nothing", "Next step")
"""The parts a buyer hears, in the order a rep says them."""


@dataclass(frozen=True)
class Heard:
    """One pitch reduced to what the measurement needs."""

    industry: str
    problem: str
    persona: str
    card: Card
    parts: dict[str, str]
    """Step title -> the text this buyer hears."""
    generic_next_step: bool


def variant_target(key: Any, personas: set[str]) -> tuple[str | None, str | None]:
    """(persona, industry) a variant is written for, whatever shape the engine keys it by."""
    if isinstance(key, tuple) and len(key) == 2:
        return key[0] or None, key[1] or None
    if not isinstance(key, str):
        return getattr(key, "persona", None) or None, getattr(key, "industry", None) or None
    persona, sep, industry = key.partition(" in ")
    if sep:
        return persona.strip(), industry.strip()
    return (key, None) if key in personas else (None, key)


def variants_of(section: Any) -> dict[Any, str]:
    return dict(getattr(section, "variants", {}) or {})


def written_for(card: Card, persona: str, industry: str, personas: set[str]) -> bool:
    """The card has a variant for this persona (in any industry or this one) in any step."""
    for section in card.sections.values():
        for key in variants_of(section):
            who, where = variant_target(key, personas)
            if who == persona and where in (None, industry):
                return True
    return False


def resolve(section: Any, persona: str, industry: str, personas: set[str]) -> str:
    """Issue 16's precedence: persona in industry > persona > industry > general text."""
    best: tuple[int, str] = (0, getattr(section, "text", "") or "")
    for key, text in variants_of(section).items():
        who, where = variant_target(key, personas)
        rank = (3 if who == persona and where == industry else
                2 if who == persona and where is None else
                1 if who is None and where == industry else 0)
        if rank > best[0]:
            best = (rank, text)
    return best[1]


def engine_pitches(content: Content, today: dt.date) -> list[Pitch]:
    site = build_site(content, SiteOptions(), today)
    return [p for group in site.pitches.values() for p in group]


def from_engine(pitch: Pitch) -> Heard:
    parts = {p.title: p.text for p in getattr(pitch, "talk_track", pitch.steps)}
    next_text = parts.get("Next step", "").strip()
    return Heard(pitch.industry.id, pitch.problem.id, pitch.persona.id, pitch.card, parts,
                 not next_text or next_text == pitch.persona.next_step.strip())


def by_design(content: Content, pitch: Pitch, today: dt.date) -> Heard:
    """The same buyer as the engine's pitch, with issue 16's ranking and variant rules."""
    assert content.taxonomy is not None
    personas = {p.id for p in content.taxonomy.personas}
    industry, problem, persona = pitch.industry.id, pitch.problem.id, pitch.persona.id
    interval = content.taxonomy.review_interval_days

    def key(card: Card) -> tuple:
        due = card.review_due(interval)
        return (not written_for(card, persona, industry, personas), len(card.problems),
                card.all_industries, due is not None and due < today, -len(card.evidence),
                -(card.reviewed or dt.date.min).toordinal(), card.id)

    fitting = [c for c in content.published_cards if c.fits_industry(industry)
               and problem in c.problems and persona in c.personas]
    card = min(fitting, key=key)
    engine = {p.title: p.text for p in getattr(pitch, "talk_track", pitch.steps)}
    parts = {}
    for title in COMPARED:
        section = card.sections.get(title)
        parts[title] = resolve(section, persona, industry, personas) if section else ""
    if not parts["Warmer"]:
        parts["Warmer"] = engine.get("Warmer", "")  # the engine's default warmer
    generic = not parts["Next step"].strip()
    if generic:
        parts["Next step"] = pitch.persona.next_step
    return Heard(industry, problem, persona, card, parts, generic)


def summary(heard: list[Heard], personas: set[str]) -> dict[str, Any]:
    """The numbers RESULTS.md shows (bench/pitch_variety.json)."""
    groups: dict[tuple[str, str], list[Heard]] = defaultdict(list)
    for h in heard:
        groups[(h.industry, h.problem)].append(h)
    pairs = [pair for group in groups.values() for pair in itertools.combinations(group, 2)]
    return {
        "pitches": len(heard),
        "distinct_reframes": len({h.parts.get("Reframe", "") for h in heard}),
        "distinct_stories": len({h.parts.get("Emotional impact", "") for h in heard}),
        "distinct_next_steps": len({h.parts.get("Next step", "") for h in heard}),
        "own_text": sum(written_for(h.card, h.persona, h.industry, personas) for h in heard),
        "generic_next_step": sum(h.generic_next_step for h in heard),
        "pairs": len(pairs),
        "pairs_differ": sum(any(a.parts.get(t, "") != b.parts.get(t, "") for t in COMPARED)
                            for a, b in pairs),
        "pairs_share_card": sum(a.card.id == b.card.id for a, b in pairs),
        "pairs_identical_per_step": {t: sum(a.parts.get(t, "") == b.parts.get(t, "")
                                           for a, b in pairs) for t in COMPARED},
    }


def unnamed_score(card: Card, content: Content) -> int | None:
    """Factors the installed engine counts for the card when no alternative is named; None
    when the count it gives is against an alternative the card names (that is not 5 of 5
    against nothing). An engine without alternatives counts `differentiation:` text."""
    if "taxonomy" not in inspect.signature(scorecard).parameters:
        return sum(f.holds for f in scorecard(card))  # type: ignore[call-arg, union-attr]
    matrix = scorecard(card, content.taxonomy)
    judged = matrix.judged
    return None if judged is not None and judged.addressed else matrix.shown


def traps_said(pitch: Pitch) -> bool:
    """One of the alternative's traps is among the discovery questions of the rep's pitch as
    `pitchcraft pitch --against` prints it."""
    from pitchcraft.cli.common import render_template
    from pitchcraft.render.buyer_pitch import proposal
    from pitchcraft.render.terminal_text import plain

    text = render_template(None, "pitch.txt.j2", pitch=pitch, proposal=proposal(pitch))
    lines = text.partition("\nDISCOVERY QUESTIONS\n")[2].splitlines()
    end = next((i for i, line in enumerate(lines)  # the next heading, in capitals
                if line[:1].isalpha() and line == line.upper() != line.lower()), len(lines))
    said = " ".join(" ".join(lines[:end]).split())
    return any(" ".join(plain(t.question).split()) in said for t in pitch.against.traps)


def alternatives(content: Content, pitches: list[Pitch], today: dt.date) -> dict[str, Any]:
    """Issue 31's numbers (bench/pitch_variety.json): see the module's docstring."""
    assert content.taxonomy is not None
    published = content.published_cards
    as_scored = {c.id for c in published if unnamed_score(c, content) == len(FACTORS)}
    if "against" in {f.name for f in fields(Card)}:
        text_only = {c.id for c in published
                     if unnamed_score(replace(c, against=()), content) == len(FACTORS)}
    else:
        text_only = as_scored
    buyers = dict.fromkeys(Combination(p.industry.id, p.problem.id, p.persona.id)
                           for p in pitches)
    pairs = [(b, a) for b in buyers for a in getattr(content.taxonomy, "alternatives", ())
             if a.chosen_for(b.problem)]
    served = told = trapped = 0
    for buyer, alternative in pairs:
        serving = serving_cards(content, buyer, today, against=alternative)
        served += any(r.card.meaningfully_different_against(alternative.id) for r in serving)
        pitch = compose_pitch(content, buyer, today, alternatives=0, against=alternative.id)
        told += bool(pitch and pitch.meaningfully_different)
        trapped += bool(pitch and traps_said(pitch))
    return {"cards": len(published),
            "five_of_five_no_alternative": len(as_scored | text_only),
            "five_of_five_as_scored": len(as_scored), "five_of_five_text_only": len(text_only),
            "buyers": len(buyers), "alternative_pairs": len(pairs),
            "pairs_meaningfully_different": served, "pairs_pitch_meaningfully_different": told,
            "pitches_with_trap": trapped}


def alternatives_report(found: dict[str, Any]) -> list[str]:
    pairs = found["alternative_pairs"]
    return [
        f"published cards scoring {len(FACTORS)} of {len(FACTORS)} with no alternative named:"
        f" {found['five_of_five_no_alternative']} of {found['cards']}"
        f" (as scored {found['five_of_five_as_scored']},"
        f" from text alone {found['five_of_five_text_only']})",
        f"buyer x alternative pairs: {pairs} ({found['buyers']} buyers);"
        f" with a serving card meaningfully different against the alternative:"
        f" {found['pairs_meaningfully_different']}; whose pitch against it is told by one:"
        f" {found['pairs_pitch_meaningfully_different']}",
        f"pitches against an alternative whose discovery questions include a trap:"
        f" {found['pitches_with_trap']} of {pairs}"]


def report(heard: list[Heard], personas: set[str], table: bool) -> list[str]:
    out = [f"pitches: {len(heard)}",
           f"distinct reframes: {len({h.parts.get('Reframe', '') for h in heard})}",
           f"distinct stories (Emotional impact): "
           f"{len({h.parts.get('Emotional impact', '') for h in heard})}",
           f"distinct next steps: {len({h.parts.get('Next step', '') for h in heard})}"]
    own = sum(written_for(h.card, h.persona, h.industry, personas) for h in heard)
    out.append(f"pitches whose card has text written for their persona: {own} of {len(heard)}")
    generic = sum(h.generic_next_step for h in heard)
    out.append(f"pitches ending with the persona's generic next step: {generic} of {len(heard)}")

    groups: dict[tuple[str, str], list[Heard]] = defaultdict(list)
    for h in heard:
        groups[(h.industry, h.problem)].append(h)
    total_pairs = differing = shared_card = 0
    same_per_step: dict[str, int] = dict.fromkeys(COMPARED, 0)
    lines = []
    for (industry, problem), group in groups.items():
        pairs = list(itertools.combinations(group, 2))
        if not pairs:
            lines.append(f"  {industry} x {problem}: 1 persona, no pairs")
            continue
        same = {t: sum(a.parts.get(t, "") == b.parts.get(t, "") for a, b in pairs)
                for t in COMPARED}
        differ = sum(any(a.parts.get(t, "") != b.parts.get(t, "") for t in COMPARED)
                     for a, b in pairs)
        one_card = sum(a.card.id == b.card.id for a, b in pairs)
        total_pairs, differing, shared_card = (total_pairs + len(pairs), differing + differ,
                                               shared_card + one_card)
        for t in COMPARED:
            same_per_step[t] += same[t]
        steps = ", ".join(f"{t} {n}" for t, n in same.items() if n)
        lines.append(f"  {industry} x {problem}: {len(pairs)} pairs, {differ} differ"
                     f" in some step, {one_card} share a card; identical in: {steps or 'none'}")
    out.append(f"persona pairs in the same industry x problem: {total_pairs}; "
               f"{differing} hear different text somewhere; {shared_card} share a card")
    out.append("pairs identical per step: "
               + ", ".join(f"{t} {n}" for t, n in same_per_step.items()))
    out.append("per industry x problem:")
    out += lines

    out.append("cards and stories per industry:")
    industries: dict[str, list[Heard]] = defaultdict(list)
    for h in heard:
        industries[h.industry].append(h)
    for industry, group in industries.items():
        cards = sorted({h.card.id for h in group})
        stories = {h.parts.get("Emotional impact", "") for h in group}
        out.append(f"  {industry}: {len(group)} pitches, {len(cards)} cards,"
                   f" {len(stories)} stories: {', '.join(cards)}")
    if table:
        out.append("who hears which card (industry / problem / persona: card [own text]):")
        out += [f"  {h.industry} / {h.problem} / {h.persona}: {h.card.id}"
                f"{' [own]' if written_for(h.card, h.persona, h.industry, personas) else ''}"
                f"{' [generic next step]' if h.generic_next_step else ''}" for h in heard]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", type=Path)
    parser.add_argument("--design", action="store_true",
                        help="rank and tailor by issue 16's rules, not the installed engine's")
    parser.add_argument("--table", action="store_true", help="list the card each buyer hears")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--commit", default="",
                        help="the commit measured, recorded with --json")
    parser.add_argument("--json", metavar="LABEL",
                        help="also record the summary under LABEL in bench/pitch_variety.json")
    args = parser.parse_args()
    content = load_content(args.content, args.today)
    if content.taxonomy is None:
        raise SystemExit(f"{args.content}: no taxonomy; run `pitchcraft check {args.content}`")
    personas = {p.id for p in content.taxonomy.personas}
    pitches = engine_pitches(content, args.today)
    heard = ([by_design(content, p, args.today) for p in pitches] if args.design
             else [from_engine(p) for p in pitches])
    errors = sum(f.is_error for f in content.findings)
    mode = "issue 16 rules (preview)" if args.design else "installed engine"
    print(f"{args.content}: {mode}, {errors} content errors, as of {args.today}")
    print("\n".join(report(heard, personas, args.table)))
    found = alternatives(content, pitches, args.today)
    print("\n".join(alternatives_report(found)))
    if args.json:
        out = Path(__file__).with_name("pitch_variety.json")
        kept = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
        kept[args.json] = {"content": str(args.content), "mode": mode,
                           "today": args.today.isoformat(), "commit": args.commit,
                           **summary(heard, personas), "alternatives": found}
        out.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
