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
from .slides import Deck, Slide

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
    presentation = _open(reference)
    _drop_slides(presentation)
    for slide in deck.slides:
        made = presentation.slides.add_slide(_layout(presentation, slide.kind))
        _fill(made, slide)
        made.notes_slide.notes_text_frame.text = xml_text(slide.notes)
    properties = presentation.core_properties
    properties.title = xml_text(deck.slides[0].title if deck.slides else deck.name)
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
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Emu

    if made.shapes.title is not None:
        made.shapes.title.text = xml_text(slide.title)
    bodies = [p for p in made.placeholders if _is_body(p)]
    if not slide.lines:  # an empty placeholder would say "Click to add text"
        for body in bodies:
            body._element.getparent().remove(body._element)
        return
    if bodies:
        frame = bodies[0].text_frame
    else:  # a layout with a title only: the lines go in a box below it
        width, height = made.part.package.presentation_part.presentation.slide_width, \
            made.part.package.presentation_part.presentation.slide_height
        box = made.shapes.add_textbox(Emu(width // 12), Emu(height // 4),
                                      Emu(width * 10 // 12), Emu(height * 2 // 3))
        frame = box.text_frame
        frame.word_wrap = True
        if made.shapes.title is None:
            frame.text = xml_text(slide.title)
            frame.add_paragraph()
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    first = not frame.text
    for line in slide.lines:
        paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
        paragraph.text = xml_text(line)
        first = False
