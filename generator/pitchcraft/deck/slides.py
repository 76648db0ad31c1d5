"""A pitch as slides: the words a buyer sees on each, the talk track in the speaker notes.

One slide per teaching step, in the order the rep says them (the pitch's talk track), framed
by a title slide, the evidence with sources and dates, and the next step. A slide holds a
headline and a few key lines, never the whole talk track: the rep says that, from the notes.

A deck is made to be sent, so what it holds is buyer-facing by rule: rep-only notes, in
whatever container they are written, are taken out of every text before it reaches a slide or
a note (`rep_notes.buyer_text`, checked against a renderer that knows every block a site may
enable), and internal evidence is left out. `internal=True` (the CLI's `--internal`) adds
internal evidence on one last slide whose title says to remove it before sending, for the rep's
own preparation copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.rep_notes import buyer_text
from ..model import Audience, Evidence
from ..pitch import Part, Pitch
from ..render.terminal_text import text_lines
from .paths import deck_name
from .plain import sentences

KEY_LINES = 4
"""Lines under a slide's headline: more and the buyer reads instead of listening."""
LONG_LINE = 30
"""Words after which a key line is cut to its first sentence."""
LONG_HEADLINE = 18
"""Words after which a headline is split at a colon, semicolon, dash or ', and'/', but'."""
_BREAKS = (": ", "; ", " — ", ", and ", ", but ")
INTERNAL_TITLE = "Internal — remove before sending"
"""The one slide that may hold internal evidence, and only with `internal=True`."""


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


def build_deck(pitch: Pitch, company: str, *, internal: bool = False) -> Deck:
    """The deck for one pitch; part texts already hold the cost figures in effect."""
    public = tuple(e for e in pitch.evidence if e.audience != Audience.INTERNAL)
    slides = [_title(pitch, company)]
    track = pitch.teaching
    for number, part in enumerate(track, start=1):
        extra = tuple(f"{d.name}: {d.description}" for d in pitch.differentiators
                      ) if part.key == "our-solution" else ()
        slides.append(_step(part, f"{number} of {len(track)}", extra))
        if part.key == "rational-drowning" and public:
            slides.append(_evidence(public))
    slides.append(_next_step(pitch.next_step))
    hidden = tuple(e for e in pitch.evidence if e.audience == Audience.INTERNAL)
    if internal and hidden:
        slides.append(Slide("internal", INTERNAL_TITLE, tuple(_cite(e) for e in hidden),
                            "Internal figures for your preparation. Delete this slide before"
                            " the deck leaves the company."))
    return Deck(deck_name(pitch), tuple(s for s in slides if s.title))


def _title(pitch: Pitch, company: str) -> Slide:
    return Slide("title", pitch.card.title, (
        f"For the {pitch.persona.name}", f"{pitch.industry.name} · {pitch.problem.name}",
        company,
    ), f"About {pitch.minutes} minutes to say. Source card: {pitch.card.id}.")


def _step(part: Part, where: str, extra: tuple[str, ...] = ()) -> Slide:
    said = text_lines(buyer_text(part.text))
    if not said:
        return Slide("step", "", (), "")
    first = sentences(said[0])
    headline, rest = _headline(first[0])
    rest += [" ".join(first[1:])] if first[1:] else []
    lines = tuple(_short(line) for line in [*rest, *said[1:], *extra][:KEY_LINES])
    notes = f"{part.title} ({where}, about {part.minutes} min)\n\n" + "\n\n".join(said)
    return Slide("step", headline, lines, notes)


def _headline(sentence: str) -> tuple[str, list[str]]:
    """A long opening sentence as a short headline and the rest of it as the first line."""
    if len(sentence.split()) <= LONG_HEADLINE:
        return sentence, []
    cuts = [(at, mark) for mark in _BREAKS
            if (at := sentence.find(mark)) > 0 and len(sentence[:at].split()) >= 5]
    if not cuts:
        return sentence, []
    at, mark = min(cuts)
    head = sentence[:at] + (":" if mark == ": " else "")
    tail = sentence[at + len(mark):]
    return head, [tail[:1].upper() + tail[1:]]


def _short(line: str) -> str:
    return sentences(line)[0] if len(line.split()) > LONG_LINE else line


def _cite(item: Evidence) -> str:
    when = f", {item.as_of.isoformat()}" if item.as_of else ""
    return f"{item.figure}: {item.claim} (Source: {item.source}{when})"


def _evidence(evidence: tuple[Evidence, ...]) -> Slide:
    links = [f"{e.figure}: {e.url}" for e in evidence if e.url]
    return Slide("evidence", "The evidence", tuple(_cite(e) for e in evidence),
                 "\n\n".join(["Every figure here has a source and a date; offer to send them.",
                              *links]))


def _next_step(part: Part) -> Slide:
    said = text_lines(buyer_text(part.text))
    return Slide("next-step", "Next step", tuple(said[:KEY_LINES]), "\n\n".join(said))
