"""The coverage page: which industry and problem pairs have cards, and the gaps. Team only."""

from __future__ import annotations

from .kind import Making, PageGroup, PageKind, Reads


def make(making: Making) -> None:
    making.memos.page("coverage.md", "site/coverage.md.j2", "Coverage",
                      "Which industry and problem pairs have insight cards, and the gaps.",
                      meta={"search": {"exclude": True}})


KIND = PageKind(
    PageGroup("coverage", "coverage.md", ("Coverage", "coverage.md"), internal=True),
    {"site/coverage.md.j2": frozenset({Reads.SITE, Reads.TAXONOMY, Reads.OPTIONS})},
    make,
)
