"""The account as data: frozen dataclasses with no I/O, made by `prep.read`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attendee:
    name: str
    title: str
    persona: str
    role: str
    """Their part in this buying group (the persona's role unless the file says otherwise)."""
    card: str = ""
    problem: str = ""
    cares_about: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A figure of the account's own, always cited as theirs."""

    figure: str
    claim: str
    source: str
    as_of: str = ""


@dataclass(frozen=True)
class Branch:
    answer: str
    figure: str = ""
    card: str = ""
    concern: str = ""


@dataclass(frozen=True)
class Question:
    ask: str
    branches: tuple[Branch, ...] = ()


@dataclass(frozen=True)
class NextStep:
    proposal: str
    date: str
    attendees: tuple[str, ...] = ()
    we_bring: tuple[str, ...] = ()
    they_bring: tuple[str, ...] = ()


@dataclass(frozen=True)
class Account:
    company: str
    industry: str
    problems: tuple[str, ...]
    attendees: tuple[Attendee, ...]
    meeting_date: str
    goal: str
    numbers: tuple[tuple[str, float], ...] = ()
    """Cost-model inputs by name, in the order the file gives them."""
    facts: tuple[Fact, ...] = ()
    alternative: str = ""
    """The id of the taxonomy's alternative they weigh: every pitch is composed against it."""
    last_meeting_date: str = ""
    last_meeting_notes: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    next_step: NextStep | None = None

    def query(self, names: tuple[str, ...]) -> str:
        """The account's numbers for the inputs `names` as a link's query: 'a=1&b=2'."""
        return "&".join(f"{n}={_plain(v)}" for n, v in self.numbers if n in names)


def _plain(value: float) -> str:
    """A number as typed: 2400000, not 2400000.0 or 2.4e6."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
