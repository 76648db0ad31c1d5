"""The site's page groups, defined once: which pages a build makes, what enters the nav, and
where a link to a page this build leaves out becomes plain text.

Every other place (the page renderer, the MkDocs adapter, the link rule) asks this module. The
groups are those of the page kinds (`kinds.registry.KINDS`), each declared in its kind's module,
so a new page group comes with its kind: a module and one entry in the registry.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..model import Audience
from .kinds import registry
from .kinds.kind import PageGroup

PUBLIC, INTERNAL = Audience.PUBLIC, Audience.INTERNAL


_read: tuple[object, tuple[PageGroup, ...]] = (None, ())


def all_groups() -> tuple[PageGroup, ...]:
    """Every page group, in the registry's order (read when asked, so a kind registered
    later counts; made again only when the registry is another tuple: links ask per link)."""
    global _read
    if _read[0] is not registry.KINDS:
        _read = (registry.KINDS, tuple(kind.group for kind in registry.KINDS))
    return _read[1]


def nav_pages() -> frozenset[str]:
    """The generated pages that enter the nav (see `NAV_PAGES`)."""
    return frozenset(g.nav[1] for g in all_groups() if g.nav)


GROUPS = all_groups()
PAGE_GROUPS = tuple(g.name for g in GROUPS)
NAV_PAGES = frozenset(g.nav[1] for g in GROUPS if g.nav)
"""Generated pages that enter the nav; cards and pitches are reached from them (thousands of
nav entries would be written into every page, making each page heavy)."""


def groups_built(chosen: Iterable[str], audience: str) -> tuple[str, ...]:
    """The groups a build makes: those the `pages` option chose, less the internal ones in a
    public build (buyers see insights, never the talk tracks)."""
    internal = {g.name for g in all_groups() if g.internal}
    return tuple(g.name for g in all_groups() if g.name in set(chosen)
                 and not (audience == PUBLIC and g.name in internal))


def page_group(target: str) -> str | None:
    """The page group a site path belongs to (`cards/x.md#a` -> cards), or None for the docs
    folder's own pages, which every build keeps."""
    path = target.lstrip("/").split("#", 1)[0]
    for group in all_groups():
        if path == group.root or (group.root.endswith("/") and path.startswith(group.root)):
            return group.name
    return None


def left_out(target: str, groups: Iterable[str]) -> bool:
    """A site path in a page group this build does not make."""
    group = page_group(target)
    return group is not None and group not in set(groups)


def resolve(here: str, href: str) -> str | None:
    """The docs path a link on page `here` points at, or None for links that leave the docs
    (other sites, mail, anchors on the same page). Absolute paths are relative to the docs."""
    if not href or href.startswith(("#", "?")) or ":" in href.split("/", 1)[0]:
        return None
    target = href.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("//"):
        return None
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/") or ".")
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), target))


def keeps_link(here: str, href: str, groups: Iterable[str], docs_pages: frozenset[str],
               generated: bool) -> bool:
    """Whether a link stays a link. A link to a left-out page group becomes its text; so does a
    link from a generated page to a guide of the team's own that its docs folder lacks. Any
    other link is left to MkDocs' own link validation."""
    path = resolve(here, href)
    if path is None:
        return True
    if left_out(path, groups):
        return False
    return not (generated and page_group(path) is None and path.endswith(".md")
                and path not in docs_pages)


def docs_left_out(internal_docs: Iterable[str], audience: str) -> set[str]:
    """Pages of the docs folder a build leaves out: the team's own guides, in a public build."""
    return set(internal_docs) if audience == PUBLIC else set()


def site_nav(given: list | None, groups: Iterable[str], docs_pages: set[str],
             docs_gone: set[str]) -> list:
    """The nav of a build: the site's own nav without pages this build does not make, or,
    when the site gives none, the generated index pages and then the docs folder's pages."""
    groups = tuple(groups)
    gone = {p for p in nav_pages() if left_out(p, groups) and p not in docs_pages} | docs_gone
    if given:
        return prune_nav(given, gone)
    return nav(groups, docs_pages - docs_gone)


def keeps_url(page_url: str, href: str, groups: Iterable[str]) -> bool:
    """Whether a link written as an address (`../coverage/`) on the page at `page_url` stays:
    not when it points into a page group this build does not make."""
    target = resolve(page_url + "x", href)  # resolve against the page's folder
    if target is None:
        return True
    base = target.removesuffix(".html").removesuffix("/index").rstrip("/")
    return not any(left_out(path, groups) for path in (base + ".md", base + "/"))


def nav(groups: Iterable[str], docs_pages: Iterable[str]) -> list[object]:
    """The default nav: the generated index pages in their order, then the team's own pages
    (titled by their headings) under Guides."""
    built = set(groups)
    entries: list[object] = [{g.nav[0]: g.nav[1]} for g in all_groups()
                             if g.nav and g.name in built]
    guides = sorted(p for p in docs_pages if page_group(p) is None)
    if guides:
        entries.append({"Guides": guides})
    return entries


def prune_nav(entries: list, gone: set[str]) -> list:
    """A nav without entries for pages this build leaves out, nor sections left empty."""
    pruned = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            value = prune_nav(value, gone)
            if value:
                pruned.append({next(iter(entry)): value})
        elif value not in gone:
            pruned.append(entry)
    return pruned
