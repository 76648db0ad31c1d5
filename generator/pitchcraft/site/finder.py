"""The pitch finder's data for the home page: every answer decided here, looked up by the
page script (theme/overrides/assets/pitchcraft.js)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..pitch import Combination, Coverage
from .urls import pitch_url, tab_anchor

if TYPE_CHECKING:
    from .pages import Site


def finder_data(site: Site) -> dict[str, Any]:
    """What the pitch finder on the home page needs, decided here so the page script only
    looks things up: the URL of each pitch page and the anchor of each persona's tab, and for
    each uncovered combination its nearest covered ones in order (as `pitchcraft pitch` lists
    them). A combination without a `nearest` entry is covered.

    Items are given by taxonomy index ("industry.problem" for a page, "industry.problem.persona"
    for a combination), so the home page stays small with thousands of pitches.
    """
    taxonomy = site.taxonomy
    kinds = (taxonomy.industries, taxonomy.problems, taxonomy.personas)
    places = [{item.id: n for n, item in enumerate(items)} for items in kinds]

    def key(*ids: str) -> str:
        return ".".join(str(place[i]) for place, i in zip(places, ids, strict=False))

    coverage = Coverage(Combination(i, p, pitch.persona.id)
                        for (i, p), pitches in site.pitches.items() for pitch in pitches)
    nearest = {}
    for industry in taxonomy.industries:
        for problem in taxonomy.problems:
            for persona in taxonomy.personas:
                wanted = Combination(industry.id, problem.id, persona.id)
                if wanted not in coverage:
                    nearest[key(*wanted)] = " ".join(key(*c) for c in coverage.nearest(wanted))
    return {
        "industries": [[i.id, i.name] for i in taxonomy.industries],
        "problems": [[p.id, p.name] for p in taxonomy.problems],
        "personas": [[p.id, p.name] for p in taxonomy.personas],
        "anchors": [f"#{tab_anchor(p.id)}" for p in taxonomy.personas],
        "pages": {key(i, p): pitch_url(i, p) for i, p in site.pitches},
        "nearest": nearest,
    }
