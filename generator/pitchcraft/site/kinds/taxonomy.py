"""The pages of the taxonomy: an index of industries, problems or personas, and a page for
each with its cards and pitches. One module for the three kinds, which differ only in the
taxonomy list they show."""

from __future__ import annotations

from ...model import Card
from ...shared import forget_gone, kept_for
from .kind import Making, PageGroup, PageKind, Reads

TEMPLATES = {
    "site/index.md.j2": frozenset({Reads.SITE}),
    "site/item.md.j2": frozenset({Reads.TAXONOMY, Reads.OPTIONS}),
}


def _maker(kind: str, one: str):  # type: ignore[no-untyped-def]
    def make(making: Making) -> None:
        site, memos = making.site, making.memos
        items = getattr(site.taxonomy, kind)
        lines = making.kept.setdefault("card lines", {})

        def card_line(card: Card) -> str:
            """A card's entry in a listing, made once for each card object: a save changes a
            few cards, and a persona's page lists thousands."""
            def line() -> str:
                return f"- {making.link(card.title, f'cards/{card.id}.md')}: {card.summary}"

            return kept_for(lines, card, line)

        memos.page(f"{kind}/index.md", "site/index.md.j2", kind.capitalize(),
                   f"Insight cards and pitches by {one}.", meta={"search": {"exclude": True}},
                   kind=kind, items=items)
        for item in items:
            cards = site.cards_for(kind, item.id)
            memos.page(f"{kind}/{item.id}.md", "site/item.md.j2", item.name, item.description,
                       meta={"search": {"boost": 0.5}}, unread={"cards": cards},
                       kind=kind, item=item, card_lines=tuple(card_line(c) for c in cards),
                       pitches=site.pitches_for(kind, item.id))
        forget_gone(lines, site.cards)

    return make


def _kind(kind: str, one: str) -> PageKind:
    return PageKind(PageGroup(kind, f"{kind}/", (kind.capitalize(), f"{kind}/index.md")),
                    TEMPLATES, _maker(kind, one))


INDUSTRIES = _kind("industries", "industry")
PROBLEMS = _kind("problems", "problem")
PERSONAS = _kind("personas", "persona")
