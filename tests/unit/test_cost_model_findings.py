"""`check` on a card file with a cost model: each finding at the character to fix."""

from __future__ import annotations

from pathlib import Path

import yaml

from cost_models import LEDGER
from pitchcraft.costs.analyse import analyse
from pitchcraft.costs.findings import finding, reference_finding
from pitchcraft.costs.read import cost_model
from pitchcraft.costs.text import unknown_references

CARD = """---
title: Your demand charge is set at start-up
cost_model:
  inputs:
    annual_spend:
      label: Annual electricity spend
      unit: USD
      default: 60000000
      min: 100000
      max: 50000000
  outputs:
    squared: {label: Squared, unit: USD, formula: annual_spend ^ 2}
    charge:
      label: Demand charge
      unit: USD
      formula: "annual_spend * ledger.demand-charge-share"
    folded:
      label: Folded
      unit: USD
      formula: >-
        annual_spnd / 2
---

## Rational drowning

At your plant that is {cost: charge} a year, or {cost: chrage}.
"""


def _yaml_places(text: str) -> dict[tuple, tuple[int, int]]:
    """1-based (line, column) of every value in a YAML text, by path, as the loader has them."""
    places: dict[tuple, tuple[int, int]] = {}

    def walk(node: yaml.Node, path: tuple) -> None:
        places[path] = (node.start_mark.line + 2, node.start_mark.column + 1)  # after '---'
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
    walk(yaml.compose(text), ())
    return places


def test_each_finding_in_a_card_file_points_at_the_character_to_fix(tmp_path: Path) -> None:
    file = tmp_path / "card.md"
    file.write_text(CARD, encoding="utf-8")
    source = file.read_text(encoding="utf-8")
    lines = source.splitlines()
    front, body = source.split("---\n")[1:3]
    model = cost_model(yaml.safe_load(front)["cost_model"])
    assert model is not None
    places = _yaml_places(front)
    found = [finding(p, "card.md", *places[p.path], lines[places[p.path][0] - 1])
             for p in analyse(model, LEDGER)]
    body_line = source[:source.index(body)].count("\n") + 1
    found += [reference_finding(r, "card.md", body_line, True)
              for r in unknown_references(body, model)]

    def at(text: str) -> tuple[int, int]:
        line = next(i for i, x in enumerate(lines) if text in x)
        return line + 1, lines[line].index(text) + 1
    assert [(f.line, f.col, f.message.split(":")[0]) for f in found] == [
        (*at("60000000"), "annual_spend"), (*at("^"), "squared"),
        (*at("ledger.demand"), "charge"), (*at(">-"), "folded"), (*at("{cost: chrage}"), "'{cost")]
    assert all(f.hint for f in found)

