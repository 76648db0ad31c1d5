"""The link into the site's pitch page for one attendee: the deep-link form, made in one place.

The form (documented in the meeting-prep guide, "Deep links", and kept stable):

    <site>/pitches/<industry>--<problem>/?card=<card>&<input>=<value>...#for-<persona>

`#for-<persona>` opens the persona's tab (pitchcraft.js); `card` names the card the pitch is told
from (deep-link.js opens that card's pitch on the tab when it is not the tab's first); each
`<input>=<value>` fills that card's calculator (cost-model.js). A pitch page has a calculator
for every card whose pitch it tells (`site.costs.pitch_page_figures`), so the account's numbers
go into the link whenever the attendee's card has a cost model and the page tells its pitch:
as the lead card or one of the alternatives shown on some persona's tab.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from ..model import Content
from ..pitch import Combination, Pitch, serving_cards
from ..pitch.compose import ALTERNATIVES_SHOWN
from ..site.urls import pitch_url, tab_anchor
from .account import Account


def page_cards(content: Content, industry: str, problem: str, today: dt.date) -> frozenset[str]:
    """The ids of the cards whose pitch the site's page tells: each persona's lead card and
    the alternatives shown with it."""
    assert content.taxonomy is not None
    return frozenset(
        r.card.id for persona in content.taxonomy.personas
        for r in serving_cards(content, Combination(industry, problem, persona.id),
                               today)[:1 + ALTERNATIVES_SHOWN])


def pitch_link(site_url: str, account: Account, pitch: Pitch, content: Content,
               today: dt.date) -> tuple[str, bool]:
    """The attendee's link (relative to the site's root when `site_url` is ''), and whether
    it carries the account's numbers."""
    card = pitch.card
    query = [f"card={quote(card.id)}"]
    numbers = account.query(card.cost_model.names) if card.cost_model else ""
    if numbers and card.id in page_cards(content, pitch.industry.id, pitch.problem.id, today):
        query.append(numbers)
    base = site_url.rstrip("/") + "/" if site_url else ""
    return (f"{base}{pitch_url(pitch.industry.id, pitch.problem.id)}?{'&'.join(query)}"
            f"#{tab_anchor(pitch.persona.id)}"), len(query) > 1
