"""What an edit does downstream: two snapshots in, the pitches and cards that change out.

Pure functions over frozen data. Coverage won or lost and pitches that switch card come
first, because they change what a rep says most; then every pitch whose text or evidence
changed, grouped by the card that now makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Finding
from .alternative_diff import AlternativeChange, alternative_changes
from .snapshot import CardState, Figure, PitchKey, PitchState, Snapshot, Step

APPEARED, DISAPPEARED, SWITCHED, CHANGED = "appeared", "disappeared", "switched", "changed"
ADDED, RETIRED = "added", "retired"


@dataclass(frozen=True)
class RowChange:
    """One evidence row that differs: a ledger figure or a card's own row."""

    id: str
    """The ledger id, else the row's figure text."""
    before: Figure | None
    after: Figure | None

    @property
    def text(self) -> str:
        """The change as a reader says it: `18% → 21%`, `12 minutes (source changed)`."""
        old, new = self.before, self.after
        if old is None or new is None:
            return f"{(new or old).figure} ({'new' if old is None else 'removed'})"  # type: ignore[union-attr]
        if old.figure != new.figure:
            return f"{old.figure} → {new.figure}"
        what = [name for name, a, b in (("claim", old.claim, new.claim),
                                        ("source", old.source, new.source),
                                        ("date", old.as_of, new.as_of)) if a != b]
        return f"{new.figure} ({', '.join(what) or 'details'} changed)"

    @property
    def public(self) -> bool:
        return all(r.audience == "public" for r in (self.before, self.after) if r)


@dataclass(frozen=True)
class StepChange:
    key: str
    title: str
    before: Step | None
    after: Step | None


@dataclass(frozen=True)
class PitchChange:
    kind: str
    """appeared, disappeared, switched (another card makes it) or changed."""
    before: PitchState | None
    after: PitchState | None
    steps: tuple[StepChange, ...]
    evidence_changed: bool
    figures: tuple[str, ...]
    """Ledger figures this pitch quotes whose entry changed."""
    rows: tuple[RowChange, ...] = ()
    """The evidence rows that differ, and only those."""

    @property
    def state(self) -> PitchState:
        return self.after or self.before  # type: ignore[return-value]

    @property
    def key(self) -> PitchKey:
        return self.state.key

    @property
    def card(self) -> str:
        return self.state.card


@dataclass(frozen=True)
class FigureChange:
    id: str
    before: Figure | None
    after: Figure | None
    pitches: tuple[PitchState, ...]
    """Every pitch that quotes the figure, at either revision (as it is now, if it still is)."""

    @property
    def row(self) -> RowChange:
        return RowChange(self.id, self.before, self.after)

    def quoted_by(self) -> list[tuple[str, tuple[str, ...]]]:
        """The quoting pitches in one phrase each: (industry x problem, persona names)."""
        groups: dict[str, list[str]] = {}
        for pitch in self.pitches:
            groups.setdefault(" x ".join(pitch.names[:2]), []).append(pitch.names[2])
        return [(where, tuple(personas)) for where, personas in groups.items()]


@dataclass(frozen=True)
class CardChange:
    kind: str
    """added, retired (gone or no longer published) or changed."""
    id: str
    title: str
    audience: str
    sections: tuple[str, ...]
    figures: tuple[str, ...]
    """Evidence rows (ledger id, else figure text) that differ."""
    public_figures: tuple[str, ...] = ()
    """Those of `figures` that are public at both revisions: all a public build may name."""
    industries: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    rows: tuple[RowChange, ...] = ()
    """The evidence rows that differ (`figures` names them), with their values."""

    def concerns(self, kind: str, item_id: str) -> bool:
        """Whether the card serves an industry or persona (for the feeds)."""
        ids = self.industries if kind == "industry" else self.personas
        return item_id in ids or (kind == "industry" and ids == ("all",))


@dataclass(frozen=True)
class ModelDiff:
    pitches: tuple[PitchChange, ...]
    figures: tuple[FigureChange, ...]
    cards: tuple[CardChange, ...]
    findings_before: tuple[Finding, ...]
    findings_after: tuple[Finding, ...]
    alternatives: tuple[AlternativeChange, ...] = ()
    """Battlecards whose alternative or whose cards' verdicts changed (internal)."""
    stale: tuple[tuple[str, str, str], ...] = ()
    """(id, name, due) of every battlecard past its review at the newer revision: a review
    names them all, changed or not (not a change: `empty` ignores them)."""

    @property
    def coverage(self) -> tuple[PitchChange, ...]:
        """Appeared, disappeared and switched pitches: called out first."""
        return tuple(p for p in self.pitches if p.kind != CHANGED)

    @property
    def changed(self) -> tuple[PitchChange, ...]:
        return tuple(p for p in self.pitches if p.kind == CHANGED)

    def by_card(self) -> dict[str, list[PitchChange]]:
        """Every pitch change, grouped by the card that makes it now (or made it)."""
        groups: dict[str, list[PitchChange]] = {}
        for change in self.pitches:
            groups.setdefault(change.card, []).append(change)
        return dict(sorted(groups.items()))

    @property
    def empty(self) -> bool:
        return not (self.pitches or self.figures or self.cards or self.alternatives)


def diff(before: Snapshot, after: Snapshot) -> ModelDiff:
    figures = _figure_changes(before, after)
    changed_ids = {f.id for f in figures}
    pitches = []
    for key in _ordered(before.pitches, after.pitches):
        change = _pitch_change(before.pitches.get(key), after.pitches.get(key), changed_ids)
        if change is not None:
            pitches.append(change)
    cards = [c for key in _ordered(before.cards, after.cards)
             if (c := _card_change(before.cards.get(key), after.cards.get(key))) is not None]
    stale = tuple((a.id, a.name, a.stale) for a in after.alternatives.values() if a.stale)
    return ModelDiff(tuple(pitches), figures, tuple(cards), before.findings, after.findings,
                     alternative_changes(before, after), stale)


def _ordered(before: dict, after: dict) -> list:
    """Keys in the order of the newer revision, then the ones that went away."""
    return [*after, *(k for k in before if k not in after)]


def _pitch_change(before: PitchState | None, after: PitchState | None,
                  changed_figures: set[str]) -> PitchChange | None:
    old_steps = {s.key: s for s in before.steps} if before else {}
    new_steps = {s.key: s for s in after.steps} if after else {}
    steps = tuple(
        StepChange(key, (new_steps.get(key) or old_steps[key]).title,
                   old_steps.get(key), new_steps.get(key))
        for key in _ordered(old_steps, new_steps)
        if old_steps.get(key) != new_steps.get(key))
    rows = _row_changes(before.evidence if before else (), after.evidence if after else ())
    evidence_changed = (before.evidence if before else ()) != (after.evidence if after else ())
    quoted = (before.figure_ids if before else frozenset()) | (
        after.figure_ids if after else frozenset())
    figures = tuple(sorted(quoted & changed_figures))
    if before is None:
        kind = APPEARED
    elif after is None:
        kind = DISAPPEARED
    elif before.card != after.card:
        kind = SWITCHED
    elif steps or evidence_changed:
        kind = CHANGED
    else:
        return None
    return PitchChange(kind, before, after, steps, evidence_changed, figures, rows)


def _figure_changes(before: Snapshot, after: Snapshot) -> tuple[FigureChange, ...]:
    changes = []
    for fid in _ordered(before.ledger, after.ledger):
        old, new = before.ledger.get(fid), after.ledger.get(fid)
        if old == new:
            continue
        quoting = [after.pitches.get(k) or before.pitches[k]
                   for k in _ordered(before.pitches, after.pitches)
                   if fid in _figure_ids(before.pitches.get(k), after.pitches.get(k))]
        changes.append(FigureChange(fid, old, new, tuple(quoting)))
    return tuple(changes)


def _figure_ids(*states: PitchState | None) -> frozenset[str]:
    return frozenset().union(*(s.figure_ids for s in states if s is not None))


def _card_change(before: CardState | None, after: CardState | None) -> CardChange | None:
    state = after or before
    assert state is not None
    if before is None or after is None:
        kind = ADDED if before is None else RETIRED
        return CardChange(kind, state.id, state.title, state.audience, (), (), (),
                          state.industries, state.personas)
    old, new = dict(before.sections), dict(after.sections)
    sections = tuple(n for n in _ordered(old, new) if old.get(n) != new.get(n))
    rows = _row_changes(before.evidence, after.evidence)
    figures = tuple(r.id for r in rows)
    if not (sections or figures or before.title != after.title):
        return None
    public = tuple(r.id for r in rows if r.public)
    return CardChange("changed", state.id, after.title, after.audience, sections, figures,
                      public, after.industries, after.personas, rows)


def _rows(evidence: tuple[Figure, ...]) -> dict[str, Figure]:
    return {e.id or e.figure: e for e in evidence}


def _row_changes(before: tuple[Figure, ...], after: tuple[Figure, ...]) -> tuple[RowChange, ...]:
    """The rows that differ between two evidence lists, matched by ledger id (else figure)."""
    old, new = _rows(before), _rows(after)
    return tuple(RowChange(n, old.get(n), new.get(n)) for n in _ordered(old, new)
                 if old.get(n) != new.get(n))


INTERNAL_SECTIONS = ("Discovery questions", "Objection: ")
"""Card text a public page never shows, so a public build never names its changes."""


def public_view(change: ModelDiff) -> ModelDiff:
    """What a public build may say: public cards only, no pitches (a public site has none),
    no internal figures, no internal sections, no alternatives."""
    cards = tuple(
        replace(c, figures=c.public_figures, rows=tuple(r for r in c.rows if r.public),
                sections=tuple(s for s in c.sections if not s.startswith(INTERNAL_SECTIONS)))
        for c in change.cards if c.audience == "public")
    cards = tuple(c for c in cards if c.kind != "changed" or c.sections or c.figures)
    return ModelDiff((), (), cards, (), ())
