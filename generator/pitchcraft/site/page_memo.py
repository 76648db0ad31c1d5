"""The pages a save can take as they were, so a preview re-renders only what changed.

`mkdocs serve` and `pitchcraft serve` keep the memo between builds; it is cleared when the
taxonomy, the day, the options or a team's templates change, since every page may read them.
Within one memo, a page is rendered again only when its inputs changed, and a card or pitch
page not even that is asked when it is made from the very card or pitch objects of last time
(a save keeps unchanged ones as the same objects). Whether a template's page may be taken at
all follows from what its page kind declares it reads (`kinds.kind.reusable`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from ..render.templates import render
from .kinds.kind import Reads, reusable
from .page_head import page_head


class PageMemo:
    """Each page's inputs and text from the last build, by path.

    `emit` is told of each page as soon as it is made. Without `texts`, the Markdown pages
    are listed, not rendered: their paths, in order, with no text (`background_pages`); the
    listing pages' context is still made, and the feeds, written by `site_pages` itself, keep
    theirs."""

    def __init__(self, memo: dict, env: jinja2.Environment, packaged: Path,
                 make: Callable[[str, str], Any], reads: dict[str, frozenset[Reads]],
                 emit: Callable[[Any], None] | None = None, texts: bool = True) -> None:
        """`reads`: what each packaged template reads, as its page kind declares; a template
        that declares nothing, and a site's own template (which may read anything), are
        rendered on every build."""
        self._memo, self._env, self._packaged, self._make = memo, env, packaged, make
        self._reads = reads
        self._emit, self._texts = emit, texts
        self._templates: dict[str, bool] = {}
        self._seen: set[str] = set()
        self.pages: list[Any] = []

    def add(self, page: Any) -> None:
        self.pages.append(page)
        if self._emit is not None:
            self._emit(page)

    def add_file(self, path: str, text: str) -> None:
        """A file a kind writes itself (a feed), made on every build."""
        self.add(self._make(path, text))

    def _memoized(self, template: str) -> bool:
        """Asked once a build for each template (Jinja looks at the template's file each
        time it is asked for it)."""
        known = self._templates.get(template)
        if known is None:
            known = self._templates[template] = (
                template in self._reads and reusable(self._reads[template])
                and self._env.get_template(template).filename == str(self._packaged / template))
        return known

    def take(self, path: str, template: str, made_from: tuple) -> bool:
        """Take last build's page if it was made from these very objects (or, listing pages
        without their texts, take its path)."""
        if self._listed(path):
            return True
        known = self._memo.get(path)
        if (known is None or len(known[2]) != len(made_from)
                or any(a is not b for a, b in zip(known[2], made_from, strict=True))
                or not self._memoized(template)):
            return False
        self.add(known[1])
        return True

    def page(self, path: str, template: str, title: str, description: str, *,
             heading: str | None = None, meta: dict[str, Any] | None = None,
             unread: dict[str, Any] | None = None, made_from: tuple = (),
             **context: Any) -> None:
        """A page whose title, description, tags and H1 come from `page_head` alone.
        `unread` is context the packaged template takes only through the other inputs; a
        team's own template may read it, and a team's template is rendered every time."""
        if self._listed(path):
            return
        inputs = (template, title, description, heading, meta, context)
        known = self._memo.get(path)
        if known is not None and known[0] == inputs and self._memoized(template):
            self._memo[path] = (inputs, known[1], made_from)
            self.add(known[1])
            return
        front, h1 = page_head(title, description, heading, **(meta or {}))
        body = render(self._env, template, **context, **(unread or {}))
        made = self._make(path, f"---\n{front}---\n\n{h1}\n\n{body}")
        self._memo[path] = (inputs, made, made_from)
        self.add(made)

    def _listed(self, path: str) -> bool:
        """Marks the page made in this build; without texts, adds it by its path alone."""
        self._seen.add(path)
        if not self._texts:
            self.add(self._make(path, ""))
        return not self._texts

    def forget_unseen(self) -> None:
        """Drop the pages this build did not make (deleted or renamed cards and pitches)."""
        for path in [k for k in self._memo if _is_page(k) and k not in self._seen]:
            del self._memo[path]


def kept_pages(memo: dict) -> dict:
    """The memo's pages alone: what a preview started again may take over (the generator's
    state, `output.incremental`). The template environment cannot be stored and is made
    again; what kinds keep by object identity (`Making.kept`) would not match once read back."""
    return {key: known for key, known in memo.items() if _is_page(key)}


def _is_page(key: object) -> bool:
    return isinstance(key, str) and key.endswith(".md")
