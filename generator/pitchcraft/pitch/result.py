"""What the pitch engine hands the renderers: ranked cards and the composed pitch, as frozen
dataclasses with no I/O (the content they are made from is in `model`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..costs.worked import WorkedExample
from ..load.rep_notes import reading_text
from ..model import (
    MEANINGFUL_FACTORS,
    TEACHING,
    WARMER,
    WORDS_PER_MINUTE,
    Alternative,
    Card,
    Evidence,
    Industry,
    Item,
    Objection,
    Persona,
    Problem,
    Whose,
    section_key,
)
from .figures import Figures
from .scorecard import Scorecard

WORKED_TABLES = ("research", "our-results", "internal")
"""The evidence tables a pitch shows, in the order told (see `Pitch.worked_examples_at`)."""

_TOLD = tuple(section_key(name) for name in TEACHING)


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
class Pitch:
    """A six-step teaching pitch for one industry, problem and persona."""

    industry: Industry
    problem: Problem
    persona: Persona
    ranking: tuple[Ranked, ...]
    """Candidate cards, best first; the one at `lead` supplies the talk track."""
    steps: tuple[Part, ...]
    """The six steps of the method (`model.STEPS`); `teaching` has them in the order said."""
    cost_of_inaction: Part
    next_step: Part
    discovery_questions: str
    objections: tuple[Objection, ...]
    evidence: tuple[Evidence, ...]
    """The lead card's evidence, figures on the persona's own metrics first: all of it, for
    comparing pitches; a pitch shows it by whose it is (`research`, `our_results`,
    `internal_figures`)."""
    differentiators: tuple[Item, ...]
    scorecard: Scorecard
    """Factors x alternatives, judged against `against` (else the status quo)."""
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
    against: Alternative | None = None
    """The alternative the rep pitches against (`--against`): its traps, objections and, for
    the rep only, where we lose, what to concede and its landmines. Internal: no buyer's
    output holds it (`model.outputs`)."""

    @property
    def card(self) -> Card:
        return self.ranking[self.lead].card

    @property
    def research(self) -> tuple[Evidence, ...]:
        """The evidence shown with Rational drowning: research only, so nothing before Our
        solution rests on our own results."""
        return tuple(e for e in self.evidence if e.whose == Whose.RESEARCH)

    @property
    def our_results(self) -> tuple[Evidence, ...]:
        """What our customers measured with our offering: shown from Our solution on."""
        return tuple(e for e in self.evidence if e.whose == Whose.OUR_RESULTS)

    @property
    def internal_figures(self) -> tuple[Evidence, ...]:
        """Figures about our own business: rep-facing output only (their audience is
        internal, so every rule that keeps internal evidence from buyers applies)."""
        return tuple(e for e in self.evidence if e.whose == Whose.INTERNAL)

    def worked_examples_at(self, table: str) -> tuple[WorkedExample, ...]:
        """The worked examples told with one evidence table (`research`, `our-results` or
        `internal`): each row once, with the first of those tables, in that order, by which
        every ledger figure it rests on has been shown. So a row never comes before the
        evidence it rests on may be shown, and a row resting on our results waits for Our
        solution."""
        if self.figures is None:
            return ()
        tables = (self.research, self.our_results, self.internal_figures)
        shown: list[set[str]] = []
        for evidence in tables:
            shown.append((shown[-1] if shown else set()) | {e.id for e in evidence if e.id})
        at = WORKED_TABLES.index(table)

        def first_table(row: WorkedExample) -> int:
            return next((i for i, ids in enumerate(shown) if set(row.ledger) <= ids),
                        len(WORKED_TABLES) - 1)
        return tuple(w for w in self.figures.worked_examples if first_table(w) == at)

    @property
    def warmer_written(self) -> bool:
        """False when the card has no Warmer for this buyer: the pitch opens at Reframe (a
        Warmer is written for its buyer, never assembled)."""
        return any(p.text.strip() for p in self.steps if p.title == WARMER)

    @property
    def factors_held(self) -> int:
        """Factors shown better (with proof) against the alternative judged against."""
        return self.scorecard.shown

    @property
    def meaningfully_different(self) -> bool:
        """Relative to the alternative pitched against, or to the status quo when none."""
        return self.scorecard.meaningfully_different

    @property
    def factors_needed(self) -> int:
        return MEANINGFUL_FACTORS

    @property
    def minutes(self) -> float:
        """From the total words, so rounding each part does not add up to a drift."""
        return round(sum(p.words for p in self.talk_track) / WORDS_PER_MINUTE, 1)

    @property
    def teaching(self) -> tuple[Part, ...]:
        """The parts said before the next step, in the order said (`model.TEACHING`): Cost of
        doing nothing after the story, before A new way. A part with nothing to say (an
        unwritten Warmer) is left out."""
        parts = {p.key: p for p in (*self.steps, self.cost_of_inaction)}
        return tuple(parts[k] for k in _TOLD if k in parts and parts[k].text.strip())

    @property
    def talk_track(self) -> tuple[Part, ...]:
        return (*self.teaching, self.next_step)


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
