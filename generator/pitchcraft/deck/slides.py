"""A pitch as slides: the words a buyer sees on each, the talk track in the speaker notes.

A deck is made to be sent, so it is buyer-facing (`model.outputs`): it is made from the
`BuyerPitch` (`render.buyer_pitch`), never from the `Pitch`, so it holds no rep note, internal
figure, step name or instruction to the rep. Two copies are made of each pitch:
- the presenter copy (`Output.PRESENTER_DECK`): the talk track in the speaker notes, as the
  buyer would hear it, since a deck is often sent with its notes;
- the leave-behind (`Output.LEAVE_BEHIND`): the same slides, no notes at all.

One slide per teaching step, in the order the rep says them, headed by the step's headline,
with a few whole sentences under it; research evidence follows Rational drowning, our
customers' results and the worked example (computed with the figures in effect) follow Our
solution; then the buyer's concerns answered, and last the proposal addressed to the buyer
(none when no proposal is written: `check` warns). `Output.PREPARATION_DECK` (the CLI's
`--internal`) is the presenter copy with internal evidence on one last slide whose title says
to remove it before sending: the rep's own preparation copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Audience, Evidence
from ..model.outputs import Output
from ..pitch import Pitch
from ..render.buyer_pitch import BuyerPart, BuyerPitch, buyer_pitch
from ..render.headlines import FALLBACK
from .paths import deck_name

INTERNAL_TITLE = "Internal — remove before sending"
"""The one slide that may hold internal evidence, and only in a preparation copy."""
EVIDENCE_PER_SLIDE = 3
"""Sources on one slide: each is a figure, its claim, where it comes from and when."""
DIFFERENTIATORS_TITLE = "What makes it work"


@dataclass(frozen=True)
class Slide:
    kind: str
    """title, step, evidence, next-step or internal: which layout the file uses."""
    title: str
    lines: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class Deck:
    name: str
    """The file's stem: industry--problem--persona."""
    slides: tuple[Slide, ...]
    output: Output = Output.PRESENTER_DECK
    title: str = ""
    """The pitch's title, for the document properties."""


def build_deck(pitch: Pitch, company: str, output: Output = Output.PRESENTER_DECK) -> Deck:
    """The deck for one pitch as `output` shows it; texts hold the figures in effect."""
    buyer = buyer_pitch(pitch, company, Output.PRESENTER_DECK)
    notes = output.rule.speaker_notes
    slides = [_title(pitch, buyer)]
    for part in buyer.parts:
        slides.append(_step(part, notes))
        if part.key == "rational-drowning":
            slides += _evidence(buyer.evidence_early, buyer.worked_early, notes)
        if part.key == "our-solution":
            if buyer.differentiators:
                slides.append(Slide("step", DIFFERENTIATORS_TITLE, tuple(
                    f"{d.name}: {d.description}" for d in buyer.differentiators), ""))
            slides += _evidence(buyer.evidence_late, buyer.worked_late, notes)
    slides += [_step(BuyerPart("concerns", c.concern.rstrip(". "), c.answer, (c.answer,),
                               (c.answer,), 0), notes) for c in buyer.concerns]
    if buyer.proposal is not None:
        slides.append(_step(buyer.proposal, notes, "next-step"))
    hidden = tuple(e for e in pitch.evidence if e.audience == Audience.INTERNAL)
    if output is Output.PREPARATION_DECK and hidden:
        slides.append(Slide("internal", INTERNAL_TITLE, tuple(_cite(e) for e in hidden),
                            "Internal figures for your preparation. Delete this slide before"
                            " the deck leaves the company."))
    return Deck(deck_name(pitch), tuple(s for s in slides if s.title), output, buyer.title)


def _title(pitch: Pitch, buyer: BuyerPitch) -> Slide:
    return Slide("title", buyer.title, (
        f"For the {pitch.persona.name}", f"{buyer.industry} · {buyer.problem}", buyer.company,
    ), "")


def _step(part: BuyerPart, notes: bool, kind: str = "step") -> Slide:
    return Slide(kind, part.headline, part.lines, "\n\n".join(part.said) if notes else "")


def _cite(item: Evidence) -> str:
    when = f", {item.as_of.isoformat()}" if item.as_of else ""
    return f"{item.figure}: {item.claim} (Source: {item.source}{when})"


def _evidence(evidence: tuple[Evidence, ...], worked: tuple[str, ...], notes: bool
              ) -> list[Slide]:
    """The sources, a few to a slide, then the worked examples they back."""
    lines = [*(_cite(e) for e in evidence), *worked]
    links = [f"{e.figure}: {e.url}" for e in evidence if e.url]
    slides = []
    for start in range(0, len(lines), EVIDENCE_PER_SLIDE):
        shown = tuple(lines[start:start + EVIDENCE_PER_SLIDE])
        slides.append(Slide("evidence", FALLBACK["evidence"], shown,
                            "\n\n".join(links) if notes and start == 0 else ""))
    return slides
