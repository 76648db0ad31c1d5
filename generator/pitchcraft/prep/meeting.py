"""The meeting planned: each attendee's pitch on the account's numbers, their link, the
figures that matter.

Each attendee's pitch is composed by the pitch engine (`compose_pitch`) with the account's
numbers as the cost model's inputs, so every figure of it (talk track, Cost of doing nothing,
worked examples, the evidence) is computed from them; numbers of the account that the card's
model does not take are left out of its query rather than reported, since one account file
serves several cards. It is composed against the alternative the account weighs (`against`):
a card meaningfully different against it is told first unless the file names the card, and
the pitch carries the alternative's battlecard for the brief (never for a deck).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..costs.units import format_for, format_value, spoken
from ..model import Alternative, Content, Persona
from ..pitch import Combination, Pitch, compose_pitch, serving_cards
from .account import Account, Attendee
from .links import pitch_link

ROLE_ORDER = ("blocker", "economic-buyer", "champion", "evaluator", "user")
"""Who the meeting turns to after the insight: the blocker's concerns are pre-empted first,
then the economic buyer hears the cost, the champion gets what to carry, the evaluator proof."""
FIGURES_SHOWN = 3


@dataclass(frozen=True)
class Seat:
    """One attendee with what the pack gives them."""

    attendee: Attendee
    persona: Persona
    pitch: Pitch | None
    """None when no published card serves them for the problems in play."""
    link: str
    link_numbers: bool = False
    """True when the link fills the page's calculator with the account's numbers."""


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    card: str


@dataclass(frozen=True)
class Meeting:
    account: Account
    vendor: str
    seats: tuple[Seat, ...]
    figures: tuple[Figure, ...]
    against: Alternative | None = None
    """The taxonomy's alternative the account weighs: internal, for the brief only (never
    in a deck: `model.outputs`)."""

    @property
    def insight(self) -> Seat | None:
        """The seat whose card is taught once to the room: the economic buyer's, else the
        champion's, else the first attendee's with a pitch."""
        told = [s for s in self.seats if s.pitch is not None]
        for role in ("economic-buyer", "champion"):
            for seat in told:
                if seat.attendee.role == role:
                    return seat
        return told[0] if told else None

    @property
    def in_order(self) -> tuple[Seat, ...]:
        """The seats in the order the meeting turns to them (ROLE_ORDER, then file order)."""
        rank = {r: i for i, r in enumerate(ROLE_ORDER)}
        return tuple(sorted(self.seats, key=lambda s: rank.get(s.attendee.role, len(rank))))


def plan_meeting(account: Account, content: Content, today: dt.date, site_url: str = ""
                 ) -> Meeting:
    """The meeting for an account `read_account` found no errors in."""
    assert content.taxonomy is not None
    taxonomy = content.taxonomy
    seats: list[Seat] = []
    for attendee in account.attendees:
        persona = taxonomy.persona(attendee.persona)
        assert persona is not None  # read_account reports unknown personas
        pitch = _pitch(account, attendee, content, today)
        link, numbers = pitch_link(site_url, account, pitch, content, today) if pitch \
            else ("", False)
        seats.append(Seat(attendee, persona, pitch, link, numbers))
    return Meeting(account, taxonomy.company.name, tuple(seats), _figures(seats),
                   taxonomy.alternative(account.alternative) if account.alternative else None)


def _pitch(account: Account, attendee: Attendee, content: Content, today: dt.date
           ) -> Pitch | None:
    assert content.taxonomy is not None
    rival = content.taxonomy.alternative(account.alternative) if account.alternative else None
    for problem in (attendee.problem,) if attendee.problem else account.problems:
        combination = Combination(account.industry, problem, attendee.persona)
        ranking = [r.card for r in serving_cards(content, combination, today, against=rival)]
        card = next((c for c in ranking if c.id == attendee.card), None) if attendee.card \
            else (ranking[0] if ranking else None)
        if card is None:
            continue
        names = card.cost_model.names if card.cost_model else ()
        return compose_pitch(content, combination, today, card_id=card.id, alternatives=0,
                             inputs=account.query(names), against=account.alternative)
    return None


def _figures(seats: list[Seat]) -> tuple[Figure, ...]:
    """At most three outputs of the models in the room: sums of money before other figures,
    then the economic buyer's before the champion's before the rest, each model's in its own
    order."""
    rank = {"economic-buyer": 0, "champion": 1}
    candidates: list[tuple[bool, int, int, Figure]] = []
    for place, seat in enumerate(seats):
        figures = seat.pitch.figures if seat.pitch else None
        if figures is None:
            continue
        for output in figures.plan.model.outputs:
            fmt = spoken(format_for(output.unit, output.decimals, figures.plan.model.units))
            money = bool(fmt.prefix) and not fmt.suffix  # $806,000, not $0.14 per kWh
            candidates.append((not money, rank.get(seat.attendee.role, 2), place, Figure(
                output.label, format_value(figures.values.get(output.name), fmt),
                figures.card)))
    found: list[Figure] = []
    for *_, figure in sorted(candidates, key=lambda c: c[:3]):
        if len(found) < FIGURES_SHOWN and figure.label not in {f.label for f in found}:
            found.append(figure)
    return tuple(found)
