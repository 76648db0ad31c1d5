"""Where a pitch's deck is on the site: the one definition for the page's link and the file."""

from __future__ import annotations

from ..pitch import Pitch

FOLDER = "decks"


def deck_name(pitch: Pitch) -> str:
    """The file's stem: industry--problem--persona."""
    return f"{pitch.industry.id}--{pitch.problem.id}--{pitch.persona.id}"


def deck_href(pitch: Pitch) -> str:
    """The deck's address relative to its pitch page (`pitches/<industry>--<problem>/`)."""
    return f"../../{FOLDER}/{deck_name(pitch)}.pptx"
