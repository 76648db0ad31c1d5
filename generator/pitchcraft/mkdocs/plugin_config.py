"""The plugin's options in `mkdocs.yml` (`plugins: - pitchcraft: ...`), with their defaults."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from ..changes.history import DEFAULT_COMMITS
from ..site import page_groups
from ..site.pages import INTERNAL, PUBLIC
from . import search as search_wiring
from .pages_folder import PAGES_DIR


class PitchcraftConfig(base.Config):
    content = opt.Dir(exists=True, default="content")
    """The content folder: taxonomy.yml, evidence.yml and insights/."""
    templates = opt.Optional(opt.Dir(exists=True))
    """A folder of the site's own templates; a file there wins over the packaged one of the
    same name, file by file."""
    audience = opt.Choice((INTERNAL, PUBLIC), default=INTERNAL)
    """internal: every published card and pitch. public: public cards only, no pitches."""
    drafts = opt.Type(bool, default=False)
    """Show draft cards, bannered, for previews under `mkdocs serve`. Never for publishing."""
    pages = opt.ListOfItems(opt.Choice(page_groups.PAGE_GROUPS),
                            default=list(page_groups.PAGE_GROUPS))
    """Which page groups to generate."""
    internal_docs = opt.ListOfItems(
        opt.Type(str),
        default=["adopting.md", "authoring.md", "meeting-prep.md", "publishing.md"]
    )
    """Pages of the docs folder that a public build leaves out (the team's own guides)."""
    search = opt.Choice(search_wiring.ENGINES, default="auto")
    """Search engine. auto: Material's search for small sites, Pagefind from
    `pagefind_from_pages` pages on, where one JSON index of every page gets too slow."""
    pagefind_from_pages = opt.Type(int, default=search_wiring.PAGEFIND_FROM_PAGES)
    decks = opt.Type(bool, default=False)
    """Offer each persona's PowerPoint deck on the pitch page; minutes of build at 1,000 cards."""
    changes = opt.Optional(opt.Type(bool))
    """Changes page, "last changed" lines and Atom feeds from the content's git history.
    Default: on; without git history the Changes page says so."""
    changes_commits = opt.Type(int, default=DEFAULT_COMMITS)
    pages_dir = opt.Type(str, default=PAGES_DIR)
    """Where the generated pages are written, beside mkdocs.yml; a cache, never committed."""
