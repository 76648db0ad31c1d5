"""A cost model and a ledger to compute it from, for tests of the cost model's language."""

from __future__ import annotations

import datetime as dt

import jsonschema
import yaml

from pitchcraft.costs.read import cost_model
from pitchcraft.costs.schema import COST_MODEL_SCHEMA
from pitchcraft.model import Evidence
from pitchcraft.model.costs import CostModel

STARTUP = """
inputs:
  annual_spend: {label: Annual electricity spend, unit: USD, default: 1200000, min: 100000,
                 max: 50000000}
  starts_per_week: {label: Shift start-ups a week, unit: count, default: 10, min: 1, max: 21}
outputs:
  demand_charge: {label: Demand charges a year, unit: USD,
                  formula: annual_spend * ledger.demand-charge-share-2025}
  startup_charge: {label: Demand charge set at start-up, unit: USD,
                   formula: "demand_charge * ledger.startup-peak-share-2025"}
  per_start: {label: Cost of each start-up, unit: USD,
              formula: startup_charge / (starts_per_week * 52)}
"""


def _evidence(id_: str, figure: str, audience: str = "public") -> Evidence:
    return Evidence(figure, "claim", "source", dt.date(2025, 11, 30), id=id_, audience=audience)


LEDGER = {e.id: e for e in [
    _evidence("demand-charge-share-2025", "38%"),
    _evidence("startup-peak-share-2025", "71%"),
    _evidence("downtime-hour-cost-2026", "$14,800 per hour"),
    _evidence("win-rate-2026", "41%", audience="internal"),
    _evidence("range-2026", "$20,000 to $40,000"),
]}


def model_from(text: str) -> CostModel:
    data = yaml.safe_load(text)
    jsonschema.validate(data, COST_MODEL_SCHEMA)
    model = cost_model(data)
    assert model is not None
    return model
