"""What a page kind declares: its page group, the templates its pages are rendered from and
what each template reads, and the function that makes its pages.

What a template reads decides when a page made from it is stale. Everything a page is given
as its context is compared with last build's; the taxonomy, the day, the site's options (the
audience, drafts, page groups, decks) and the content history clear every kept page when they
change. A template that reads the whole site (every card, every pitch, which pages exist) can
take nothing from last build: its page is rendered on every build.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..page_memo import PageMemo
    from ..pages import Site


class Reads(enum.Enum):
    """What a template may read besides the context its page is given."""

    CARD = "one card"
    """The card its page is made from (given as context; kept while the card object is)."""
    PITCH = "one pitch"
    """The pitches its page is made from (given as context; kept while they are)."""
    TAXONOMY = "the taxonomy"
    OPTIONS = "the site's options"
    """The audience (`site.public`), drafts, the page groups built (`link`), decks."""
    HISTORY = "the content history"
    SITE = "the whole site"
    """Every card or pitch (`site.cards`, `site.pitches`, which pages exist...)."""


KEPT_BETWEEN_BUILDS = frozenset({Reads.CARD, Reads.PITCH, Reads.TAXONOMY, Reads.OPTIONS,
                                 Reads.HISTORY})
"""What a kept page may read: its card and pitches are compared as its context, and a change
of the rest clears every kept page (`output.incremental.SiteGenerator`)."""


def reusable(reads: frozenset[Reads]) -> bool:
    """Whether a page rendered from a template that reads `reads` may be taken from last
    build when its context is equal: the one staleness rule of every preview."""
    return reads <= KEPT_BETWEEN_BUILDS


@dataclass(frozen=True)
class PageGroup:
    name: str
    root: str
    """The group's one page (`coverage.md`) or its folder (`cards/`)."""
    nav: tuple[str, str] | None = None
    """(title, page) when the group has an entry in the site's nav."""
    internal: bool = False
    """Talk tracks and gaps for the team: a public build never makes them."""


@dataclass(frozen=True)
class Making:
    """What a kind's `make` is given: the site, the page memo to make pages with, and the
    helpers every kind shares."""

    site: Site
    memos: PageMemo
    env: Any
    """The Jinja2 environment, its globals set for this site."""
    link: Callable[[str, str], str]
    """A Markdown link to a page of the site, or its text when the page is left out."""
    kept: dict
    """A dict a kind may keep things in between builds, cleared with the page memo."""


@dataclass(frozen=True)
class PageKind:
    group: PageGroup
    templates: dict[str, frozenset[Reads]]
    """Each template its pages are rendered from, with what it reads."""
    make: Callable[[Making], None]
    """Makes the kind's pages with `making.memos`; called only when the group is built."""
    shown: Callable[[Site], bool] = lambda site: True
    """Whether this site has the kind's pages at all (the Changes page needs a history)."""
