"""Every deck of a content folder as LibreOffice Impress shows it, and what it tells the buyer.

    python bench/deck_render.py [CONTENT] [--out DIR]

Writes the decks of every pitch (each industry x problem x persona with a pitch; a presenter
copy and a leave-behind where the engine makes both, its one deck otherwise), converts them
in one LibreOffice run and reads each page's words with Poppler (tests/helpers/libreoffice.py),
then prints: decks and slides; slides with text off the slide; slides with text over text;
and slides or notes holding what only the rep may see: a rep-only note, an internal figure,
a step's name ("Rational drowning (3 of 7)"), the rep's next step. Names that may not exist in
an older engine are read with getattr, so the script measures before and after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.deck.slides import build_deck
from pitchcraft.load import load_content
from pitchcraft.load.rep_notes import card_notes
from pitchcraft.model import NEXT_STEP, SECTIONS, Audience
from pitchcraft.pitch import compose_pitch, covered_combinations
from pitchcraft.render.terminal_text import text_lines

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "helpers"))
from libreoffice import layout_problems, pages, to_pdf  # noqa: E402


def _copies() -> list[Any]:
    """The outputs the engine makes a deck for: both copies, or its one deck (None)."""
    try:
        from pitchcraft.model.outputs import Output
    except ImportError:
        return [None]
    return [Output.PRESENTER_DECK, Output.LEAVE_BEHIND]


def _said(slide: Any) -> str:
    return "\n".join((slide.title, *slide.lines, slide.notes))


def measure(content_dir: Path, out: Path) -> dict[str, int]:
    content = load_content(content_dir)
    assert content.taxonomy is not None
    company, today = content.taxonomy.company.name, dt.date.today()
    counts = dict.fromkeys(("decks", "slides", "off the slide", "text over text",
                            "rep note", "internal figure", "step name", "rep's next step"), 0)
    files = []
    for combination in sorted(covered_combinations(content),
                              key=lambda c: (c.industry, c.problem, c.persona)):
        pitch = compose_pitch(content, combination, today, alternatives=0)
        if pitch is None:
            continue
        notes = [line for n in card_notes(pitch.card) for line in text_lines(n.text)]
        internal = [e.claim for e in pitch.evidence if e.audience == Audience.INTERNAL]
        section = pitch.card.sections.get(NEXT_STEP)
        next_step = [line for text in (pitch.persona.next_step, section.for_buyer(
            pitch.persona.id, pitch.industry.id) if section else "") for line in text_lines(text)]
        for copy in _copies():
            deck = build_deck(pitch, company) if copy is None else build_deck(pitch, company, copy)
            name = f"{combination.industry}--{combination.problem}--{combination.persona}"
            files.append(out / f"{name}-{getattr(copy, 'name', 'deck').lower()}.pptx")
            write_deck(deck, files[-1])
            counts["decks"] += 1
            for slide in deck.slides:
                said = " ".join(_said(slide).split())
                counts["slides"] += 1
                counts["rep note"] += any(" ".join(n.split()) in said for n in notes)
                counts["internal figure"] += any(c in said for c in internal)
                counts["step name"] += slide.title in SECTIONS or bool(
                    re.search(r"\(\d+ of \d+", said))
                counts["rep's next step"] += any(" ".join(s.split()) in said for s in next_step)
    for pdf in to_pdf(files, out / "pdf"):
        for page in pages(pdf):
            problems = layout_problems(page)
            counts["off the slide"] += any("runs off the slide" in p for p in problems)
            counts["text over text"] += any(p.endswith("overlap") for p in problems)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", nargs="?", type=Path, default=REPO / "content")
    parser.add_argument("--out", type=Path, help="Keep the decks and PDFs here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        counts = measure(args.content, args.out or Path(scratch))
    for what, count in counts.items():
        print(f"{what:>16}: {count}")


if __name__ == "__main__":
    main()
