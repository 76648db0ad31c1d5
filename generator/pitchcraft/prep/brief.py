"""The brief a rep reads on a phone in two minutes, as data: one structure, two writers
(`brief_markdown` here, `brief_page.brief_html` for the printable page), so the Markdown and
the printed page never say different things.

Spoken text comes from each attendee's composed pitch with rep-only notes taken out
(`buyer_text`) and as plain lines (`text_lines`), the same parse the deck uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.rep_notes import buyer_text
from ..model import Content
from ..render.terminal_text import text_lines
from .account import Account
from .meeting import Meeting, Seat


@dataclass(frozen=True)
class Line:
    strong: str
    text: str = ""
    sub: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[Line, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Brief:
    title: str
    notice: str
    sections: tuple[Section, ...]


def confidential(vendor: str, company: str) -> str:
    """The marking every file of a pack carries."""
    return (f"Confidential: {vendor}'s preparation for a meeting with {company}. It names"
            " people and holds the account's own figures: keep it to the account team, do"
            " not forward it, and never publish it.")


def build_brief(meeting: Meeting, content: Content) -> Brief:
    account = meeting.account
    sections = [
        Section("The meeting", _meeting(account)),
        Section("Who is in the room", tuple(_who(s) for s in meeting.seats)),
        Section("Run it in this order", _order(meeting), numbered=True),
        Section("The three figures that matter", tuple(
            Line(f"{f.value}:", f.label) for f in meeting.figures), numbered=True),
        Section("Their numbers", _numbers(meeting)),
        Section("Questions to ask", _questions(meeting, content), numbered=True),
        Section("From the last meeting" + (f" ({account.last_meeting_date})"
                                            if account.last_meeting_date else ""),
                tuple(Line("", n) for n in account.last_meeting_notes)),
        Section("Proposed next step", _next_step(account)),
        Section("Links to each pitch on the site", tuple(
            _link(s, account) for s in meeting.seats if s.link)),
    ]
    return Brief(f"Meeting brief: {account.company}, {account.meeting_date}",
                 confidential(meeting.vendor, account.company),
                 tuple(s for s in sections if s.lines))


def _link(seat: Seat, account: Account) -> Line:
    """The attendee's link; it carries the account's numbers whenever their card has a cost
    model, unless the site's page does not tell that card's pitch (it ranks below the cards
    the page shows), which the brief then says."""
    model = seat.pitch.card.cost_model if seat.pitch else None
    missing = bool(model and account.query(model.names)) and not seat.link_numbers
    return Line(f"{seat.attendee.name}:", seat.link, (
        "The site's page does not tell this card's pitch: the figures on the account's"
        " numbers are in this pack.",) if missing else ())


def _first(markdown: str) -> str:
    said = text_lines(buyer_text(markdown))
    return said[0] if said else ""


def _meeting(account: Account) -> tuple[Line, ...]:
    lines = [Line("Goal:", account.goal), Line("Date:", account.meeting_date)]
    if account.alternative:
        lines.append(Line("They are weighing:", account.alternative))
    return tuple(lines)


def _who(seat: Seat) -> Line:
    a, persona = seat.attendee, seat.persona
    cares = "; ".join(a.cares_about or persona.priorities)
    sub = [f"Cares about: {cares}"] if cares else []
    if persona.metrics:
        sub.append(f"Owns: {', '.join(persona.metrics)}")
    if seat.pitch:
        sub.append(f"Their pitch: {seat.pitch.card.title}")
    who = a.title if a.title == persona.name else f"{a.title}; {persona.name}"
    return Line(f"{a.name}:", f"{who}, {a.role.replace('-', ' ')}", tuple(sub))


def _order(meeting: Meeting) -> tuple[Line, ...]:
    lines: list[Line] = []
    insight = meeting.insight
    if insight and insight.pitch:
        reframe = next((p for p in insight.pitch.steps if p.key == "reframe"), None)
        lines.append(Line("Teach the insight once:", insight.pitch.card.title,
                          (_first(reframe.text),) if reframe else ()))
    for seat in meeting.in_order:
        a = seat.attendee
        concerns = tuple(f"{c.concern} {c.answer}" for c in seat.persona.concerns)
        if a.role in ("blocker", "evaluator") or seat.pitch is None:
            what = "pre-empt their concerns before the new way" if a.role == "blocker" \
                else "answer their concerns with proof"
            lines.append(Line(f"{a.name} ({a.role.replace('-', ' ')}):", what, concerns))
        else:
            cost = _first(seat.pitch.cost_of_inaction.text)
            what = "their cost, on the account's own numbers" if a.role == "economic-buyer" \
                else "what it costs them, to carry to the others"
            lines.append(Line(f"{a.name} ({a.role.replace('-', ' ')}):", what,
                              (cost,) if cost else ()))
    step = meeting.account.next_step
    if step:
        lines.append(Line("Propose the next step:", step.proposal))
    return tuple(lines)


def _numbers(meeting: Meeting) -> tuple[Line, ...]:
    lines: list[Line] = []
    labels = {i.name: i for s in meeting.seats if s.pitch and s.pitch.card.cost_model
              for i in s.pitch.card.cost_model.inputs}
    for name, value in meeting.account.numbers:
        item = labels.get(name)
        shown = next((s.pitch.figures.plain(f"{{cost: {name}}}") for s in meeting.seats
                      if s.pitch and s.pitch.figures
                      and s.pitch.figures.plan.model.input(name)), f"{value:g}")
        lines.append(Line(f"{shown}:", item.label if item else name,
                          ("their figure, as they gave it",)))
    for fact in meeting.account.facts:
        when = f", {fact.as_of}" if fact.as_of else ""
        lines.append(Line(f"{fact.figure}:", fact.claim, (f"Source: {fact.source}{when}",)))
    return tuple(lines)


def _questions(meeting: Meeting, content: Content) -> tuple[Line, ...]:
    account = meeting.account
    figures = {}
    for seat in meeting.seats:
        if seat.pitch and seat.pitch.figures:
            model = seat.pitch.figures.plan.model
            for name in model.names:
                item = model.input(name) or model.output(name)
                assert item is not None
                figures.setdefault(name, f"\u201c{item.label}\u201d: "
                                   + seat.pitch.figures.plain(f"{{cost: {name}}}"))
    titles = {c.id: c.title for c in content.cards}
    lines = []
    for question in account.questions:
        sub = []
        for b in question.branches:
            if b.figure:
                sub.append(f"If {b.answer}: show {figures.get(b.figure, b.figure)}")
            elif b.card:
                sub.append(f"If {b.answer}: turn to the insight \u201c{titles.get(b.card, b.card)}"
                           "\u201d")
            elif b.concern:
                sub.append(f"If {b.answer}: answer the concern: {b.concern}")
            else:
                sub.append(f"If {b.answer}: note it and move on")
        lines.append(Line(question.ask, "", tuple(sub)))
    insight = meeting.insight
    if not lines and insight and insight.pitch:
        lines = [Line(q) for q in text_lines(buyer_text(insight.pitch.discovery_questions))]
    return tuple(lines)


def _next_step(account: Account) -> tuple[Line, ...]:
    step = account.next_step
    if step is None:
        return ()
    sub = [f"When: {step.date}"]
    for label, items in (("Who", step.attendees), ("We bring", step.we_bring),
                         ("They bring", step.they_bring)):
        if items:
            sub.append(f"{label}: {'; '.join(items)}")
    return (Line(step.proposal, "", tuple(sub)),)


def brief_markdown(brief: Brief) -> str:
    out = [f"# {brief.title}", "", f"> **{brief.notice}**", ""]
    for section in brief.sections:
        out += [f"## {section.title}", ""]
        for number, line in enumerate(section.lines, start=1):
            mark = f"{number}." if section.numbered else "-"
            head = " ".join(p for p in (f"**{line.strong}**" if line.strong else "", line.text)
                            if p)
            out.append(f"{mark} {head}")
            out += [f"{' ' * (len(mark) + 1)}- {s}" for s in line.sub]
        out.append("")
    return "\n".join(out)
