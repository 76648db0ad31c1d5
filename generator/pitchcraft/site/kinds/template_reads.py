"""What a template reads, found in its source: the check that a page kind declares everything
its templates read (`kind.Reads`), so the preview's staleness, which follows from the
declarations, is never too optimistic.

A template reads the site through the globals `site_pages` sets; each global, and each
attribute of `site`, maps to what it reads. A template it includes or imports is read with it.
"""

from __future__ import annotations

import jinja2
from jinja2 import meta, nodes

from .kind import Reads

GLOBAL_READS: dict[str, frozenset[Reads]] = {
    "taxonomy": frozenset({Reads.TAXONOMY}),
    "names": frozenset({Reads.TAXONOMY}),
    "freshness": frozenset({Reads.TAXONOMY, Reads.OPTIONS}),
    "drafts": frozenset({Reads.OPTIONS}),
    "link": frozenset({Reads.OPTIONS}),
    "deck_href": frozenset({Reads.OPTIONS}),
    "changes": frozenset({Reads.HISTORY}),
    "has_card": frozenset({Reads.SITE}),
    "has_pitch": frozenset({Reads.SITE}),
    "has_battlecard": frozenset({Reads.TAXONOMY}),
}
"""Globals that read something; the rest (`pitch_path`, `tab_anchor`, `steps`...) are
functions of their arguments or constants."""

SITE_ATTRIBUTES: dict[str, frozenset[Reads]] = {
    "public": frozenset({Reads.OPTIONS}),
    "options": frozenset({Reads.OPTIONS}),
    "today": frozenset({Reads.OPTIONS}),
    "taxonomy": frozenset({Reads.TAXONOMY}),
}
"""Attributes of `site` that read less than the whole site; any other (`site.cards`,
`site.pitches_for`...), and `site` passed whole, reads the whole site."""


def template_reads(env: jinja2.Environment, name: str) -> frozenset[Reads]:
    """What the template `name`, and the templates it includes or imports, read."""
    found: set[Reads] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        assert env.loader is not None
        tree = env.parse(env.loader.get_source(env, current)[0])
        found |= _reads_of(tree)
        for included in meta.find_referenced_templates(tree):
            if included is None:  # a name computed at render time: it may read anything
                found.add(Reads.SITE)
            else:
                todo.append(included)
    return frozenset(found)


def _reads_of(tree: nodes.Template) -> set[Reads]:
    found: set[Reads] = set()
    attributes = {id(node.node) for node in tree.find_all(nodes.Getattr)
                  if isinstance(node.node, nodes.Name) and node.node.name == "site"}
    # `site is defined` asks whether a page of the site is being made: it reads nothing
    attributes |= {id(node.node) for node in tree.find_all(nodes.Test)
                   if node.name in ("defined", "undefined")}
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "site":
            found |= SITE_ATTRIBUTES.get(node.attr, frozenset({Reads.SITE}))
    for node in tree.find_all(nodes.Name):
        if node.ctx != "load":
            continue
        if node.name == "site" and id(node) not in attributes:
            found.add(Reads.SITE)
        found |= GLOBAL_READS.get(node.name, frozenset())
    return found
