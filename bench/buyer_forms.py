"""Every form a pitch reaches a person in, as the text that person reads, in order.

For one content folder and the installed engine: the rep's terminal text and the buyer's
Markdown one-pager (`pitchcraft pitch`, run in-process), the persona's tab of the internal
site's pitch page and the public site's page of the card (`site.pages`, as the site build
renders them, without MkDocs), and the decks (a presenter copy and a leave-behind where the
engine makes both, its one deck otherwise; written as .pptx for LibreOffice). Names an older
engine may not have are read with getattr, so bench/buyer_ready.py measures before and after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from pitchcraft.cli import main as cli
from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.deck.slides import build_deck
from pitchcraft.load import load_content
from pitchcraft.pitch import compose_pitch, covered_combinations
from pitchcraft.site.pages import SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir

REP, BUYER = "rep", "buyer"
FORMS = {"terminal text": REP, "internal site": REP, "Markdown one-pager": BUYER,
         "public site": BUYER, "presenter deck": BUYER, "leave-behind": BUYER}
"""Each form measured and who reads it (as `model.outputs` has it; the same before, when the
one deck the engine made was sent as it was)."""


@dataclass(frozen=True)
class Form:
    name: str
    reader: str
    blocks: tuple[str, ...]
    """The text in reading order: one block per slide for a deck, one for a page."""
    deck: Path | None = None


@dataclass(frozen=True)
class Heard:
    """One pitch and every form it takes."""

    name: str
    """industry--problem--persona"""
    pitch: Any
    company: Any
    forms: tuple[Form, ...]


def _copies() -> list[Any]:
    """The outputs the engine makes a deck for: both copies, or its one deck (None)."""
    try:
        from pitchcraft.model.outputs import Output
    except ImportError:
        return [None]
    return [Output.PRESENTER_DECK, Output.LEAVE_BEHIND]


def _deck(pitch: Any, company: str, copy: Any, target: Path) -> Form:
    deck = build_deck(pitch, company) if copy is None else build_deck(pitch, company, copy)
    write_deck(deck, target)
    name = "leave-behind" if getattr(copy, "name", "") == "LEAVE_BEHIND" else "presenter deck"
    return Form(name, BUYER, tuple("\n".join((s.title, *s.lines, s.notes))
                                   for s in deck.slides), target)


def _cli(content_dir: Path, combination: Any, fmt: str) -> str:
    result = CliRunner().invoke(cli, [
        "pitch", "--industry", combination.industry, "--problem", combination.problem,
        "--persona", combination.persona, "--format", fmt, str(content_dir)])
    assert result.exit_code == 0, result.output
    return result.output


def _tab(markdown: str, persona: str) -> str:
    """The persona's tab of a pitch page (`=== "Name"` to the next tab)."""
    match = re.search(rf'^=== "{re.escape(persona)}"\n(.*?)(?=^=== "|\Z)', markdown,
                      re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def _pages(content: Any, audience: str, today: dt.date) -> dict[str, str]:
    site = build_site(content, SiteOptions(audience=audience), today)
    return {p.path: p.markdown for p in site_pages(site, [templates_dir()])}


def every_pitch(content_dir: Path, decks: Path, today: dt.date | None = None
                ) -> Iterator[Heard]:
    """Each industry x problem x persona with a pitch, in every form."""
    today = today or dt.date.today()
    content = load_content(content_dir)
    assert content.taxonomy is not None
    company = content.taxonomy.company
    internal, public = _pages(content, "internal", today), _pages(content, "public", today)
    decks.mkdir(parents=True, exist_ok=True)
    for combination in sorted(covered_combinations(content),
                              key=lambda c: (c.industry, c.problem, c.persona)):
        pitch = compose_pitch(content, combination, today, alternatives=0)
        if pitch is None:
            continue
        name = f"{combination.industry}--{combination.problem}--{combination.persona}"
        page = internal.get(f"pitches/{combination.industry}--{combination.problem}.md", "")
        forms = [Form("terminal text", REP, (_cli(content_dir, combination, "text"),)),
                 Form("internal site", REP, (_tab(page, pitch.persona.name),)),
                 Form("Markdown one-pager", BUYER, (_cli(content_dir, combination, "md"),))]
        card_page = public.get(f"cards/{pitch.card.id}.md")
        if card_page is not None:
            forms.append(Form("public site", BUYER, (card_page,)))
        for copy in _copies():
            target = decks / f"{name}-{getattr(copy, 'name', 'deck').lower()}.pptx"
            forms.append(_deck(pitch, company.name, copy, target))
        yield Heard(name, pitch, company, tuple(forms))


def whose_from(evidence_file: Path | None) -> dict[str, str]:
    """Evidence id -> whose, from a ledger that says it (for an older one that does not)."""
    if evidence_file is None:
        return {}
    data = yaml.safe_load(evidence_file.read_text(encoding="utf-8")) or {}
    return {e["id"]: e["whose"] for e in data.get("evidence", []) if "whose" in e}
