"""Every page kind of the site, in the order of its nav and its build: a new kind is a module
in this folder and one entry here."""

from __future__ import annotations

from . import battlecards, cards, changes, coverage, home, pitches, taxonomy
from .kind import PageKind

KINDS: tuple[PageKind, ...] = (
    home.KIND,
    taxonomy.INDUSTRIES,
    taxonomy.PROBLEMS,
    taxonomy.PERSONAS,
    cards.KIND,
    pitches.KIND,
    battlecards.KIND,
    coverage.KIND,
    changes.KIND,
)
