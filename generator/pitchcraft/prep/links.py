"""The link into the site's pitch page for one attendee: the deep-link form, made in one place.

The form (documented in the meeting-prep guide, "Deep links"):

    <site>/pitches/<industry>--<problem>/?card=<card>&<input>=<value>...#for-<persona>

`#for-<persona>` opens the persona's tab (pitchcraft.js); `card` names the card the pitch is told
from (deep-link.js opens that card's pitch on the tab when it is not the tab's first); each
`<input>=<value>` fills the page's calculator (cost-model.js). A pitch page carries one cost
model, that of the first persona's lead card with one (`site.costs.pitch_page_figures`), so the
account's numbers go into the link only when the attendee's card is that card: numbers for
another model would change nothing on the page, and a link must not promise them.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from ..model import Content
from ..pitch import Combination, Pitch, serving_cards
from ..site.urls import pitch_url, tab_anchor
from .account import Account


def page_model_card(content: Content, industry: str, problem: str, today: dt.date) -> str:
    """The id of the card whose cost model the pitch page carries; '' when none."""
    assert content.taxonomy is not None
    for persona in content.taxonomy.personas:
        ranking = serving_cards(content, Combination(industry, problem, persona.id), today)
        if ranking and ranking[0].card.cost_model is not None:
            return ranking[0].card.id
    return ""


def pitch_link(site_url: str, account: Account, pitch: Pitch, content: Content,
               today: dt.date) -> tuple[str, bool]:
    """The attendee's link (relative to the site's root when `site_url` is ''), and whether
    it carries the account's numbers."""
    card = pitch.card
    query = [f"card={quote(card.id)}"]
    numbers = account.query(card.cost_model.names) if card.cost_model else ""
    if numbers and card.id == page_model_card(content, pitch.industry.id, pitch.problem.id,
                                              today):
        query.append(numbers)
    base = site_url.rstrip("/") + "/" if site_url else ""
    return (f"{base}{pitch_url(pitch.industry.id, pitch.problem.id)}?{'&'.join(query)}"
            f"#{tab_anchor(pitch.persona.id)}"), len(query) > 1
