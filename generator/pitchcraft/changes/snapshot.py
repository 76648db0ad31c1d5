"""The pitch model at one revision, reduced to what a reader compares: each pitch's spoken
text and evidence, each published card's sections, figures and verdicts against each
alternative, the alternatives (battlecards) and the ledger.

Pure data: built from loaded `Content`, no git and no files, so the diff is a function of two
snapshots. Provenance that a newer pitch model may carry on `Part` (which card and which
persona variant made a step) is read with getattr, so this works with or without it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Alternative, Card, Content, Evidence, FactorVerdict, Finding
from ..pitch import CardIndex, Part, Pitch, compose_pitch, covered_combinations

PitchKey = tuple[str, str, str]
"""(industry, problem, persona) ids."""


@dataclass(frozen=True)
class Figure:
    """One evidence row; the field names match `model.Evidence`, so the evidence table
    template renders either."""

    id: str
    figure: str
    claim: str
    source: str
    as_of: dt.date | None
    kind: str
    url: str
    audience: str


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    text: str
    tailored: bool = False
    provenance: str = field(default="", compare=False)
    """Which card or persona variant made the step, when the pitch model says so."""


@dataclass(frozen=True)
class PitchState:
    key: PitchKey
    names: tuple[str, str, str]
    card: str
    card_title: str
    steps: tuple[Step, ...]
    evidence: tuple[Figure, ...]

    @property
    def label(self) -> str:
        return " x ".join(self.names)

    @property
    def figure_ids(self) -> frozenset[str]:
        return frozenset(f.id for f in self.evidence if f.id)


@dataclass(frozen=True)
class CardState:
    id: str
    title: str
    audience: str
    path: str
    sections: tuple[tuple[str, str], ...]
    """(name, text) with persona variants as `name (for persona)` entries."""
    evidence: tuple[Figure, ...]
    industries: tuple[str, ...] = ()
    """Industry ids, or ("all",)."""
    personas: tuple[str, ...] = ()
    against: tuple[tuple[str, str, str], ...] = ()
    """(alternative id, factor, verdict with its reason and proof), per `against:` entry."""


@dataclass(frozen=True)
class AlternativeState:
    """An alternative of the taxonomy as its battlecard shows it: each field as text."""

    id: str
    name: str
    fields: tuple[tuple[str, str], ...]
    """(field name, text); lists are one text, an item a line."""
    problems: tuple[str, ...] = ()
    stale: str = field(default="", compare=False)
    """When its review was due, if that is before the snapshot's day."""


@dataclass(frozen=True)
class Snapshot:
    pitches: dict[PitchKey, PitchState]
    cards: dict[str, CardState]
    ledger: dict[str, Figure]
    findings: tuple[Finding, ...]
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) -> display name, for industries and personas in feeds."""
    alternatives: dict[str, AlternativeState] = field(default_factory=dict)


def figure(e: Evidence) -> Figure:
    return Figure(e.id, e.figure, e.claim, e.source, e.as_of, e.kind, e.url, str(e.audience))


def _step(part: Part) -> Step:
    made_by = [str(v) for v in (getattr(part, "card", None), getattr(part, "variant", None))
               if v]
    return Step(part.key, part.title, part.text, part.tailored, " / ".join(made_by))


def _pitch(p: Pitch) -> PitchState:
    return PitchState(
        (p.industry.id, p.problem.id, p.persona.id),
        (p.industry.name, p.problem.name, p.persona.name),
        p.card.id, p.card.title,
        tuple(_step(part) for part in p.talk_track),
        tuple(figure(e) for e in p.evidence),
    )


def _card(card: Card) -> CardState:
    sections: list[tuple[str, str]] = []
    for name, section in card.sections.items():
        sections.append((name, section.text))
        sections += [(f"{name} (for {persona})", text)
                     for persona, text in sorted(section.variants.items())]
    sections += [(f"Objection: {o.objection}", o.answer) for o in card.objections]
    against = tuple((a.alternative, v.factor, _verdict(v)) for a in card.against
                    for v in a.factors)
    return CardState(card.id, card.title, str(card.audience), card.path, tuple(sections),
                     tuple(figure(e) for e in card.evidence), card.industries, card.personas,
                     against)


def _verdict(v: FactorVerdict) -> str:
    proof = v.proof
    said = f"{v.verdict}: {v.reason}"
    return said + (f" [{proof.id or proof.figure}: {proof.figure}, {proof.claim}]" if proof
                   else "")


def _alternative(a: Alternative, interval: int, today: dt.date) -> AlternativeState:
    fields = (
        ("name", a.name), ("kind", str(a.kind)), ("description", a.description),
        ("chosen when", a.chosen_when), ("problems", ", ".join(a.problems)),
        ("owner", a.owner), ("reviewed", str(a.reviewed or "")),
        ("traps", "\n".join(f"{t.question} / {t.listen_for}" for t in a.traps)),
        ("objections", "\n".join(f"{o.objection} / {o.answer}" for o in a.objections)),
        ("where we lose", a.where_we_lose), ("concede", a.concede),
        ("landmines", "\n".join(a.landmines)),
    )
    due = a.review_due(interval)
    return AlternativeState(a.id, a.name, fields, a.problems,
                            str(due) if a.is_stale(interval, today) else "")


def snapshot(content: Content, today: dt.date) -> Snapshot:
    """Every pitch the content composes and every published card, with the content's
    findings (content with errors still gives what loaded, so the diff shows its effect)."""
    findings = tuple(f for f in content.findings if f.is_error)
    ledger = {i: figure(e) for i, e in content.ledger.items()}
    taxonomy = content.taxonomy
    if taxonomy is None:
        return Snapshot({}, {}, ledger, findings)
    index = CardIndex(content.cards)
    pitches = {}
    for combination in covered_combinations(content):
        composed = compose_pitch(content, combination, today, index)
        if composed is not None:
            state = _pitch(composed)
            pitches[state.key] = state
    cards = {c.id: _card(c) for c in content.published_cards}
    names = {("industry", i.id): i.name for i in taxonomy.industries}
    names |= {("persona", p.id): p.name for p in taxonomy.personas}
    alternatives = {a.id: _alternative(a, taxonomy.review_interval_days, today)
                    for a in taxonomy.alternatives}
    return Snapshot(pitches, cards, ledger, findings, names, alternatives)
