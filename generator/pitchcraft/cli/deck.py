"""`pitchcraft deck`: one pitch as editable PowerPoint decks: a presenter copy a rep presents
from (the talk track in the speaker notes) and a leave-behind to send (no notes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..model.outputs import Output
from ..pitch import Combination, compose_pitch
from .common import CONTENT_DIR, load_for_buyer, require_usable_inputs
from .common import resolve as _resolve

if TYPE_CHECKING:
    from ..deck.slides import Deck


@click.command()
@click.option("--industry", required=True, help="Industry id from the taxonomy.")
@click.option("--problem", required=True, help="Customer problem id.")
@click.option("--persona", required=True, help="Persona id: who you are meeting.")
@click.option("--card", "card_id", help="Use this card, not the best-ranked one.")
@click.option("--inputs", default="", metavar="QUERY",
              help="The buyer's numbers for the card's cost model, as in the page's link:"
                   " 'annual_spend=2500000'. Default: the card's defaults.")
@click.option("--reference-deck", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .pptx of your company's: its layouts, fonts and colours are used.")
@click.option("--internal", is_flag=True,
              help="Also write a preparation copy: the presenter copy with internal evidence"
                   " on a last slide titled 'Internal — remove before sending'. The presenter"
                   " copy and the leave-behind hold only what a buyer may see.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where the decks go: '-o acme.pptx' writes acme-presenter.pptx and"
                   " acme-leave-behind.pptx beside each other.")
@CONTENT_DIR
def deck(industry: str, problem: str, persona: str, card_id: str | None, inputs: str,
         reference_deck: Path | None, internal: bool, output: Path, content_dir: Path) -> None:
    """Write the tailored teaching pitch as PowerPoint decks: a presenter copy (a slide per
    step, the talk track in the speaker notes) and a leave-behind (the same slides, no
    notes)."""
    from ..deck.pptx_file import COPY_NAMES, DeckError
    from ..deck.slides import build_deck

    content = load_for_buyer(content_dir, industry, problem, persona)
    taxonomy = content.taxonomy
    assert taxonomy is not None  # load_for_buyer exits otherwise
    if card_id is not None:
        _resolve("card", card_id, [c.id for c in content.published_cards])
        content = dataclasses.replace(
            content, cards=tuple(c for c in content.cards if c.id == card_id))
    pitch = compose_pitch(content, Combination(industry, problem, persona), dt.date.today(),
                          inputs=inputs)
    if pitch is None:
        which = f"card '{card_id}' does not cover" if card_id else "no published card covers"
        click.echo(f"{which} {industry} x {problem} x {persona}; `pitchcraft pitch` shows the"
                   " nearest covered combinations.", err=True)
        raise SystemExit(1)
    require_usable_inputs(pitch, inputs)
    company = taxonomy.company.name
    try:
        written = write_copies(lambda copy: build_deck(pitch, company, copy), output, company,
                               reference_deck, internal)
    except DeckError as exc:
        raise click.BadParameter(str(exc), param_hint="--reference-deck") from None
    for copy, target in written:
        click.echo(f"{COPY_NAMES[copy]} written to {target}")


def write_copies(make: Callable[[Output], Deck], output: Path, author: str,
                 reference: Path | None = None, internal: bool = False
                 ) -> list[tuple[Output, Path]]:
    """Every copy of one deck (`make` builds it for a copy) beside `output`: the presenter
    copy and the leave-behind, and the preparation copy when `internal`. `deck` and `prep`
    both write decks through here, so their copies and file names are the same."""
    from ..deck.pptx_file import COPY_NAMES, write_deck

    written = []
    for copy in (Output.PRESENTER_DECK, Output.LEAVE_BEHIND,
                 *([Output.PREPARATION_DECK] if internal else [])):
        target = copy_path(output, COPY_NAMES[copy])
        write_deck(make(copy), target, reference, author=author)
        written.append((copy, target))
    return written


def copy_path(output: Path, copy: str) -> Path:
    """'acme.pptx' and 'presenter copy' -> 'acme-presenter.pptx'."""
    stem = output.stem if output.suffix.casefold() == ".pptx" else output.name
    return output.with_name(f"{stem}-{copy.removesuffix(' copy').replace(' ', '-')}.pptx")
