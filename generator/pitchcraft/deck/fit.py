"""How large a slide's text may be set so that it stays inside its box, in any client.

PowerPoint shrinks text to fit only once someone edits it, and LibreOffice substitutes its own
fonts for a theme's (Calibri becomes Carlito or DejaVu Sans), so a deck cannot rely on the
client to make text fit. Each text is wrapped here word by word with the advance widths of
DejaVu Sans Bold, the widest of the fonts a client falls back to, and given the largest size
at which its lines, at `LINE_HEIGHT` and with `PARAGRAPH_GAP` between paragraphs, fill no
more than its box: in the buyer's own font it then takes less room, never more.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

_ASCII_WIDTHS = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
    830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
    774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
    582, 712, 365, 712, 838,
)
"""DejaVu Sans Bold advance widths of ' ' to '~', in thousandths of an em."""
_OTHER_WIDTH = 1000
"""Any other character (accented letters, dashes, currency signs): a full em, to be safe."""
LINE_HEIGHT = 1.25
"""A line's height in ems: DejaVu's ascent and descent (1.16) with room to spare."""
PARAGRAPH_GAP = 0.35
"""Space before each paragraph after the first, in ems (templates add 10-20% of a line)."""
POINTS_PER_INCH = 72
EMU_PER_POINT = 12700


@dataclass(frozen=True)
class Box:
    """Where text may go, in points, after the frame's insets and any bullet indent."""

    width: float
    height: float


def text_width(text: str, size: float) -> float:
    """The width of `text` set at `size` points, in points."""
    units = sum(_ASCII_WIDTHS[ord(c) - 32] if " " <= c <= "~" else _OTHER_WIDTH for c in text)
    return units * size / 1000


def line_count(paragraph: str, size: float, width: float) -> int:
    """Lines `paragraph` wraps to at `size` in a box `width` points wide, word by word."""
    lines, current = 1, 0.0
    space = text_width(" ", size)
    for word in paragraph.split():
        wide = text_width(word, size)
        if wide > width:  # a word wider than the box is broken across lines
            lines += (0 if current == 0 else 1) + math.ceil(wide / width) - 1
            current = wide % width
        elif current == 0:
            current = wide
        elif current + space + wide <= width:
            current += space + wide
        else:
            lines, current = lines + 1, wide
    return lines


def height(paragraphs: Sequence[str], size: float, width: float) -> float:
    """The height in points of `paragraphs` set at `size` in a box `width` points wide."""
    if not paragraphs:
        return 0.0
    lines = sum(line_count(p, size, width) for p in paragraphs)
    return size * (lines * LINE_HEIGHT + PARAGRAPH_GAP * (len(paragraphs) - 1))


def fits(paragraphs: Sequence[str], size: float, box: Box) -> bool:
    return height(paragraphs, size, box.width) <= box.height


def largest_size(paragraphs: Sequence[str], box: Box, sizes: Sequence[int]) -> int | None:
    """The first of `sizes` (largest first) at which `paragraphs` fit `box`; None if none."""
    return next((s for s in sizes if fits(paragraphs, s, box)), None)


def fitted(paragraphs: Sequence[str], box: Box, sizes: Sequence[int]
           ) -> tuple[tuple[str, ...], int]:
    """The paragraphs that fit `box` and their size: all of them at the largest size that
    fits, else as many from the start as fit at the smallest (a key line left off a slide is
    still said, from the notes). At least the first, at the smallest size."""
    kept = tuple(paragraphs)
    while kept:
        size = largest_size(kept, box, sizes)
        if size is not None:
            return kept, size
        if len(kept) == 1:
            break
        kept = kept[:-1]
    return kept, sizes[-1]
