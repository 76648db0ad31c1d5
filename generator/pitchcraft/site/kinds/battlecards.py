"""A battlecard page per alternative (the buyer's other choices), and their index. Team only:
alternatives never reach a public build."""

from __future__ import annotations

from .kind import Making, PageGroup, PageKind, Reads

TEMPLATE = "site/battlecard.md.j2"
INDEX = "site/battlecards.md.j2"


def make(making: Making) -> None:
    site, memos = making.site, making.memos
    cards = site.battlecards
    memos.page("battlecards/index.md", INDEX, "Battlecards",
               "The buyer's other choices: where each card wins and loses against them.",
               meta={"search": {"exclude": True}}, battlecards=cards)
    for card in cards:
        alternative = card.alternative
        memos.page(card.path, TEMPLATE, alternative.name, alternative.description,
                   meta={"search": {"boost": 1.5}}, battlecard=card)


KIND = PageKind(
    PageGroup("battlecards", "battlecards/", ("Battlecards", "battlecards/index.md"),
              internal=True),
    # the cards a battlecard lists are its context (`site.battlecards`), compared each build
    {TEMPLATE: frozenset({Reads.CARD, Reads.TAXONOMY, Reads.OPTIONS, Reads.HISTORY}),
     INDEX: frozenset({Reads.CARD, Reads.TAXONOMY, Reads.OPTIONS})},
    make,
    shown=lambda site: not site.public,  # also when a caller builds every group for buyers
)
