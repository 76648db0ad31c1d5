"""The meeting pack written to a folder the rep chooses: the brief (Markdown and a printable
page), and per attendee the pitch (Markdown) and a deck titled for the account, in the two
copies `deck` writes (a presenter copy and a leave-behind, both buyer-facing).

Account files can hold personal data, so a pack is never written into the content, docs or
site folders, and an account file kept inside them is refused (`refused`): a build would
otherwise publish it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..deck.slides import EVIDENCE_PER_SLIDE, Deck, Slide, build_deck
from ..model.outputs import Output
from ..pitch import Pitch
from ..pitch.result import pitch_for_reading
from ..render.buyer_pitch import buyer_pitch
from ..render.headlines import MAX_WORDS, choose_headline, key_lines
from ..render.templates import environment, render
from ..render.terminal_text import text_lines
from ..theme_files import templates_dir
from .account import Account
from .brief import Brief, brief_markdown, confidential
from .brief_page import brief_html
from .meeting import Meeting, Seat


def refused(path: Path, protected: dict[str, Path], what: str) -> str | None:
    """Why `path` may not be used (inside a folder a build reads or writes), or None."""
    resolved = path.resolve()
    for name, folder in protected.items():
        if resolved == folder.resolve() or folder.resolve() in resolved.parents:
            return (f"{what} {path} is inside the {name} folder ({folder}): a build would"
                    f" publish it; keep account files and packs outside {folder}")
    return None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "attendee"


def write_pack(meeting: Meeting, brief: Brief, target: Path,
               templates: Path | None = None) -> list[Path]:
    """The pack's text files, written under `target`: the brief (Markdown and the printable
    page) and each attendee's pitch; returns them in the order written. Each attendee's
    decks are written beside them as `deck` writes decks (`cli.deck.write_copies`), from
    `account_deck`, at `deck_file(target, seat)`."""
    target.mkdir(parents=True, exist_ok=True)
    written = [_write(target / "brief.md", brief_markdown(brief)),
               _write(target / "brief.html", brief_html(brief))]
    env = environment([templates, templates_dir()] if templates else [templates_dir()])
    for seat in meeting.seats:
        if seat.pitch is not None:
            written.append(_write(target / f"{slug(seat.attendee.name)}-pitch.md",
                                  pitch_markdown(meeting, seat, env)))
    return written


def deck_file(target: Path, seat: Seat) -> Path:
    """The name each copy of the attendee's deck is made from: 'ines-marlowe.pptx' gives
    'ines-marlowe-presenter.pptx' and 'ines-marlowe-leave-behind.pptx'."""
    return target / f"{slug(seat.attendee.name)}.pptx"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def their_facts(account: Account) -> list[str]:
    """The account's own figures, each cited as theirs."""
    return [f"{f.figure}: {f.claim} (Source: {f.source}"
            f"{', ' + f.as_of if f.as_of else ''}; their own figure)"
            for f in account.facts]


def pitch_markdown(meeting: Meeting, seat: Seat, env: object) -> str:
    """The attendee's pitch (the rep's copy) with the account's facts cited as theirs."""
    assert seat.pitch is not None
    account, a = meeting.account, seat.attendee
    head = [f"> **{confidential(meeting.vendor, account.company)}**", "",
            f"*Prepared for {a.name}, {a.title}, {account.company}; meeting of"
            f" {account.meeting_date}.*", ""]
    body = render(env, "pitch_rep.md.j2", pitch=pitch_for_reading(seat.pitch))  # type: ignore[arg-type]
    facts = their_facts(account)
    tail = ["", f"## Their own figures ({account.company})", "", *(f"- {f}" for f in facts), ""] \
        if facts else []
    return "\n".join(head) + body + "\n".join(tail)


def marking(meeting: Meeting) -> str:
    """The confidentiality marking of a deck's title slide, addressed to the account."""
    return f"Confidential: prepared for {meeting.account.company} by {meeting.vendor}"


def account_deck(meeting: Meeting, seat: Seat, output: Output = Output.PRESENTER_DECK) -> Deck:
    """The pitch's deck as `output` (a presenter copy or a leave-behind) shows it, titled for
    the account and marked confidential on its title slide (and in a presenter copy's notes of
    it), with the account's own figures after Rational drowning and its evidence, and the
    account's next step, addressed to them, as the proposal: it replaces the card's."""
    assert seat.pitch is not None
    account, a = meeting.account, seat.attendee
    deck = build_deck(seat.pitch, meeting.vendor, output)
    notes = output.rule.speaker_notes
    slides = list(deck.slides)
    if slides and slides[0].kind == "title":
        slides[0] = replace(slides[0], lines=(
            f"For {a.name}, {a.title}, {account.company}",
            f"{seat.pitch.problem.name} · {account.meeting_date}", marking(meeting)),
            notes=f"{marking(meeting)}." if notes else "")
    figures = account_figures(meeting, notes)
    at = _after_rational_drowning(seat.pitch, meeting.vendor, slides)
    slides[at:at] = figures
    proposal = account_proposal(meeting, notes)
    if proposal is not None:  # in the card's proposal's place, else before any internal slide
        at = next((i for i, s in enumerate(slides) if s.kind in ("next-step", "internal")),
                  len(slides))
        slides = [*slides[:at], proposal, *(s for s in slides[at:] if s.kind != "next-step")]
    return replace(deck, name=f"{deck.name}--{slug(a.name)}", slides=tuple(slides),
                   title=f"{deck.title}, for {account.company} (confidential)")


def account_figures(meeting: Meeting, notes: bool) -> list[Slide]:
    """The account's own figures, as the deck shows evidence: `EVIDENCE_PER_SLIDE` to a
    slide, each a figure, its claim and its source, under a headline naming them as theirs."""
    account = meeting.account
    lines = [f"{f.figure}: {f.claim} (Source: {f.source}{', ' + f.as_of if f.as_of else ''})"
             for f in account.facts]
    headline = f"Your figures, {account.company}"
    if len(headline.split()) > MAX_WORDS:
        headline = "Your own figures"
    return [Slide("evidence", headline, tuple(lines[start:start + EVIDENCE_PER_SLIDE]),
                  "Your own figures, as you gave them to us." if notes and start == 0 else "")
            for start in range(0, len(lines), EVIDENCE_PER_SLIDE)]


def account_proposal(meeting: Meeting, notes: bool) -> Slide | None:
    """The account's next step as the deck's proposal slide: a headline chosen from it as a
    step's is (else "Our proposal"), its whole sentences, when, and what each side brings."""
    step = meeting.account.next_step
    if step is None:
        return None
    said = text_lines(step.proposal)
    headline, used = choose_headline("proposal", said)
    lines = (*key_lines(said, used), f"When: {step.date}",
             *([f"You bring: {'; '.join(step.they_bring)}"] if step.they_bring else []),
             *([f"We bring: {'; '.join(step.we_bring)}"] if step.we_bring else []))
    return Slide("next-step", headline, lines, "\n\n".join(said) if notes else "")


def _after_rational_drowning(pitch: Pitch, company: str, slides: list[Slide]) -> int:
    """Where the account's figures go: after Rational drowning's slide and the research
    evidence that follows it (the market's numbers, then theirs); after the title slide when
    the pitch has no such step."""
    buyer = buyer_pitch(pitch, company, Output.PRESENTER_DECK)
    part = next((p for p in buyer.parts if p.key == "rational-drowning"), None)
    at = next((i for i, s in enumerate(slides) if part is not None and s.kind == "step"
               and (s.title, s.lines) == (part.headline, part.lines)), 0) + 1
    while at < len(slides) and slides[at].kind == "evidence":
        at += 1
    return at
