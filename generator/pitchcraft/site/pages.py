"""The pages of the published site, as Markdown, from loaded content.

This module decides what exists on the site and for whom; the MkDocs plugin only hands the
result to MkDocs. Drafts, retired cards and, for a public build, internal cards never reach
these pages, so nothing downstream (search index, sitemap) can leak them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as default
from functools import cached_property
from pathlib import Path

from ..changes.history import ChangeLog
from ..changes.site_view import change_globals
from ..deck.paths import deck_href
from ..model import (
    FACTORS,
    STEPS,
    TEACHING,
    Card,
    Content,
    Evidence,
    Item,
    Status,
    Taxonomy,
)
from ..pitch import (
    CardIndex,
    Pitch,
    compose_pitch,
    covered_combinations,
    scorecard,
)
from ..render.templates import environment
from ..shared import paused_cycle_collection
from .audience import visible_cards, visible_taxonomy
from .battlecards import Battlecard, battlecards
from .kinds import registry
from .kinds.kind import Making, PageKind
from .page_groups import INTERNAL, PAGE_GROUPS, PUBLIC, left_out
from .page_head import markdown_text
from .page_memo import PageMemo
from .search_facets import freshness
from .urls import pitch_path, tab_anchor


@dataclass(frozen=True)
class Page:
    path: str
    """Path under the docs folder, e.g. `cards/late-payers.md`."""
    markdown: str


@dataclass(frozen=True)
class SiteOptions:
    audience: str = INTERNAL
    drafts: bool = False
    groups: tuple[str, ...] = PAGE_GROUPS
    decks: bool = False
    """Offer each persona's PowerPoint deck on the pitch page (written by `site.decks`)."""
    changes: ChangeLog | None = None
    """Recent content changes (the `changes` option); None: no Changes page or feeds."""


@dataclass(frozen=True)
class Site:
    """What one build shows: the visible cards and the pitches composed from them."""

    taxonomy: Taxonomy
    cards: tuple[Card, ...]
    pitches: dict[tuple[str, str], tuple[Pitch, ...]]
    """(industry, problem) -> one pitch per persona, in taxonomy order."""
    options: SiteOptions
    today: dt.date
    ledger: dict[str, Evidence] = default(default_factory=dict)
    """For the cost models' ledger figures."""

    @property
    def public(self) -> bool:
        return self.options.audience == PUBLIC

    @cached_property
    def battlecards(self) -> tuple[Battlecard, ...]:
        """One per alternative, from the cards this site shows (none on a public site)."""
        return battlecards(self.taxonomy, self.cards, self.today)

    def cards_for(self, kind: str, item_id: str) -> list[Card]:
        if kind == "industries":
            return self._cards_by("industry", item_id)
        if kind in ("problems", "personas"):
            return self._cards_by(kind, item_id)
        return [c for c in self.cards if item_id in getattr(c, kind)]

    def cards_serving(self, industry: str, problem: str) -> list[Card]:
        return [c for c in self._cards_by("industry", industry) if problem in c.problems]

    def pitches_for(self, kind: str, item_id: str) -> list[tuple[str, str]]:
        """(industry, problem) pitch pages that concern a taxonomy item."""
        kind = kind if kind in ("industries", "personas") else "problems"
        return list(self._pitch_index.get((kind, item_id), ()))

    def _cards_by(self, field: str, item_id: str) -> list[Card]:
        """Cards listing `item_id` in `field`, in card order. A card for all industries fits
        every industry, also one the taxonomy does not list: those are found by a scan."""
        if field == "industry" and item_id not in self._indexed_industries:
            return [c for c in self.cards if c.fits_industry(item_id)]
        return list(self._card_index.get((field, item_id), ()))

    @cached_property
    def _indexed_industries(self) -> frozenset[str]:
        return frozenset(i.id for i in self.taxonomy.industries)

    @cached_property
    def _card_index(self) -> dict[tuple[str, str], list[Card]]:
        """(field, id) -> cards, built once: pages ask per taxonomy item and per pair, and a
        scan of every card for each would grow with the square of the content."""
        index: dict[tuple[str, str], list[Card]] = {}
        industries = [i.id for i in self.taxonomy.industries]
        for card in self.cards:
            fits = industries if card.all_industries else card.industries
            for field, ids in (("industry", fits), ("problems", card.problems),
                               ("personas", card.personas)):
                for item_id in dict.fromkeys(ids):
                    index.setdefault((field, item_id), []).append(card)
        return index

    @cached_property
    def _pitch_index(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for key, pitches in self.pitches.items():
            index.setdefault(("industries", key[0]), []).append(key)
            index.setdefault(("problems", key[1]), []).append(key)
            for persona in dict.fromkeys(p.persona.id for p in pitches):
                index.setdefault(("personas", persona), []).append(key)
        return index


def build_site(content: Content, options: SiteOptions, today: dt.date,
               compose: Callable[..., Pitch | None] = compose_pitch,
               views: dict | None = None) -> Site:
    """`compose` makes one pitch and `views` keeps the audience's view of each card;
    `mkdocs serve` passes ones that remember unchanged pitches and cards."""
    if content.taxonomy is None:
        raise ValueError("content without a taxonomy cannot be published")
    cards = visible_cards(content, options, views)
    # A drafts preview pitches drafts too; a public site has no pitches at all.
    shown = Content(content.root, content.taxonomy, content.ledger,
                    tuple(c if c.published else _as_published(c) for c in cards),
                    content.findings)
    pitches: dict[tuple[str, str], list[Pitch]] = {}
    if options.audience != PUBLIC:
        index = CardIndex(shown.cards)
        with paused_cycle_collection():  # thousands of pitches, no reference cycles
            for combination in covered_combinations(shown):
                pitch = compose(shown, combination, today, index, live=True)
                if pitch is not None:
                    pitches.setdefault((combination.industry, combination.problem),
                                       []).append(pitch)
    return Site(visible_taxonomy(content.taxonomy, options), cards,
                {k: tuple(v) for k, v in pitches.items()},
                options, today, content.ledger)


def _as_published(card: Card) -> Card:
    return replace(card, status=Status.PUBLISHED)


def site_pages(site: Site, template_dirs: list, memo: dict | None = None,
               emit: Callable[[Page], None] | None = None, texts: bool = True,
               kinds: Sequence[PageKind] | None = None) -> list[Page]:
    """The pages of every page kind the site's options build, in the registry's order
    (`kinds.registry.KINDS`; `kinds` replaces it). `memo`, kept between builds by a preview
    and cleared when the taxonomy, the day or the options change, holds the template
    environment and each page's inputs and text: a page whose inputs are equal to last time's
    is not rendered again, when what its template reads allows (`kinds.kind.reusable`).
    `emit` and `texts`: see `PageMemo`."""
    kinds = registry.KINDS if kinds is None else kinds
    memo = {} if memo is None else memo
    dirs = tuple(template_dirs)
    if memo.get("env", (None,))[0] != dirs:
        memo.clear()
        memo["env"] = (dirs, environment(template_dirs))
    env = memo["env"][1]
    packaged = Path(dirs[-1]) if dirs else Path()
    groups = site.options.groups
    env.globals.update(site=site, taxonomy=site.taxonomy, tab_anchor=tab_anchor,
                       deck_href=deck_href if site.options.decks else None,
                       pitch_path=pitch_path, drafts=site.options.drafts,
                       scorecard=lambda card: scorecard(
                           card, None if site.public else site.taxonomy),
                       steps=STEPS, teaching=TEACHING, factors=FACTORS,
                       link=lambda text, target: _link(text, target, groups),
                       names=lambda kind, ids: _names(site.taxonomy, kind, ids),
                       freshness=lambda items: freshness(
                           items, site.taxonomy.review_interval_days, site.today))
    env.filters["md_text"] = markdown_text
    env.globals.update(change_globals(site))
    reads: dict = {}
    for kind in kinds:  # a template two kinds share reads what either says
        for name, read in kind.templates.items():
            reads[name] = reads.get(name, frozenset()) | read
    memos = PageMemo(memo, env, packaged, Page, reads, emit, texts)
    making = Making(site, memos, env, lambda text, target: _link(text, target, groups), memo)
    for kind in kinds:
        if kind.group.name in groups and kind.shown(site):
            kind.make(making)
    memos.forget_unseen()
    return memos.pages


def _link(text: str, target: str, groups: tuple[str, ...]) -> str:
    """A Markdown link to a page of the site, or the bare text when the build leaves that
    page group out (the `pages` option), so a smaller site has no broken links."""
    if left_out(target, groups):
        return markdown_text(text)
    return f"[{markdown_text(text)}](/{target})"


def _names(taxonomy: Taxonomy, kind: str, ids: tuple[str, ...]) -> list[str]:
    """Display names for taxonomy ids, in taxonomy order; 'all' industries means every one."""
    items: tuple[Item, ...] = getattr(taxonomy, kind)
    return [i.name for i in items if i.id in ids or (ids == ("all",) and kind == "industries")]
