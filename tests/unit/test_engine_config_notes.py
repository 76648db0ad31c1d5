"""The configuration `generate --engine-config` writes for engines that run no MkDocs plugin
keeps the public site's rule: a rep-only note in any container is dropped from its pages."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from pitchcraft.output.engine_config import engine_config

NOTE_IN_A_QUOTE = ('> Energy is a line on the P&L.\n>\n'
                   '> !!! warning rep "Discount"\n>     SECRET-40\n')
NOTE_IN_A_TAB = '=== "CFO"\n\n    Cash.\n\n    ??? rep\n        SECRET-41\n'


def _rendered(audience: str, text: str) -> str:
    config = engine_config({"site_name": "S", "markdown_extensions": ["attr_list"]},
                           Path("pages"), [], Path("overrides"), audience, ("cards",),
                           (), search_plugin=False)
    given = config["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in given]
    options = {next(iter(e)): e[next(iter(e))] for e in given if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=options).convert(text)


@pytest.mark.parametrize("text", [NOTE_IN_A_QUOTE, NOTE_IN_A_TAB], ids=["quote", "tab"])
def test_a_public_engine_config_drops_notes_in_any_container(text: str) -> None:
    assert "SECRET" not in _rendered("public", text)
    assert "SECRET" in _rendered("internal", text)  # the team's site shows them
