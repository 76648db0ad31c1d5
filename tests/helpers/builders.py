"""Builders for content folders: tests write real files and read real findings."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

from pitchcraft.load import load_content
from pitchcraft.model import Content

TODAY = dt.date(2026, 11, 24)
REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "content"

TAXONOMY = """\
review_interval_days: 180
industries:
  - id: retail
    name: Retail
    description: Shops.
    context: [Footfall is falling.]
  - id: logistics
    name: Logistics
    description: Freight.
    context: [Tenders every quarter.]
problems:
  - id: late-cash
    name: Late cash
    description: Customers pay late.
    symptoms: [DSO creeps up.]
personas:
  - id: cfo
    name: Chief Financial Officer
    role: economic-buyer
    description: Owns cash.
    priorities: [Predictable cash]
    metrics: [DSO]
    concerns:
      - concern: Another system
        answer: It reads your ledger; nothing new to run.
    next_step: Book a working session with the controller.
    proposal: We propose a working session with your controller on last quarter's receivables.
  - id: coo
    name: Chief Operating Officer
    role: champion
    description: Owns operations.
    priorities: [Throughput]
    metrics: [OTIF]
    concerns:
      - concern: Disruption
        answer: Nothing changes on the floor until you have seen a month of results.
    next_step: Walk the floor together.
    proposal: We propose to walk the floor with you and mark where the first sensors go.
company:
  name: Testco
  description: A test vendor.
  offerings:
    - {id: collect, name: Testco Collect, description: Collections.}
  differentiators:
    - {id: predictive, name: Predictive dunning, description: Predicts late payers.}
"""

LEDGER = """\
evidence:
  - id: dso-gap
    figure: 11.4 days
    claim: Distributors collect 11.4 days after terms.
    source: Testco Benchmark 2026 (412 customers)
    as_of: 2026-03-31
    kind: fact
    whose: research
"""

FRONT = """\
title: Late payers are a forecasting problem
summary: Late payment is predictable, so it is a forecasting problem.
industries: [retail]
problems: [late-cash]
personas: [cfo, coo]
owner: Dana Smith
reviewed: 2026-10-01
status: published
evidence:
  - ref: dso-gap
differentiation:
  offering: Predicts who pays late, instead of chasing.
  commercials: Priced per collected invoice, never per seat.
  value: Cash arrives a month earlier than today.
  risk: Runs beside your ERP with nothing replaced.
leads_to: [predictive]
tags: [cash]
"""

BODY = """\
## Warmer
Finance teams tell us the cash forecast is the number they trust least. Is that true for you?

## Reframe
Late payment is a forecast you are not making.

### For: cfo
Your forecast misses because late payment is treated as noise.

## Rational drowning
Distributors collect 11.4 days after terms.

## Cost of doing nothing
Every day of DSO ties up cash.

## Emotional impact
A regional distributor missed payroll.

## A new way
Predict who will pay late before the invoice goes out.

## Our solution
Predictive dunning ranks invoices by risk.

## Discovery questions
- How do you forecast cash today?

## Objections
### We already have a collections team.
They chase after the fact; prediction works before it.
"""


ALTERNATIVES = """\
alternatives:
  - id: phone-chasing
    name: Chasing late payers by phone
    kind: status-quo
    description: The collections team calls a customer once an invoice is overdue.
    chosen_when: Always, until a missed forecast makes the cost visible.
    problems: [late-cash]
    owner: Dana Smith
    reviewed: 2026-10-01
    traps:
      - question: How many days before the due date do you know an invoice will be paid late?
        listen_for: None; they learn it on the day it is overdue.
    objections:
      - objection: Our team already knows who pays late.
        answer: They know the usual late payers; the forecast finds the new ones a month early.
    where_we_lose: Nothing to buy and nothing to install.
    concede: A ledger of a few large customers needs no forecast.
    landmines: [Never say the collections team does a bad job.]
  - id: erp-dunning
    name: The ERP's dunning module
    kind: free-option
    description: Reminder letters the ERP sends on fixed days after the due date.
    chosen_when: The ERP already has it, so it costs nothing to switch on.
    problems: [late-cash]
    owner: Dana Smith
    reviewed: 2026-10-01
    traps:
      - question: Which customers got a reminder last month and paid no sooner than before?
        listen_for: They cannot say; the module sends letters and measures nothing.
    objections:
      - objection: Our ERP already sends reminders.
        answer: It reminds everyone on the same day; the forecast calls the few who will be late.
    where_we_lose: It is free and already installed.
    concede: For customers who simply forget, a reminder letter is enough.
    landmines: [Never call the ERP vendor's module broken.]
"""
"""The buyer's other choices for `late-cash`: a status quo and a free option."""

AGAINST = """\
against:
  phone-chasing:
    offering: {verdict: better, reason: Predicts who pays late instead of chasing., proof: dso-gap}
    commercials: {verdict: equal, reason: The team's time costs about what the service does.}
    value:
      verdict: better
      reason: Cash arrives 11 days sooner.
      proof: {figure: 11 days, claim: Customers collected 11 days sooner., source: Testco
        customer study 2026 (38 customers), as_of: 2026-06-30, whose: our-results}
    risk: {verdict: better, reason: Runs beside your ERP with nothing replaced., proof: dso-gap}
    ease: {verdict: better, reason: No calls until the forecast says so., proof: dso-gap}
  erp-dunning:
    offering: {verdict: better, reason: Ranks invoices by risk; letters go to all., proof: dso-gap}
    commercials: {verdict: worse, reason: The module is free.}
    value: {verdict: better, reason: Reminders on a fixed day do not move the late payers.}
    risk: {verdict: equal, reason: Both run inside the ERP's data.}
    ease: {verdict: worse, reason: The module is already switched on.}
"""
"""A card's `against:` for ALTERNATIVES: meaningfully different against the status quo (four
factors shown better), not against the free option (value claimed without proof)."""


def alternatives_folder(root: Path) -> ContentFolder:
    """The shared folder with ALTERNATIVES in its taxonomy and one card written against
    them (`insights/card.md`)."""
    folder = ContentFolder(root)
    folder.write("taxonomy.yml", TAXONOMY + ALTERNATIVES)
    folder.card("card", front=FRONT + AGAINST)
    return folder


def card_text(front: str = FRONT, body: str = BODY) -> str:
    return f"---\n{front}---\n\n{body}"


class ContentFolder:
    """A content folder in a temporary directory, written file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "insights").mkdir(parents=True)
        self.write("taxonomy.yml", TAXONOMY)
        self.write("evidence.yml", LEDGER)

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text)
        return path

    def card(self, name: str, front: str = FRONT, body: str = BODY) -> Path:
        return self.write(f"insights/{name}.md", card_text(front, body))

    def load(self) -> Content:
        return load_content(self.root, today=TODAY)


def site_project(where: Path, content: Path = DEMO) -> Path:
    """A copy of the repository's site project (docs, theme, mkdocs.yml) around `content`,
    for tests that edit it or build it."""
    project = where / "project"
    for name in ("docs", "theme"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(content, project / "content")
    return project
