"""Atom feeds of recent pitch and card changes: one for everything, one per industry and one
per persona, so a rep can follow the pitches they use in any feed reader.

One entry per content commit that concerns the feed. The log handed in is already the one the
build may show (a public build's log holds public cards only), so the feeds say no more than
the Changes page.

Every string handed to feedgen goes through `xml_text` first: a title or commit subject with
a character XML cannot hold would otherwise fail every build while its commit is recent.
"""

from __future__ import annotations

import html

from feedgen.feed import FeedGenerator

from ..escape.xml_text import xml_text
from ..model import Taxonomy
from .alternative_diff import AlternativeChange
from .diff import CardChange, ModelDiff, PitchChange
from .history import ChangeLog, Entry

FEEDS_DIR = "changes/feeds"


def feed_path(kind: str, item_id: str = "") -> str:
    """`changes/feeds/all.xml`, `changes/feeds/industry-retail.xml`, ..."""
    return f"{FEEDS_DIR}/{kind}-{item_id}.xml" if item_id else f"{FEEDS_DIR}/all.xml"


def relevant(change: ModelDiff, kind: str, item_id: str
             ) -> tuple[list[PitchChange], list[CardChange]]:
    """The pitch and card changes of one commit that concern an industry or persona."""
    if not kind:
        return list(change.pitches), list(change.cards)
    place = 0 if kind == "industry" else 2
    return ([p for p in change.pitches if p.key[place] == item_id],
            [c for c in change.cards if c.concerns(kind, item_id)])


def relevant_alternatives(change: ModelDiff, kind: str,
                          item_id: str) -> list[AlternativeChange]:
    """The battlecards of one commit that concern an industry or persona: those that alter
    one of its pitches (a public log has none)."""
    if not kind:
        return list(change.alternatives)
    place = 0 if kind == "industry" else 2
    return [a for a in change.alternatives if any(p.key[place] == item_id for p in a.pitches)]


def alternative_changed(alt: AlternativeChange) -> str:
    """What changed in a battlecard, in one phrase: its fields, the cards' verdicts, and how
    many pitches it alters."""
    what = [f"{alt.kind}"] if alt.kind != "changed" else []
    what += [", ".join(alt.fields)] if alt.fields else []
    what += [f"{card}: {', '.join(factors)}" for card, factors in alt.by_card()]
    count = len(alt.pitches)
    return "; ".join([*what, f"alters {count} pitch{'es' if count != 1 else ''}"])


def describe(pitch: PitchChange) -> str:
    """One line a rep reads: which pitch, and what in it changed."""
    return f"{pitch.state.label}: {what_changed(pitch)}"


def what_changed(pitch: PitchChange) -> str:
    if pitch.after is None:
        return "no longer covered"
    if pitch.before is None:
        return f"new pitch, from the card {pitch.after.card_title}"
    what = []
    if pitch.kind == "switched":
        what.append(f"now from the card {pitch.after.card_title}")
    if pitch.steps:
        what.append("steps: " + ", ".join(s.title for s in pitch.steps))
    if pitch.rows:
        what.append("figures: " + ", ".join(r.text for r in pitch.rows))
    elif pitch.evidence_changed:
        what.append("evidence")
    return "; ".join(what)


def describe_card(card: CardChange) -> str:
    return f"{card.title}: {card_changed(card)}"


def card_changed(card: CardChange) -> str:
    what = [f"sections: {', '.join(card.sections)}"] if card.sections else []
    what += [f"figures: {', '.join(r.text for r in card.rows)}"] if card.rows else []
    return card.kind + (f" ({'; '.join(what)})" if what else "")


def site_feeds(log: ChangeLog, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(path under the site, Atom XML) for every feed."""
    company = taxonomy.company.name
    feeds = [("", "", f"{company}: pitch and card changes")]
    feeds += [("industry", i.id, f"{company}: changes for {i.name}")
              for i in taxonomy.industries]
    feeds += [("persona", p.id, f"{company}: changes for the {p.name}")
              for p in taxonomy.personas]
    return [(feed_path(kind, item), _feed(log, kind, item, title)) for kind, item, title in feeds]


def _feed(log: ChangeLog, kind: str, item_id: str, title: str) -> str:
    base = xml_text(log.site_url.rstrip("/") + "/" if log.site_url else "/")
    feed = FeedGenerator()
    feed.id(f"{base}{feed_path(kind, item_id)}")
    feed.title(xml_text(title))
    feed.link(href=f"{base}changes/", rel="alternate")
    feed.link(href=f"{base}{feed_path(kind, item_id)}", rel="self")
    feed.language("en")
    chosen = [(e, *relevant(e.change, kind, item_id),
               relevant_alternatives(e.change, kind, item_id)) for e in log.entries]
    chosen = [(e, p, c, a) for e, p, c, a in chosen if p or c or a]
    feed.updated(chosen[0][0].commit.when if chosen else "1970-01-01T00:00:00Z")
    for entry, pitches, cards, alternatives in reversed(chosen):  # the last added is first
        _entry(feed, base, entry, pitches, cards, alternatives)
    return feed.atom_str(pretty=True).decode("utf-8")


def _entry(feed: FeedGenerator, base: str, entry: Entry, pitches: list[PitchChange],
           cards: list[CardChange], alternatives: list[AlternativeChange]) -> None:
    item = feed.add_entry()
    item.id(f"{base}changes/#c-{entry.commit.short}")
    item.title(xml_text(entry.commit.subject or f"Content change {entry.commit.short}"))
    item.link(href=f"{base}changes/#c-{entry.commit.short}")
    item.updated(entry.commit.when)
    item.published(entry.commit.when)
    lines = [xml_text(line) for line in
             [describe(p) for p in pitches] + [describe_card(c) for c in cards]
             + [f"Battlecard {a.name}: {alternative_changed(a)}" for a in alternatives]]
    item.summary("; ".join(lines))
    item.content("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>",
                 type="html")
