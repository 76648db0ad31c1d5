"""A `Deck` as an editable .pptx file, with python-pptx, in a company's own reference deck.

A reference deck is opened as the template, so its slide masters, layouts, theme fonts and
colours are the deck's; its own slides are removed. Each slide kind takes the first layout
named in `LAYOUTS` that the deck has (case does not matter): a company may name layouts
"Pitchcraft title", "Pitchcraft step" and so on to choose them, else PowerPoint's standard
names are used, else the first layout with a title and a body.

Every text goes through `xml_text` on its way in: the file is XML, and a title with a
character XML cannot hold would stop python-pptx (and the whole site's decks) mid-build.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..escape.xml_text import xml_text
from ..model.outputs import Output
from .layout import BODY_SIZES, TITLE_SIZES, WIDE, place, set_text
from .slides import Deck, Slide

COPY_NAMES = {Output.PRESENTER_DECK: "presenter copy", Output.LEAVE_BEHIND: "leave-behind",
              Output.PREPARATION_DECK: "preparation copy"}
"""What each copy is called in its document properties (and, in `cli.deck`, its file name)."""
COPY_SUBJECTS = {
    Output.PRESENTER_DECK: "Presenter copy: the talk track is in the speaker notes",
    Output.LEAVE_BEHIND: "Leave-behind: the slides, without speaker notes",
    Output.PREPARATION_DECK: "Preparation copy: internal figures on the last slide; not for"
                             " sending",
}

LAYOUTS = {
    "title": ("Pitchcraft title", "Title Slide"),
    "step": ("Pitchcraft step", "Title and Content", "Title and Body"),
    "evidence": ("Pitchcraft evidence", "Pitchcraft step", "Title and Content", "Title and Body"),
    "next-step": ("Pitchcraft next step", "Pitchcraft step", "Title and Content",
                  "Title and Body"),
    "internal": ("Pitchcraft step", "Title and Content", "Title and Body"),
}
_BODY_TYPES = {"BODY", "OBJECT", "SUBTITLE"}


class DeckError(ValueError):
    """A reference deck that cannot be used, said in the user's terms."""


def write_deck(deck: Deck, target: Path, reference: Path | None = None,
               author: str = "") -> None:
    """`deck` as a .pptx at `target`: 16:9 in Pitchcraft's own look, or the reference deck's
    size and layouts; every text sized to fit its box (`fit`); speaker notes only where the
    output has them (a leave-behind has none)."""
    presentation = _open(reference)
    own_look = reference is None
    if own_look:
        presentation.slide_width, presentation.slide_height = WIDE
    _drop_slides(presentation)
    for slide in deck.slides:
        made = presentation.slides.add_slide(_layout(presentation, slide.kind))
        if own_look:
            place(made, slide.kind)
        _fill(made, slide)
        if deck.output.rule.speaker_notes and slide.notes:
            made.notes_slide.notes_text_frame.text = xml_text(slide.notes)
    copy = COPY_NAMES[deck.output]
    properties = presentation.core_properties
    properties.title = xml_text(f"{deck.title or deck.name} ({copy})")
    properties.subject = xml_text(COPY_SUBJECTS[deck.output])
    properties.category = properties.keywords = copy
    properties.author = properties.last_modified_by = xml_text(author)
    target.parent.mkdir(parents=True, exist_ok=True)
    presentation.save(str(target))


def _open(reference: Path | None) -> Any:
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    from .reference_deck import ReferenceDeckError, template

    if reference is None:
        return Presentation()
    try:
        return Presentation(template(reference))
    except ReferenceDeckError as exc:
        raise DeckError(str(exc)) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DeckError(f"{reference}: not a PowerPoint deck that can be a reference ({exc});"
                        " save it from PowerPoint as .pptx (not .potx or .ppt)") from None


def _drop_slides(presentation: Any) -> None:
    """The reference deck's own slides are examples of its look, not part of the pitch."""
    listed = presentation.slides._sldIdLst
    for entry in list(listed):
        presentation.part.drop_rel(entry.rId)
        listed.remove(entry)


def _layout(presentation: Any, kind: str) -> Any:
    layouts = list(presentation.slide_layouts)
    by_name = {layout.name.casefold(): layout for layout in layouts}
    for name in LAYOUTS[kind]:
        if name.casefold() in by_name:
            return by_name[name.casefold()]
    if kind == "title":
        return layouts[0]
    with_body = [layout for layout in layouts
                 if any(_is_body(p) for p in layout.placeholders)
                 and any(p.placeholder_format.type.name.endswith("TITLE")
                         for p in layout.placeholders)]
    return (with_body or layouts)[0]


def _is_body(placeholder: Any) -> bool:
    return placeholder.placeholder_format.idx != 0 and \
        placeholder.placeholder_format.type.name in _BODY_TYPES


def _fill(made: Any, slide: Slide) -> None:
    if made.shapes.title is not None:
        set_text(made.shapes.title, (slide.title,), TITLE_SIZES, bullets=False)
    bodies = [p for p in made.placeholders if _is_body(p)]
    for extra in bodies[1:]:  # a second body would say "Click to add text"
        extra._element.getparent().remove(extra._element)
    if not slide.lines:
        for body in bodies[:1]:
            body._element.getparent().remove(body._element)
        return
    if bodies:
        set_text(bodies[0], slide.lines, BODY_SIZES, bullets=slide.kind != "title")
        return
    # a layout with a title only: the lines go in a box below it
    width, height = _slide_size(made)
    box = made.shapes.add_textbox(width // 12, height // 4, width * 10 // 12, height * 2 // 3)
    lines = slide.lines if made.shapes.title is not None else (slide.title, *slide.lines)
    set_text(box, lines, BODY_SIZES, bullets=False)


def _slide_size(made: Any) -> tuple[int, int]:
    presentation = made.part.package.presentation_part.presentation
    return presentation.slide_width, presentation.slide_height
