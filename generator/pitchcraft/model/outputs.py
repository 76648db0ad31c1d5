"""Who reads each output, and what it may hold: the one definition every output asks.

A rep-facing output is read by the sales team only: it may show rep-only notes (set apart and
labelled), internal evidence, the method's step names and the rep's instructions (`## Next
step`, the persona's `next_step`, discovery questions, the scorecard). A buyer-facing output
may be sent, forwarded or shown on a screen: it holds what the buyer may read and hear, and
nothing else. A presenter deck is buyer-facing as a whole, its speaker notes too: decks get
sent with their notes, so the notes hold the talk track the buyer hears, never a rep note or a
step's name.

Alternatives (the taxonomy's `alternatives:`: the status quo, free options, competitors) are
internal: a buyer-facing output never holds an alternative's name or any of its text (traps,
objection answers, where we lose, what to concede, landmines), nor the scorecard against it.
A rep tells the buyer why the new way beats their other choices without naming them; a
buyer who reads a competitor's name in a leave-behind reads a comparison we cannot control.

What a buyer-facing output holds instead is made in one place (`render.buyer_pitch`): the
texts without rep notes, headlines instead of step names, the proposal instead of the rep's
next step, and evidence without internal figures; it reads nothing of an alternative, and
`check` keeps alternatives' names out of every card text a buyer reads (`load.choreography`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Reader(StrEnum):
    REP = "rep"
    BUYER = "buyer"


@dataclass(frozen=True)
class Rule:
    """What one output is and may hold."""

    name: str
    reader: Reader
    speaker_notes: bool = False
    """A deck's notes hold the talk track (the presenter copy); a leave-behind has none."""

    @property
    def buyer_facing(self) -> bool:
        return self.reader is Reader.BUYER

    @property
    def rep_notes(self) -> bool:
        """Rep-only notes are shown, set apart and labelled "For the rep"."""
        return not self.buyer_facing

    @property
    def internal_evidence(self) -> bool:
        return not self.buyer_facing

    @property
    def method_labels(self) -> bool:
        """Step names ("Rational drowning (3 of 7)") as titles or in notes."""
        return not self.buyer_facing

    @property
    def alternatives(self) -> bool:
        """An alternative's name or text (its traps, objections, where we lose, what to
        concede, landmines) and the scorecard against it."""
        return not self.buyer_facing

    @property
    def rep_instructions(self) -> bool:
        """`## Next step`, the persona's `next_step`, discovery questions, the scorecard: a
        buyer-facing output ends with the proposal addressed to the buyer instead."""
        return not self.buyer_facing


class Output(Enum):
    """Every output Pitchcraft makes of a pitch, with its rule."""

    TERMINAL_PITCH = Rule("terminal pitch (`pitchcraft pitch`)", Reader.REP)
    INTERNAL_SITE = Rule("the team's internal site", Reader.REP)
    PULL_REQUEST_COMMENT = Rule("the pull-request comment (`pitchcraft diff --format md`)",
                                Reader.REP)
    REP_MARKDOWN = Rule("the rep's Markdown copy of a pitch in a meeting pack (`prep`)",
                        Reader.REP)
    PREPARATION_DECK = Rule("a rep's preparation deck (`deck --internal`)", Reader.REP,
                            speaker_notes=True)
    MARKDOWN_ONE_PAGER = Rule("Markdown one-pager (`pitch --format md`)", Reader.BUYER)
    PUBLIC_SITE = Rule("the public site", Reader.BUYER)
    PRESENTER_DECK = Rule("presenter copy of a deck", Reader.BUYER, speaker_notes=True)
    LEAVE_BEHIND = Rule("leave-behind deck", Reader.BUYER)

    @property
    def rule(self) -> Rule:
        rule: Rule = self.value
        return rule

    @property
    def buyer_facing(self) -> bool:
        return self.rule.buyer_facing
