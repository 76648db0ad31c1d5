"""What an edit to an alternative, or to a card's verdict against one, does: the battlecard
that changes and every pitch it alters.

A pitch is altered by an alternative when its card addresses the alternative or buyers choose
the alternative for its problem (the pitch page offers to pitch against it, `pitchcraft pitch
--against` adds its traps and answers); by a card's verdict when the card makes the pitch.
Pure functions over two snapshots. Alternatives are internal: a public diff has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from .snapshot import AlternativeState, PitchState, Snapshot

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class AlternativeChange:
    kind: str
    """added, removed (from the taxonomy) or changed (its own text or a card's verdict)."""
    id: str
    name: str
    fields: tuple[str, ...]
    """Its own fields that differ (`traps`, `where we lose`...)."""
    factors: tuple[tuple[str, str], ...]
    """(card id, factor) whose verdict against it differs."""
    pitches: tuple[PitchState, ...]
    """Every pitch it alters, as it is now (or was, if it is gone)."""
    stale: str = ""
    """When its review was due, when that is past at the newer revision."""

    def by_card(self) -> list[tuple[str, tuple[str, ...]]]:
        """The changed verdicts in one phrase per card: (card id, factors)."""
        cards: dict[str, list[str]] = {}
        for card, factor in self.factors:
            cards.setdefault(card, []).append(factor)
        return [(card, tuple(factors)) for card, factors in cards.items()]

    def altered(self) -> list[tuple[str, tuple[str, ...]]]:
        """The altered pitches in one phrase each: (industry x problem, persona names)."""
        groups: dict[str, list[str]] = {}
        for pitch in self.pitches:
            groups.setdefault(" x ".join(pitch.names[:2]), []).append(pitch.names[2])
        return [(where, tuple(personas)) for where, personas in groups.items()]


def alternative_changes(before: Snapshot, after: Snapshot) -> tuple[AlternativeChange, ...]:
    verdicts_before, verdicts_after = _verdicts(before), _verdicts(after)
    factors: dict[str, list[tuple[str, str]]] = {}
    for key in [*verdicts_after, *(k for k in verdicts_before if k not in verdicts_after)]:
        if verdicts_before.get(key) != verdicts_after.get(key):
            factors.setdefault(key[0], []).append(key[1:])
    changes = []
    ids = [*after.alternatives, *(a for a in before.alternatives if a not in after.alternatives)]
    ids += [a for a in factors if a not in ids]
    for alt in ids:
        old, new = before.alternatives.get(alt), after.alternatives.get(alt)
        fields = _fields(old, new)
        changed = tuple(factors.get(alt, ()))
        if old == new and not changed:
            continue
        kind = ADDED if old is None and new else REMOVED if new is None and old else CHANGED
        state = new or old
        cards = {card for card, _ in changed}
        pitches = _altered(before, after, alt, cards if not fields else None, state)
        changes.append(AlternativeChange(kind, alt, state.name if state else alt, fields,
                                         changed, pitches, new.stale if new else ""))
    return tuple(changes)


def _verdicts(snap: Snapshot) -> dict[tuple[str, str, str], str]:
    """(alternative, card, factor) -> the verdict as text."""
    return {(alt, card.id, factor): said for card in snap.cards.values()
            for alt, factor, said in card.against}


def _fields(old: AlternativeState | None, new: AlternativeState | None) -> tuple[str, ...]:
    if old is None or new is None:
        return ()
    before, after = dict(old.fields), dict(new.fields)
    return tuple(name for name in after if before.get(name) != after.get(name))


def _altered(before: Snapshot, after: Snapshot, alt: str, cards: set[str] | None,
             state: AlternativeState | None) -> tuple[PitchState, ...]:
    """The pitches of either revision that the change alters: those made by `cards`, or,
    when the alternative itself changed (`cards` None), every pitch that may meet it."""
    found = []
    for key in [*after.pitches, *(k for k in before.pitches if k not in after.pitches)]:
        pitch = after.pitches.get(key) or before.pitches[key]
        if cards is not None:
            hit = pitch.card in cards
        else:
            snaps = (before, after)
            hit = any(alt in {a for a, _, _ in s.cards[pitch.card].against}
                      for s in snaps if pitch.card in s.cards) or (
                state is not None and pitch.key[1] in state.problems)
        if hit:
            found.append(pitch)
    return tuple(found)
