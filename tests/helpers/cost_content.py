"""A small content folder whose card has a cost model: for check, pitch, deck and site tests.
The same card with a rep-only note, and the internal claim no buyer may see, for decks."""

from __future__ import annotations

from builders import BODY, FRONT, LEDGER, ContentFolder

COST_LEDGER = LEDGER + """\
  - id: demand-share
    figure: 38%
    claim: Demand charges are 38% of a plant's electricity bill.
    source: Utility tariff survey
    as_of: 2025-11-30
    whose: research
  - id: startup-share
    figure: 71%
    claim: 71% of the monthly peak is set in the first hour after a start-up.
    source: Testco metering study
    as_of: 2026-02-28
    whose: research
  - id: win-rate
    figure: 41%
    claim: We win 41% of deals that reach a pilot.
    source: Testco CRM export
    as_of: 2026-06-30
    audience: internal
    whose: internal
  - id: outage-range
    figure: $20,000 to $40,000
    claim: An unplanned outage costs $20,000 to $40,000.
    source: Testco field study
    as_of: 2026-01-31
    whose: research
"""

COST_MODEL = """\
cost_model:
  inputs:
    annual_spend:
      label: Annual electricity spend
      unit: USD
      default: 1200000
      min: 100000
      max: 50000000
  outputs:
    demand_charge:
      label: Demand charges a year
      unit: USD
      formula: annual_spend * ledger.demand-share
    startup_charge:
      label: Demand charge set at start-up
      unit: USD
      formula: "demand_charge * ledger.startup-share"
"""

COST_FRONT = FRONT.replace("  - ref: dso-gap\n", "  - ref: dso-gap\n  - ref: demand-share\n"
                           "  - ref: startup-share\n  - ref: win-rate\n") + COST_MODEL

COST_BODY = BODY.replace(
    "Distributors collect 11.4 days after terms.\n",
    "Distributors collect 11.4 days after terms.\n\n"
    "At your plant that is {cost: demand_charge} a year in demand charges, and"
    " {cost: startup_charge} of it is set at start-up.\n",
).replace("Every day of DSO ties up cash.\n",
          "Every day of DSO ties up cash: {cost: startup_charge} a year.\n")
"""The general texts use the figures; the cfo's Reframe variant does not."""

REP_NOTE = "Ask about the audit before you show the price"
NOTED_BODY = COST_BODY.replace(
    "Predictive dunning ranks invoices by risk.\n",
    "Predictive dunning ranks invoices by risk.\n\n"
    f'!!! rep "Rep only"\n    {REP_NOTE}.\n    Discount no more than 10%.\n\n'
    "It runs beside your ERP.\n")
"""The cost card with a rep-only note in its Our solution step."""
INTERNAL_CLAIM = "We win 41% of deals that reach a pilot."


def cost_folder(folder: ContentFolder, front: str = COST_FRONT,
                body: str = COST_BODY) -> ContentFolder:
    folder.write("evidence.yml", COST_LEDGER)
    folder.card("startup", front, body)
    return folder
