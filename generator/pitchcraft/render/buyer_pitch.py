"""A pitch as a buyer-facing output holds it (`model.outputs`): made once, for every such output.

The slides of both decks, a presenter copy's notes and the Markdown one-pager read this, never
the `Pitch` itself, so none of them can show what a buyer must not see:
- every text without its rep-only notes (`rep_notes.buyer_text`);
- a headline for each step (the card's `headlines:`, else a clause chosen from its text),
  never the method's step name;
- the proposal addressed to the buyer (the card's `## Proposal` for this buyer, else the
  persona's `proposal`), never the rep's `## Next step` or the persona's `next_step`; no
  proposal written anywhere means none is shown (and `check` warns);
- evidence without internal figures, research beside Rational drowning and our customers'
  results from Our solution on, each with the worked examples told with it
  (`Pitch.worked_examples_at`: the card's cost model computed with the figures in effect), so
  a buyer's `--inputs` reach the evidence as they reach the talk track;
- the persona's concerns with their answers, and the differentiators under Our solution.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.rep_notes import buyer_text
from ..load.worked_examples import is_worked_example
from ..model import PROPOSAL, Audience, Card, Concern, Evidence, Item, section_key
from ..model.outputs import Output
from ..pitch import Pitch
from ..pitch.talk_time import minutes, spoken_words
from .headlines import choose_headline, key_lines
from .terminal_text import text_lines


@dataclass(frozen=True)
class BuyerPart:
    key: str
    headline: str
    text: str
    """Markdown without rep notes, with the figures in effect."""
    said: tuple[str, ...]
    """Each paragraph as plain words: the talk track of a presenter's notes."""
    lines: tuple[str, ...]
    """Whole sentences for a slide, under the headline."""
    minutes: float


@dataclass(frozen=True)
class BuyerPitch:
    title: str
    industry: str
    problem: str
    company: str
    parts: tuple[BuyerPart, ...]
    """The teaching steps in the order the rep says them, without the rep's next step."""
    differentiators: tuple[Item, ...]
    concerns: tuple[Concern, ...]
    evidence_early: tuple[Evidence, ...]
    """Research, which may be shown beside Rational drowning."""
    evidence_late: tuple[Evidence, ...]
    """Our customers' results and evidence whose kind is not said: from Our solution on."""
    worked_early: tuple[str, ...]
    """Worked examples resting on research only, one line each ('Demand charges a year:
    $1,200,000 x 38% = $456,000'), shown with `evidence_early`."""
    worked_late: tuple[str, ...]
    """Worked examples resting on our customers' results, shown with `evidence_late`."""
    proposal: BuyerPart | None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return (*self.evidence_early, *self.evidence_late)


def buyer_pitch(pitch: Pitch, company: str, output: Output) -> BuyerPitch:
    """What `output` (a buyer-facing one) shows of `pitch`."""
    assert output.buyer_facing, output
    return BuyerPitch(
        title=pitch.card.title, industry=pitch.industry.name, problem=pitch.problem.name,
        company=company,
        parts=tuple(_part(pitch, p.key, p.text) for p in pitch.teaching),
        differentiators=pitch.differentiators,
        concerns=tuple(Concern(c.concern, buyer_text(c.answer)) for c in pitch.persona.concerns
                       if c.answer),
        evidence_early=tuple(e for e in pitch.research if _shown(e)),
        evidence_late=tuple(e for e in pitch.our_results if _shown(e)),
        worked_early=tuple(w.text for w in pitch.worked_examples_at("research")),
        worked_late=tuple(w.text for w in pitch.worked_examples_at("our-results")),
        proposal=proposal(pitch),
    )


def proposal(pitch: Pitch) -> BuyerPart | None:
    """The card's `## Proposal` for this buyer, else the persona's `proposal`, else None."""
    section = pitch.card.sections.get(PROPOSAL)
    text = (section.for_buyer(pitch.persona.id, pitch.industry.id) if section else "") \
        or pitch.persona.proposal
    if not text.strip():
        return None
    if pitch.figures is not None:
        text = pitch.figures.plain(text)
    return _part(pitch, "proposal", text)


def _part(pitch: Pitch, key: str, text: str) -> BuyerPart:
    text = buyer_text(text)
    said = text_lines(text)
    headline, used = _headline(pitch.card, key, said)
    return BuyerPart(key, headline, text, tuple(said), key_lines(said, used),
                     minutes(spoken_words(text)))


def _headline(card: Card, key: str, said: list[str]) -> tuple[str, str]:
    own = card.headlines.get(key, "")
    return (own, "") if own else choose_headline(key, said)


def section_headline(card: Card, title: str) -> str:
    """What a buyer reads as the heading of a card's section (a public card page): its
    headline, never the method's step name."""
    section = card.sections.get(title)
    return _headline(card, section_key(title), text_lines(buyer_text(section.text if section
                                                                      else "")))[0]


def _shown(item: Evidence) -> bool:
    """Not internal, and not an item that only describes the card's own arithmetic (a
    `check` warning: the card's cost model gives its worked examples)."""
    if item.audience == Audience.INTERNAL:
        return False
    return not is_worked_example(item)
