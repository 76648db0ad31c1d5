"""What the pitch engine hands the renderers: ranked cards and the composed pitch, as frozen
dataclasses with no I/O (the content they are made from is in `model`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..load.rep_notes import reading_text
from ..model import (
    MEANINGFUL_FACTORS,
    WORDS_PER_MINUTE,
    Card,
    Evidence,
    Industry,
    Item,
    Objection,
    Persona,
    Problem,
)
from .figures import Figures


@dataclass(frozen=True)
class Ranked:
    """A card that could serve a pitch, and why it ranks where it does."""

    card: Card
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One spoken part of a pitch, with its estimated talk time."""

    key: str
    title: str
    text: str
    """Markdown, from the card (or the taxonomy); always data, never template code."""
    words: int
    minutes: float
    tailored: bool = False
    """True where a variant (for the persona, the industry or both) replaced the general text."""
    variant: str = ""
    """What the variant heard was written for, as after `### For:`; '' for the general text."""


@dataclass(frozen=True)
class Factor:
    name: str
    holds: bool
    reason: str


@dataclass(frozen=True)
class Pitch:
    """A six-step teaching pitch for one industry, problem and persona."""

    industry: Industry
    problem: Problem
    persona: Persona
    ranking: tuple[Ranked, ...]
    """Candidate cards, best first; the one at `lead` supplies the talk track."""
    steps: tuple[Part, ...]
    cost_of_inaction: Part
    next_step: Part
    discovery_questions: str
    objections: tuple[Objection, ...]
    evidence: tuple[Evidence, ...]
    """The lead card's evidence, figures on the persona's own metrics first."""
    differentiators: tuple[Item, ...]
    scorecard: tuple[Factor, ...]
    generic_next_step: bool = False
    """True when the card has no next step for this buyer and the persona's generic one is
    used."""
    lead: int = 0
    """The place in `ranking` of the card this pitch is told from: 0 unless a rep chose
    another card."""
    alternatives: tuple[Pitch, ...] = ()
    """The same buyer's pitch from other cards in `ranking`, for a rep who wants another
    insight (the site shows them; see `compose.ALTERNATIVES_SHOWN`)."""
    figures: Figures | None = None
    """The lead card's cost model with the values in effect (see `pitch.figures`)."""

    @property
    def card(self) -> Card:
        return self.ranking[self.lead].card

    @property
    def concerns_first(self) -> bool:
        """An evaluator or blocker hears their concerns answered before "A new way"."""
        return self.persona.concerns_first

    @property
    def factors_held(self) -> int:
        return sum(f.holds for f in self.scorecard)

    @property
    def meaningfully_different(self) -> bool:
        return self.factors_held >= MEANINGFUL_FACTORS

    @property
    def factors_needed(self) -> int:
        return MEANINGFUL_FACTORS

    @property
    def minutes(self) -> float:
        """From the total words, so rounding each part does not add up to a drift."""
        return round(sum(p.words for p in self.talk_track) / WORDS_PER_MINUTE, 1)

    @property
    def talk_track(self) -> tuple[Part, ...]:
        return (*self.steps, self.cost_of_inaction, self.next_step)


def pitch_for_reading(pitch: Pitch) -> Pitch:
    """The pitch as the rep's own Markdown copy shows it (`pitch_rep.md.j2`, a meeting pack's
    `<attendee>-pitch.md`): each rep-only note a quote marked "For the rep, not to be read
    aloud" (`reading_text`). Rep-facing only: a buyer's output reads `render.buyer_pitch`."""
    def part(p: Part) -> Part:
        return replace(p, text=reading_text(p.text))

    return replace(
        pitch, steps=tuple(part(p) for p in pitch.steps),
        cost_of_inaction=part(pitch.cost_of_inaction), next_step=part(pitch.next_step),
        objections=tuple(replace(o, answer=reading_text(o.answer)) for o in pitch.objections))
