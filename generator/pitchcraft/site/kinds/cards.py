"""A page for each card: its teaching text, evidence, cost model and review state."""

from __future__ import annotations

from ...render.buyer_pitch import section_headline
from ..costs import CALCULATOR, card_with_spans, page_meta
from .kind import Making, PageGroup, PageKind, Reads

TEMPLATE = "site/card.md.j2"


def make(making: Making) -> None:
    site, memos = making.site, making.memos
    interval = site.taxonomy.review_interval_days
    for card in site.cards:
        if memos.take(f"cards/{card.id}.md", TEMPLATE, (card,)):
            continue
        live, figures = card_with_spans(card, site.ledger)
        memos.page(f"cards/{card.id}.md", TEMPLATE, card.title, card.summary,
                   meta={**({"tags": list(card.tags)} if card.tags else {}),
                         **page_meta(figures)} or None, card=live, made_from=(card,),
                   due=card.review_due(interval), stale=card.is_stale(interval, site.today),
                   calculator=CALCULATOR if figures else "", headline=section_headline)


KIND = PageKind(
    PageGroup("cards", "cards/"),
    {TEMPLATE: frozenset({Reads.CARD, Reads.TAXONOMY, Reads.OPTIONS, Reads.HISTORY})},
    make,
)
