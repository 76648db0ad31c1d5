"""Where a slide's text goes and at what size: the deck's own 16:9 geometry, and text set to fit.

Without a reference deck, python-pptx's built-in template is used at 16:9, and its
placeholders (drawn for 4:3) are placed here. With one, each placeholder keeps the geometry
of the company's layout. Either way each text is set at the largest size that `fit` finds
fits its box, on every run, with autofit off: a client that shrinks or grows text on its own
(LibreOffice does, PowerPoint only after an edit) would otherwise lay out what was measured
differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..escape.xml_text import xml_text
from .fit import EMU_PER_POINT, Box, fitted

EMU_PER_INCH = 914400
WIDE = (int(13.333 * EMU_PER_INCH), int(7.5 * EMU_PER_INCH))
"""16:9, the size PowerPoint, Keynote and Google Slides start a deck at."""
TITLE_SIZES = (40, 36, 32, 30, 28, 26, 24, 22, 20, 18)
BODY_SIZES = (28, 26, 24, 22, 20, 18, 16, 14, 12)
_INSET = 0.1 * 72 * 2
"""A text frame's left and right insets together, in points (python-pptx's default)."""
_BULLET_INDENT = 36.0
"""Room a bulleted paragraph's indent takes, in points (the template's is 27)."""

_INCH = EMU_PER_INCH
_PLACES = {
    # kind -> (title box, body box) as (left, top, width, height) in inches on 13.333 x 7.5
    "title": ((0.9, 1.5, 11.53, 2.3), (0.9, 4.1, 11.53, 2.6)),
    "step": ((0.6, 0.3, 12.13, 1.5), (0.6, 2.0, 12.13, 5.0)),
}


def place(made: Any, kind: str) -> None:
    """Put a slide's title and first body placeholder where the deck's own look has them."""
    title_box, body_box = _PLACES["title" if kind == "title" else "step"]
    placeholders = list(made.placeholders)
    title = made.shapes.title
    body = next((p for p in placeholders if p.placeholder_format.idx != 0), None)
    for shape, box in ((title, title_box), (body, body_box)):
        if shape is not None:
            shape.left, shape.top, shape.width, shape.height = (int(v * _INCH) for v in box)


def box_of(shape: Any, bullets: bool) -> Box:
    """The room text has in `shape`, in points, after insets and any bullet indent."""
    width = shape.width / EMU_PER_POINT - _INSET - (_BULLET_INDENT if bullets else 0)
    height = shape.height / EMU_PER_POINT - 7.2
    return Box(max(width, 1.0), max(height, 1.0))


def set_text(shape: Any, paragraphs: Sequence[str], sizes: Sequence[int],
             bullets: bool) -> None:
    """`paragraphs` in `shape`, at the largest of `sizes` that fits (dropping trailing
    paragraphs that cannot fit even at the smallest)."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    kept, size = fitted(paragraphs, box_of(shape, bullets), sizes)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.text = ""
    for index, line in enumerate(kept):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = xml_text(line)
        for run in paragraph.runs:
            run.font.size = Pt(size)
