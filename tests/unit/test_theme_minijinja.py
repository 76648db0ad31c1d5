"""The theme overrides render under MiniJinja, the engine Zensical renders themes with, as they
do under Jinja2 for MkDocs: every page gets Pitchcraft's stylesheet and scripts, a card's cost
model and its calculator, and the Pagefind box when the site searches with Pagefind.

Each override is rendered by the `minijinja` package (Rust MiniJinja, without its Python
compatibility layer, as in Zensical) over a stand-in for the theme's base template that has
Material's and Zensical's blocks. The page and configuration are MiniJinja's own maps, so a
Python method call on them (`page.meta.get(...)`) fails here as it fails in Zensical. The
stand-in is not Zensical: tests/browser/test_zensical_theme.py builds the demo with Zensical
itself. What this MiniJinja accepts but Zensical 0.0.73's rejects is checked on the source.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from minijinja import Environment, safe

from pitchcraft.theme_files import overrides_dir

BASE = """{% import "partials/language.html" as lang with context %}
{%- set features = config.theme.features or [] -%}
<head>{% block styles %}<link rel="stylesheet" href="main.css">{% endblock %}</head>
<body>{% block header %}{% include "partials/header.html" %}{% endblock %}
<article>{% block content %}{{ page.content }}{% endblock %}</article>
{% block scripts %}<script src="{{ 'assets/javascripts/bundle.js' | url }}"></script>
{% for script in config.extra_javascript %}<script src="{{ script | url }}"></script>{% endfor %}
{% endblock %}</body>"""
"""The blocks Pitchcraft's main.html fills, as Material's and Zensical's base.html have them."""

LANGUAGE = "{% macro t(key) %}{{ key }}{% endmacro %}"

FORBIDDEN = {
    r"\.get\(": "a method call (.get): use `| default` or `is defined`",
    r"\.items\(": "a method call (.items): use `| items` or `| dictsort`",
    r"\.startswith\(": "a method call (.startswith): use `is startingwith`",
    r"\{%-?\s*do\b": "`{% do %}`: use `namespace()` and `{% set ns.x = ... %}`",
    r"\bpage\.file\b": "`page.file`: Zensical's page has no file",
    r"replace\([^()]*,[^()]*,[^()]*\)": "`replace` with a count: MiniJinja's takes two arguments",
}
"""What Zensical 0.0.73's MiniJinja rejects; the MiniJinja of the `minijinja` package accepts
the last (it has a newer `replace`), so only this check catches it."""


def literal(value: object) -> str:
    """A value written as a MiniJinja literal, so the template gets MiniJinja's own map and
    list (no Python methods), as Zensical's templates get their context."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(value)


def render(name: str, *, search: str | None, cost_model: str | None = None) -> str:
    """An override rendered in MiniJinja for a page, with the site's search choice."""
    plugin = "material/search" if search == "material" else "search"
    config = {"site_name": "Demo", "theme": {"features": []},
              "plugins": {plugin: {"config": {"enabled": True}}},
              "extra": {"pitchcraft_search": search} if search else {},
              "extra_javascript": ["extra.js"]}
    meta = {"title": "A card"} | ({"pc_cost_model": cost_model} if cost_model else {})
    page = {"title": "A card", "meta": meta, "content": "<p>Body</p>"}
    wrapper = (f"{{% set config = {literal(config)} %}}{{% set page = {literal(page)} %}}"
               f"{{% set nav = {literal({'homepage': {'url': ''}})} %}}"
               f"{{% include {json.dumps(name)} %}}")

    def load(template: str) -> str:
        own = overrides_dir() / template
        if own.is_file():
            return own.read_text(encoding="utf-8")
        return {"base.html": BASE, "partials/language.html": LANGUAGE,
                "wrapper.html": wrapper}.get(template, "")  # the theme's other partials

    env = Environment(loader=load, pycompat=False, undefined_behavior="chainable")
    env.add_filter("url", safe)  # Zensical's `url` makes a path relative and safe to write
    return env.render_template("wrapper.html")


def overrides() -> list[Path]:
    return sorted(overrides_dir().rglob("*.html"))


@pytest.mark.parametrize("path", overrides(), ids=lambda p: p.name)
def test_no_override_uses_what_zensicals_minijinja_rejects(path: Path):
    source = path.read_text(encoding="utf-8")
    found = [why for pattern, why in FORBIDDEN.items() if re.search(pattern, source)]
    assert not found, f"{path.relative_to(overrides_dir())}: {found}"


@pytest.mark.parametrize("search", ["pagefind", "material", None])
def test_every_page_gets_pitchcrafts_stylesheet_and_scripts(search):
    page = render("main.html", search=search)
    assert re.search(r"<style data-pc-style>[^<]*\.pc-finder", page)
    for script in ("assets/pitchcraft.js", "assets/deep-link.js"):
        assert f'<script src="{script}" defer></script>' in page
    assert 'src="assets/cost-model.js"' not in page  # no cost model, no calculator


def test_a_page_with_a_cost_model_gets_its_data_and_the_calculator():
    data = '<script type="application/json" id="pc-cost-model">{"inputs": []}</script>'
    page = render("main.html", search="pagefind", cost_model=data)
    assert data in page
    assert page.index(data) < page.index('<script src="assets/cost-model.js" defer></script>')


def test_pagefind_site_gets_pitchcrafts_box_and_the_themes_scripts_as_written():
    page = render("main.html", search="pagefind")
    assert "data-pc-search>" in page and 'src="assets/pagefind-search.js"' in page
    assert 'data-md-component="search"' not in page  # no theme search to fetch an index
    assert '<script src="assets/javascripts/bundle.js"></script>' in page
    assert "<template data-pc-later>" not in page
    assert 'setAttribute("data-pc-unstyled-search", "")' in page  # styled on any theme


def test_material_search_site_starts_the_themes_scripts_after_the_first_paint():
    page = render("main.html", search="material")
    assert 'data-md-component="search"' in page and "data-pc-search>" not in page
    later = re.search(r"<template data-pc-later>(.*?)</template>", page, re.S)
    assert later, "the theme's scripts are not held back"
    assert re.findall(r'<script src="([^"]+)"', later.group(1)) == [
        "assets/javascripts/bundle.js", "extra.js"]  # every one, in the theme's order
    outside = page.replace(later.group(0), "")
    assert "bundle.js" not in outside and "extra.js" not in outside
