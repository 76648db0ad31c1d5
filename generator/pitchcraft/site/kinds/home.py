"""The home page: the pitch finder over every industry, problem and persona."""

from __future__ import annotations

import json

from ..finder import finder_data
from .kind import Making, PageGroup, PageKind, Reads


def make(making: Making) -> None:
    site = making.site
    company = site.taxonomy.company.name
    making.memos.page(
        "index.md", "site/home.md.j2", "Home",
        f"{company} teaching pitches: find the pitch for your next meeting by industry,"
        " problem and persona.", heading=f"{company} teaching pitches",
        finder_json=json.dumps(finder_data(site), sort_keys=True))


KIND = PageKind(
    PageGroup("home", "index.md", ("Home", "index.md")),
    {"site/home.md.j2": frozenset({Reads.SITE, Reads.TAXONOMY, Reads.OPTIONS})},
    make,
)
