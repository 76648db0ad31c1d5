"""Theme overrides survive Material upgrades. Pitchcraft extends Material's blocks where Material
has them (`main.html`); its header and search partials have no blocks, so they are copies, and
this test fails as soon as the installed Material's partial differs from the copy by anything
but Pitchcraft's own changes: re-copy the partial from Material and apply the changes again."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from pitchcraft.theme_files import overrides_dir

MATERIAL = Path(material.__file__).parent / "templates"

CHANGES = {
    # The Pagefind search box when the plugin chose Pagefind; Material's otherwise...
    "partials/header.html": [(
        '    {% if "material/search" in config.plugins %}\n',
        '    {% if config.extra.pitchcraft_search == "pagefind" %}\n'
        '      <label class="md-header__button md-icon" for="__search">\n'
        '        {% set icon = config.theme.icon.search or "material/magnify" %}\n'
        '        {% include ".icons/" ~ icon ~ ".svg" %}\n'
        '      </label>\n'
        '      {% include "partials/pagefind-search.html" %}\n'
        '    {% elif "material/search" in config.plugins %}\n',
    ), (
        # ...and Material's box while a site is served, when Pitchcraft indexes the pages
        '      {% if search.enabled %}\n',
        '      {% if search.enabled or config.extra.pitchcraft_search == "material" %}\n',
    )],
    # An accessible name for the search dialog (axe and Lighthouse `aria-dialog-name`).
    "partials/search.html": [(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog"'
        ' aria-label="{{ lang.t(\'search\') }}">',
    ), (
        '{#-\n  This file was automatically generated - do not edit\n-#}\n', '',
    )],
}
PITCHCRAFT_NOTE = re.compile(r"\A\{#-\n  Pitchcraft:.*?-#\}\n", re.S)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_copied_partial_is_materials_own_plus_pitchcrafts_changes(name):
    ours = (overrides_dir() / name).read_text()
    assert PITCHCRAFT_NOTE.match(ours), f"{name} must say why it is a copy"
    expected = (MATERIAL / name).read_text()
    for upstream, changed in CHANGES[name]:
        assert upstream in expected, f"Material's {name} changed: re-copy it ({upstream!r})"
        expected = expected.replace(upstream, changed)
    assert PITCHCRAFT_NOTE.sub("", ours) == expected


def test_every_other_override_extends_material_instead_of_copying_it():
    copies = {p.relative_to(overrides_dir()).as_posix() for p in overrides_dir().rglob("*.html")
              if (MATERIAL / p.relative_to(overrides_dir())).is_file()}
    assert copies == set(CHANGES) | {"main.html"}
    assert (overrides_dir() / "main.html").read_text().count('{% extends "base.html" %}') == 1
