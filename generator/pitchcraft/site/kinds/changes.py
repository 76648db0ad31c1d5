"""The Changes page and the change feeds, from the content's git history."""

from __future__ import annotations

from ...changes.site_view import change_files
from .kind import Making, PageGroup, PageKind, Reads


def make(making: Making) -> None:
    making.memos.page("changes/index.md", "site/changes.md.j2", "Changes",
                      "What changed in the pitches and cards, newest first.",
                      meta={"search": {"exclude": True}})
    for path, text in change_files(making.env.globals["changes"], making.site.taxonomy):
        making.memos.add_file(path, text)


KIND = PageKind(
    PageGroup("changes", "changes/", ("Changes", "changes/index.md")),
    # which cards and pitches still have a page to link to: the whole site
    {"site/changes.md.j2": frozenset({Reads.HISTORY, Reads.SITE, Reads.TAXONOMY,
                                      Reads.OPTIONS})},
    make,
    shown=lambda site: site.options.changes is not None,
)
