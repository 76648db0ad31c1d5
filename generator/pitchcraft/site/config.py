"""What a Pitchcraft site needs from its configuration, in one place.

Generated pages use persona tabs, attribute lists, admonitions, tables and links written
relative to the docs folder. A company's `mkdocs.yml` should not have to know that: what is
missing is added, and a setting under which a page would render wrong (raw `===` tab markers,
`{ #id }` shown as text, links to `.md` files, no search box) stops the build with the fix.
This module knows no MkDocs: the plugin hands it plain values and raises what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.extensions import EXTENSIONS

WHY = {
    "pymdownx.tabbed": "persona tabs show as raw `=== \"...\"` markers with Material's tabs",
}

ABSOLUTE_LINKS = "relative_to_docs"
"""Generated pages link to `/cards/x.md`; MkDocs must resolve that inside the docs folder."""

KEEP_SUPER = "keep `{{ super() }}` in the blocks it overrides"
KEEP_SEARCH = "keep the search part of Pitchcraft's copy"
PAGE_MARKS = {
    "data-pc-style": ("main.html", "Pitchcraft's stylesheet", KEEP_SUPER),
    "assets/pitchcraft.js": ("main.html", "the finder, tab and print script", KEEP_SUPER),
}
"""What every built page must hold: mark -> (the packaged override that puts it there, what it
is, how an override of the site's own keeps it)."""

SEARCH_MARKS = {
    "pagefind": ("data-pc-search", ("partials/header.html", "the Pagefind search box",
                                    KEEP_SEARCH)),
    "material": ('data-md-component="search"', ("partials/header.html",
                                                 "Material's search box", KEEP_SEARCH)),
}


@dataclass(frozen=True)
class MarkdownSetup:
    add: tuple[str, ...] = ()
    """Extensions to append to the site's list."""
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Options for the added extensions."""
    problems: tuple[str, ...] = ()


def markdown_setup(extensions: Iterable[str], options: Mapping[str, Mapping[str, Any]]
                   ) -> MarkdownSetup:
    """Missing extensions are added; one configured against what the pages need is a problem
    that names the option to change."""
    present = {_short(name): name for name in extensions}
    add, added_options, problems = [], {}, []
    for name, needed in EXTENSIONS.items():
        if name not in present:
            add.append(name)
            if needed:
                added_options[name] = dict(needed)
            continue
        given = options.get(present[name], {}) or {}
        for key, value in needed.items():
            if given.get(key, _UNSET) != value:
                problems.append(
                    f"markdown_extensions: {present[name]} needs `{key}: {_yaml(value)}` for "
                    f"Pitchcraft's pages ({WHY.get(name, 'they render wrong without it')}); "
                    f"set it, or remove the entry and Pitchcraft adds it")
    return MarkdownSetup(tuple(add), added_options, tuple(problems))


def absolute_links_problem(user_value: object) -> str | None:
    """None when the user left `validation.links.absolute_links` alone (Pitchcraft sets it) or
    set it to what the pages need; otherwise what to change."""
    if user_value is None or user_value == ABSOLUTE_LINKS:
        return None
    return (f"validation.links.absolute_links is {user_value!r}, but Pitchcraft's pages link "
            f"to `/cards/...md` and would point at .md files: set it to {ABSOLUTE_LINKS} or "
            "remove the setting")


def theme_problem(theme_name: str | None) -> str | None:
    if theme_name == "material":
        return None
    return (f"theme {theme_name!r}: Pitchcraft's pages need Material for MkDocs "
            "(tabs, search, layout); set `theme: {name: material}`")


def shadowed(packaged: Path, earlier: Iterable[str | Path]) -> dict[str, Path]:
    """Packaged override files that an earlier theme folder (the site's `custom_dir`) replaces:
    name -> the replacing file. Replacing one is allowed; it is named when a page breaks."""
    names = [p.relative_to(packaged).as_posix() for p in packaged.rglob("*") if p.is_file()]
    found = {}
    for name in names:
        for folder in earlier:
            if (Path(folder) / name).is_file():
                found[name] = Path(folder) / name
                break
    return found


def page_problems(html: str, engine: str, replaced: Mapping[str, Path]) -> list[str]:
    """What a built page lacks that Pitchcraft's scripts and search need, naming the override
    of the site's own that most likely removed it."""
    marks = dict(PAGE_MARKS)
    mark, what = SEARCH_MARKS[engine]
    marks[mark] = what
    problems = []
    for mark, (template, what, keep) in marks.items():
        if mark in html:
            continue
        culprit = replaced.get(template)
        fix = (f"{culprit} replaces Pitchcraft's {template}: remove it, or {keep}"
               if culprit else f"restore Pitchcraft's {template}")
        problems.append(f"built pages lack {what}: {fix}")
    return problems


_UNSET = object()


def _short(name: str) -> str:
    return name.removeprefix("markdown.extensions.")


def _yaml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
