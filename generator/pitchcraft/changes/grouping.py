"""A model diff arranged for a reviewer who has a minute: one entry per card, and under it
the pitches it makes that changed, those that changed alike told once.

Pitches whose change is the same (the same steps with the same texts, the same evidence rows)
are one `PitchGroup`: a ledger figure quoted by six pitches is one line, not six copies of
the evidence table. Pure functions over the diff's frozen data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diff import CardChange, ModelDiff, PitchChange, RowChange, StepChange


@dataclass(frozen=True)
class PitchGroup:
    """Pitches that changed alike: their kind, changed steps and changed evidence rows."""

    kind: str
    pitches: tuple[PitchChange, ...]
    steps: tuple[StepChange, ...]
    rows: tuple[RowChange, ...]

    @property
    def label(self) -> str:
        """`Retail x Late cash (Chief Financial Officer, Chief Operating Officer)`; several
        industry x problem pairs are joined with `;`."""
        where: dict[str, list[str]] = {}
        for pitch in self.pitches:
            names = pitch.state.names
            where.setdefault(" x ".join(names[:2]), []).append(names[2])
        return "; ".join(f"{pair} ({', '.join(personas)})" for pair, personas in where.items())

    @property
    def evidence_only(self) -> bool:
        """Only evidence rows changed: the one line says it all."""
        return self.kind == "changed" and not self.steps


@dataclass(frozen=True)
class CardEntry:
    """One card: its own change (if any) and the groups of pitches it makes that changed."""

    id: str
    title: str
    change: CardChange | None
    groups: tuple[PitchGroup, ...]

    @property
    def pitch_count(self) -> int:
        return sum(len(g.pitches) for g in self.groups)


def card_entries(diff: ModelDiff) -> list[CardEntry]:
    """Every card a diff touches, in the diff's card order, then cards whose pitches alone
    changed (a pitch that switched to them, or lost them), by id."""
    cards = {c.id: c for c in diff.cards}
    by_card = diff.by_card()
    order = [*cards, *(card for card in by_card if card not in cards)]
    entries = []
    for card_id in order:
        change = cards.get(card_id)
        pitches = by_card.get(card_id, [])
        title = change.title if change else _title(pitches, card_id)
        entries.append(CardEntry(card_id, title, change, _groups(pitches)))
    return entries


def _title(pitches: list[PitchChange], card_id: str) -> str:
    for pitch in pitches:
        if pitch.state.card == card_id:
            return pitch.state.card_title
    return card_id


def _groups(pitches: list[PitchChange]) -> tuple[PitchGroup, ...]:
    groups: dict[tuple, list[PitchChange]] = {}
    for pitch in pitches:
        steps = () if pitch.kind == "disappeared" else pitch.steps
        rows = () if pitch.kind == "disappeared" else pitch.rows
        signature = (pitch.kind, steps, rows,
                     pitch.before.card if pitch.before else None,
                     pitch.after.card if pitch.after else None)
        groups.setdefault(signature, []).append(pitch)
    return tuple(PitchGroup(key[0], tuple(members), key[1], key[2])
                 for key, members in groups.items())
