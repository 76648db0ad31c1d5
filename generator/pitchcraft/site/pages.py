"""The pages of the published site, as Markdown, from loaded content.

This module decides what exists on the site and for whom; the MkDocs plugin only hands the
result to MkDocs. Drafts, retired cards and, for a public build, internal cards never reach
these pages, so nothing downstream (search index, sitemap) can leak them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import field as default
from functools import cached_property
from pathlib import Path

from ..changes.history import ChangeLog
from ..changes.site_view import change_files, change_globals
from ..deck.paths import deck_href
from ..load.rep_notes import buyer_text
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
from ..pitch.summary import Summary, summarize
from ..render.templates import environment
from ..shared import forget_gone, kept_for, paused_cycle_collection
from .audience import visible_cards
from .costs import CALCULATOR, card_with_spans, page_meta, pitch_page_figures, plain_text
from .finder import finder_data
from .page_groups import INTERNAL, PAGE_GROUPS, PUBLIC, left_out
from .page_head import markdown_text
from .page_memo import PageMemo
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
    return Site(content.taxonomy, cards, {k: tuple(v) for k, v in pitches.items()},
                options, today, content.ledger)


def _as_published(card: Card) -> Card:
    return replace(card, status=Status.PUBLISHED)


def _summary(pitch: Pitch, memo: dict) -> Summary:
    """`summarize`, kept for the very pitch object it was made from: a save recomposes only
    the pitches it touched (`incremental.PitchMemo`), and the summaries of the rest are most
    of the time a save spends listing pages."""
    return kept_for(memo, pitch, lambda: summarize(pitch), "summary")


def site_pages(site: Site, template_dirs: list, memo: dict | None = None,
               emit: Callable[[Page], None] | None = None, texts: bool = True) -> list[Page]:
    """`memo`, kept between builds by `mkdocs serve` and cleared when the taxonomy, the day
    or the options change, holds the template environment and each page's inputs and text:
    a page whose inputs are equal to last time's is not rendered again. `emit` and `texts`:
    see `PageMemo`."""
    memo = {} if memo is None else memo
    dirs = tuple(template_dirs)
    if memo.get("env", (None,))[0] != dirs:
        memo.clear()
        memo["env"] = (dirs, environment(template_dirs))
    env = memo["env"][1]
    packaged = Path(dirs[-1]) if dirs else Path()
    env.globals.update(site=site, taxonomy=site.taxonomy, tab_anchor=tab_anchor,
                       deck_href=deck_href if site.options.decks else None,
                       pitch_path=pitch_path, drafts=site.options.drafts, scorecard=scorecard,
                       steps=STEPS, teaching=TEACHING, factors=FACTORS,
                       link=lambda text, target: _link(text, target, site.options.groups),
                       names=lambda kind, ids: _names(site.taxonomy, kind, ids))
    env.filters["md_text"] = markdown_text
    env.globals.update(change_globals(site))
    groups = site.options.groups
    memos = PageMemo(memo, env, packaged, Page, emit, texts)
    page, pages = memos.page, memos.pages
    lines = memo.setdefault("card lines", {})
    summaries = memo.setdefault("summaries", {})

    def card_line(card: Card) -> str:
        """A card's entry in a listing, made once for each card object: a save changes a
        few cards, and a persona's page lists thousands."""
        return kept_for(lines, card, lambda: f"- {_link(card.title, f'cards/{card.id}.md', groups)}"
                                             f": {card.summary}")

    if "home" in groups:
        finder = finder_data(site)
        company = site.taxonomy.company.name
        page("index.md", "site/home.md.j2", "Home",
             f"{company} teaching pitches: find the pitch for your next meeting by industry,"
             " problem and persona.", heading=f"{company} teaching pitches",
             finder_json=json.dumps(finder, sort_keys=True))
    for kind, one, items in (("industries", "industry", site.taxonomy.industries),
                             ("problems", "problem", site.taxonomy.problems),
                             ("personas", "persona", site.taxonomy.personas)):
        if kind not in groups:
            continue
        page(f"{kind}/index.md", "site/index.md.j2", kind.capitalize(),
             f"Insight cards and pitches by {one}.", meta={"search": {"exclude": True}},
             kind=kind, items=items)
        for item in items:
            cards = site.cards_for(kind, item.id)
            page(f"{kind}/{item.id}.md", "site/item.md.j2", item.name, item.description,
                 meta={"search": {"boost": 0.5}}, unread={"cards": cards},
                 kind=kind, item=item, card_lines=tuple(card_line(c) for c in cards),
                 pitches=site.pitches_for(kind, item.id))
    forget_gone(lines, site.cards)
    if "cards" in groups:
        interval = site.taxonomy.review_interval_days
        for card in site.cards:
            if memos.take(f"cards/{card.id}.md", "site/card.md.j2", (card,)):
                continue
            live, figures = card_with_spans(card, site.ledger)
            page(f"cards/{card.id}.md", "site/card.md.j2", card.title, card.summary,
                 meta={**({"tags": list(card.tags)} if card.tags else {}),
                       **page_meta(figures)} or None, card=live, made_from=(card,),
                 due=card.review_due(interval), stale=card.is_stale(interval, site.today),
                 calculator=CALCULATOR if figures else "")
    if "pitches" in groups:
        for (industry, problem), composed in site.pitches.items():
            if memos.take(pitch_path(industry, problem), "site/pitch_page.md.j2",
                          tuple(composed)):
                continue
            pitches, figures = pitch_page_figures(composed)
            first = pitches[0]
            page(pitch_path(industry, problem), "site/pitch_page.md.j2",
                 f"{first.industry.name}: {first.problem.name}",
                 _first_sentence(plain_text(first.steps[1].text)), meta={
                     "search": {"boost": 2},
                     "hide": ["toc"],  # one table of contents per persona tab is noise
                     "tags": sorted({t for p in pitches for t in p.card.tags}),
                     **page_meta(figures),
                 }, pitches=pitches, industry=first.industry, problem=first.problem,
                 summaries={p.persona.id: _summary(p, summaries) for p in pitches},
                 summary=_first_sentence(plain_text(first.steps[1].text)),
                 calculator=CALCULATOR if figures else "", made_from=tuple(composed))
    if "coverage" in groups:
        page("coverage.md", "site/coverage.md.j2", "Coverage",
             "Which industry and problem pairs have insight cards, and the gaps.",
             meta={"search": {"exclude": True}})
    if "changes" in groups and site.options.changes is not None:
        page("changes/index.md", "site/changes.md.j2", "Changes",
             "What changed in the pitches and cards, newest first.",
             meta={"search": {"exclude": True}})
        for feed in change_files(env.globals["changes"], site.taxonomy):
            memos.add(Page(*feed))
    forget_gone(summaries, [p for composed in site.pitches.values() for p in composed])
    memos.forget_unseen()
    return pages


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


def _first_sentence(markdown: str) -> str:
    text = " ".join(buyer_text(markdown).split())
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]
