"""The meeting pack written to a folder the rep chooses: the brief (Markdown and a printable
page), and per attendee the pitch (Markdown) and a deck titled for the account.

Account files can hold personal data, so a pack is never written into the content, docs or
site folders, and an account file kept inside them is refused (`refused`): a build would
otherwise publish it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..deck.pptx_file import write_deck
from ..deck.slides import Deck, Slide, build_deck
from ..pitch.result import pitch_for_reading
from ..render.templates import environment, render
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
    """Every file of the pack, written under `target`; returns them in the order written."""
    target.mkdir(parents=True, exist_ok=True)
    written = [_write(target / "brief.md", brief_markdown(brief)),
               _write(target / "brief.html", brief_html(brief))]
    env = environment([templates, templates_dir()] if templates else [templates_dir()])
    for seat in meeting.seats:
        if seat.pitch is None:
            continue
        stem = slug(seat.attendee.name)
        written.append(_write(target / f"{stem}-pitch.md", pitch_markdown(meeting, seat, env)))
        deck = account_deck(meeting, seat)
        write_deck(deck, target / f"{stem}-deck.pptx", author=meeting.vendor)
        written.append(target / f"{stem}-deck.pptx")
    return written


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
    body = render(env, "pitch.md.j2", pitch=pitch_for_reading(seat.pitch))  # type: ignore[arg-type]
    facts = their_facts(account)
    tail = ["", f"## Their own figures ({account.company})", "", *(f"- {f}" for f in facts), ""] \
        if facts else []
    return "\n".join(head) + body + "\n".join(tail)


def account_deck(meeting: Meeting, seat: Seat) -> Deck:
    """The pitch's deck (`build_deck`) titled for the account, with the account's own
    figures on a slide after the evidence, cited as theirs, and the account's proposed next
    step (addressed to them) on the last slide."""
    assert seat.pitch is not None
    account, a = meeting.account, seat.attendee
    deck = build_deck(seat.pitch, meeting.vendor)
    slides = list(deck.slides)
    if slides and slides[0].kind == "title":
        slides[0] = replace(slides[0], lines=(
            f"For {a.name}, {a.title}, {account.company}",
            f"{seat.pitch.problem.name} · {account.meeting_date}",
            f"{meeting.vendor} · Confidential"))
    facts = their_facts(account)
    if facts:
        after = next((i for i, s in enumerate(slides) if s.kind == "evidence"), 0) + 1
        slides.insert(after, Slide("evidence", f"Your figures, {account.company}",
                                   tuple(facts[:4]),
                                   "The account's own figures, as they gave them."))
    step = account.next_step
    if step and slides and slides[-1].kind == "next-step":
        slides[-1] = replace(slides[-1], lines=tuple(line for line in (
            step.proposal, f"When: {step.date}",
            f"You bring: {'; '.join(step.they_bring)}" if step.they_bring else "",
            f"We bring: {'; '.join(step.we_bring)}" if step.we_bring else "") if line))
    return replace(deck, name=f"{deck.name}--{slug(a.name)}", slides=tuple(slides))
