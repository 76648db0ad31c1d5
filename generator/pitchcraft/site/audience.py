"""Which cards an audience sees, and how: the team sees rep-only notes set apart, buyers
(a public site) see public cards without them and only their public evidence.

A public card's notes are cut from its text here (`rep_notes.card_for_buyer`), and the
Markdown that renders a public site drops any note still in a page (`note_html.RepNotes`,
added by `page_setup`): both apply the one rule, `note_rule.is_note`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..load.rep_notes import card_for_buyer, card_for_team
from ..model import Card, Content, Status, Taxonomy
from ..model.outputs import Output
from ..shared import kept_for
from .page_groups import PUBLIC

if TYPE_CHECKING:
    from .pages import SiteOptions


def visible_cards(content: Content, options: SiteOptions,
                  views: dict | None = None) -> tuple[Card, ...]:
    """The cards the audience sees, as it sees them. `views`, kept by `mkdocs serve` for one
    audience, gives an unchanged card (the very object) its view of last time."""
    statuses = {Status.PUBLISHED, Status.DRAFT} if options.drafts else {Status.PUBLISHED}
    cards = [c for c in content.cards if c.status in statuses]
    if options.audience == PUBLIC:  # rep-only notes go here, before any page or index
        cards = [c for c in cards if c.audience == PUBLIC]
    views = {} if views is None else views
    return tuple(kept_for(views, c, lambda c=c: _view(c, options.audience)) for c in cards)


def visible_taxonomy(taxonomy: Taxonomy, options: SiteOptions) -> Taxonomy:
    """The taxonomy a site shows: a public one has no alternatives (the buyer's other choices
    are the team's), so no page, index or feed of it can name one."""
    return replace(taxonomy, alternatives=()) if options.audience == PUBLIC else taxonomy


def empty_public_site(content: Content, options: SiteOptions) -> str | None:
    """The warning for a public build no published card may enter (a home page with nothing
    under its heading, deployed as if it were a site), or None."""
    if options.audience != PUBLIC or any(c.audience == PUBLIC for c in content.published_cards):
        return None
    return ("a public build, but no published card has `audience: public`: the public site "
            "would show no insight. Mark the cards buyers may read `audience: public`, or "
            "build the internal site")


def _view(card: Card, audience: str) -> Card:
    site = Output.PUBLIC_SITE if audience == PUBLIC else Output.INTERNAL_SITE
    if site.rule.rep_notes:  # the team's site: notes shown, set apart and labelled
        return card_for_team(card)
    return replace(card_for_buyer(card), against=(),  # alternatives are internal
                   evidence=tuple(e for e in card.evidence if e.audience == PUBLIC))
