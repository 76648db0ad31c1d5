"""The filters the search box narrows by, as a generated page carries them: each page's kind,
industries, problems, personas and freshness reach Pagefind through the page's Markdown,
rendered and sanitised as every engine renders it, whatever the taxonomy's names hold."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser

import markdown
import pytest

from builders import DEMO, FRONT, TAXONOMY, TODAY, ContentFolder
from findings import edit
from pitchcraft.load import load_content
from pitchcraft.load.extensions import EXTENSIONS
from pitchcraft.model import Card
from pitchcraft.site import search_facets as facets
from pitchcraft.site.pages import INTERNAL, PUBLIC, SiteOptions, build_site, site_pages
from pitchcraft.site.sanitize import clean_html
from pitchcraft.site.urls import pitch_path
from pitchcraft.theme_files import templates_dir


class _Pagefind(HTMLParser):
    """What Pagefind reads from a page: each filter's and meta's values (an element's text),
    the weight of each weighted element's text, and whether the facets are kept out of the
    indexed text."""

    def __init__(self) -> None:
        super().__init__()
        self.filters: dict[str, list[str]] = {}
        self.meta: dict[str, str] = {}
        self.weights: dict[str, str] = {}
        self.ignored = False
        self._open: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "data-pagefind-ignore" in found:
            self.ignored = True
        for name in ("data-pagefind-filter", "data-pagefind-meta", "data-pagefind-weight"):
            if name in found:
                self._open.append((tag, name, found[name] or ""))
                self._text = ""
                return

    def handle_data(self, data):
        if self._open:
            self._text += data

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _, name, value = self._open.pop()
            if name == "data-pagefind-filter":
                self.filters.setdefault(value, []).append(self._text)
            elif name == "data-pagefind-meta":
                self.meta[value] = self._text
            else:
                self.weights[self._text] = value


def _read(page_markdown: str) -> _Pagefind:
    """The page as a built site serves it: Markdown with the site's extensions, then the
    sanitiser, then read as Pagefind reads attributes."""
    body = page_markdown.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=list(EXTENSIONS),
                             extension_configs={k: v for k, v in EXTENSIONS.items() if v})
    found = _Pagefind()
    found.feed(clean_html(html))
    return found


@pytest.fixture(scope="module")
def demo():
    return load_content(DEMO, today=TODAY)


def _pages(content, audience=INTERNAL, today=TODAY) -> dict[str, str]:
    site = build_site(content, SiteOptions(audience=audience), today)
    return {page.path: page.markdown for page in site_pages(site, [templates_dir()])}


def _names(items, ids) -> list[str]:
    return [i.name for i in items if i.id in ids or ids == ("all",)]


def test_a_demo_card_page_carries_its_kind_taxonomy_and_freshness(demo):
    taxonomy = demo.taxonomy
    card = next(c for c in demo.published_cards if not c.all_industries)
    found = _read(_pages(demo)[f"cards/{card.id}.md"])
    assert found.filters == {
        "kind": ["Card"],
        "industry": _names(taxonomy.industries, card.industries),
        "problem": _names(taxonomy.problems, card.problems),
        "persona": _names(taxonomy.personas, card.personas),
        "freshness": [facets.freshness([card], taxonomy.review_interval_days, TODAY)],
    }
    assert found.meta == {"kind": "Card", "summary": card.summary}
    assert found.ignored  # the facets' text is not indexed a second time
    assert found.weights[card.summary] == "3"  # the summary counts more than the body


def test_a_card_for_all_industries_is_in_every_industry(demo):
    card = next(c for c in demo.published_cards if c.all_industries)
    found = _read(_pages(demo)[f"cards/{card.id}.md"])
    assert found.filters["industry"] == [i.name for i in demo.taxonomy.industries]


def test_a_demo_pitch_page_carries_its_buyer_and_its_least_fresh_lead_card(demo):
    site = build_site(demo, SiteOptions(), TODAY)
    (industry, problem), pitches = next(iter(site.pitches.items()))
    found = _read(_pages(demo)[pitch_path(industry, problem)])
    interval = demo.taxonomy.review_interval_days
    assert found.filters == {
        "kind": ["Pitch"],
        "industry": [pitches[0].industry.name],
        "problem": [pitches[0].problem.name],
        "persona": [p.persona.name for p in pitches],
        "freshness": [facets.freshness([p.card for p in pitches], interval, TODAY)],
    }
    assert found.meta["kind"] == "Pitch"


def test_freshness_follows_the_build_day(demo):
    """A day after a card's review falls due, its page and every pitch it leads say so."""
    card = min((c for c in demo.published_cards if c.reviewed), key=lambda c: c.reviewed)
    due = card.review_due(demo.taxonomy.review_interval_days)
    pages = _pages(demo, today=due + dt.timedelta(days=1))
    assert _read(pages[f"cards/{card.id}.md"]).filters["freshness"] == [facets.REVIEW_DUE]
    led = [path for path, text in pages.items() if path.startswith("pitches/")
           and f'data-pc-card="{card.id}"' in text.split("### Other insights")[0]]
    assert led
    assert all(_read(pages[path]).filters["freshness"] == [facets.REVIEW_DUE] for path in led)


def test_a_public_page_has_no_freshness_filter(demo):
    """Review dates are the team's business: a buyer's search box offers no "Review due"."""
    pages = _pages(demo, audience=PUBLIC)
    cards = [path for path in pages if path.startswith("cards/")]
    assert cards
    for path in cards:
        found = _read(pages[path])
        assert found.filters["kind"] == ["Card"] and "freshness" not in found.filters


def test_taxonomy_pages_and_battlecards_say_their_kind(demo):
    pages = _pages(demo)
    industry = demo.taxonomy.industries[0]
    found = _read(pages[f"industries/{industry.id}.md"])
    assert found.filters == {"kind": ["Industry"], "industry": [industry.name]}
    alternative = demo.taxonomy.alternatives[0]
    battlecard = _read(pages[f"battlecards/{alternative.id}.md"])
    assert battlecard.filters["kind"] == ["Battlecard"]
    assert battlecard.filters["freshness"] == [facets.freshness(
        [alternative], demo.taxonomy.review_interval_days, TODAY)]


HOSTILE = '"Re</span><script>alert(1)</script>tail, & co: {: #finder }"'
"""A taxonomy name with markup, a comma and a colon (Pagefind's own separators) and an
attribute list."""


def test_a_hostile_taxonomy_name_is_one_escaped_filter_value(tmp_path):
    folder = ContentFolder(tmp_path)
    folder.write("taxonomy.yml", edit(TAXONOMY, "name: Retail", f"name: {HOSTILE}"))
    folder.card("card", front=FRONT)
    content = load_content(tmp_path, today=TODAY)
    content = dataclasses.replace(content, findings=())  # as if `check` had let it through
    pages = _pages(content)
    name = content.taxonomy.industries[0].name
    assert "<script>" in name
    for path in ("cards/card.md", "pitches/retail--late-cash.md", "industries/retail.md"):
        block = pages[path].split('<div class="pc-facets"', 1)[1].split("</div>", 1)[0]
        assert "<script>" not in block and "&lt;script&gt;" in block
        assert _read(pages[path]).filters["industry"] == [name]


@pytest.mark.parametrize(("attribute", "kept"), [
    ('data-pagefind-filter="industry"', True),
    ('data-pagefind-filter="freshness"', True),
    ('data-pagefind-meta="summary"', True),
    ('data-pagefind-weight="3"', True),
    ('data-pagefind-weight="10"', True),
    ("data-pagefind-ignore", True),
    ('data-pagefind-filter="industry:Retail"', False),  # a value of the page's choosing
    ('data-pagefind-filter="author"', False),
    ('data-pagefind-meta="url:javascript:alert(1)"', False),  # where the result links to
    ('data-pagefind-meta="image[src]"', False),
    ('data-pagefind-meta="title"', False),
    ('data-pagefind-weight="11"', False),
    ('data-pagefind-weight="1e9"', False),
    ('data-pagefind-ignore="all"', False),  # would hide the page's filters too
    ("data-pagefind-body", False),  # would leave every other page out of the index
    ('data-pagefind-index-attrs="title"', False),
    ('data-pagefind-sort="date:2099"', False),
    ('DATA-PAGEFIND-META="url:/x"', False),
])
def test_the_sanitiser_keeps_only_the_pagefind_attributes_pages_use(attribute, kept):
    cleaned = clean_html(f"<p><span {attribute}>x</span></p>")
    assert ("data-pagefind" in cleaned) == kept, cleaned


@dataclasses.dataclass(frozen=True)
class _Reviewed:
    reviewed: dt.date | None
    due: dt.date | None

    def is_stale(self, default_interval: int, today: dt.date) -> bool:
        return self.due is not None and self.due < today


DAY = dt.date(2027, 3, 1)


@pytest.mark.parametrize(("items", "expected"), [
    ([_Reviewed(DAY - dt.timedelta(days=90), DAY)], facets.RECENT),
    ([_Reviewed(DAY - dt.timedelta(days=91), DAY)], facets.OLDER),
    ([_Reviewed(DAY - dt.timedelta(days=10), DAY - dt.timedelta(days=1))], facets.REVIEW_DUE),
    ([_Reviewed(None, None)], facets.NEVER_REVIEWED),
    ([_Reviewed(DAY, DAY), _Reviewed(None, None), _Reviewed(DAY, DAY)], facets.NEVER_REVIEWED),
    ([_Reviewed(DAY, DAY), _Reviewed(DAY, DAY - dt.timedelta(days=1))], facets.REVIEW_DUE),
])
def test_a_page_is_as_fresh_as_its_least_fresh_card(items, expected):
    assert facets.freshness(items, 180, DAY) == expected


def test_the_card_rule_decides_review_due():
    """Past its review date is due whatever the 90 days say: the card page's stale warning
    and the filter agree."""
    card = Card(id="c", path="c.md", title="t", summary="s", industries=("x",), problems=(),
                personas=(), owner="o", reviewed=DAY - dt.timedelta(days=40),
                review_interval_days=30, status=None, audience=None, evidence=(),
                differentiation={}, leads_to=(), tags=(), sections={}, objections=())
    assert card.is_stale(180, DAY)
    assert facets.freshness([card], 180, DAY) == facets.REVIEW_DUE
