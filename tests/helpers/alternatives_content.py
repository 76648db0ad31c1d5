"""A content folder whose taxonomy names the buyer's other choices (alternatives) and whose
one public card says, with proof, how the buyer sees it against each: warning-free, so a
strict build of it succeeds."""

from __future__ import annotations

from pathlib import Path

from builders import FRONT, TAXONOMY, ContentFolder

ALTERNATIVES = """\
alternatives:
  - id: status-quo
    name: Chasing late payers by phone
    kind: status-quo
    description: The credit team calls every overdue account, oldest first.
    chosen_when: Nobody owns the forecast, and the calls seem to work.
    problems: [late-cash]
    owner: Dana Smith
    reviewed: 2026-11-01
    traps:
      - question: "Which late payers did you know about before the invoice went out?"
        listen_for: "None: the calls start after the due date."
    objections:
      - objection: "Our credit team already calls everyone."
        answer: "They call after the fact; the forecast needs the list first."
    where_we_lose: "A team that calls well keeps small accounts loyal."
    concede: "The calls stay: we only change who is called first."
    landmines: ["Never say the credit team is wasting its time."]
  - id: erp-dunning
    name: The ERP's dunning module
    kind: free-option
    description: Reminder letters the ERP already sends on a fixed schedule.
    chosen_when: The ERP is new and the module came with it.
    problems: [late-cash]
    owner: Lee Park
    reviewed: 2026-11-01
    traps:
      - question: "Does the reminder schedule change with the customer?"
        listen_for: "No: one schedule for everyone."
    objections:
      - objection: "The ERP already sends reminders."
        answer: "It sends the same letter to everyone, late payer or not."
    where_we_lose: "It is free and already installed."
    concede: "Keep the letters; we decide who gets a call first."
    landmines: ["Never call the ERP module broken."]
"""
AGAINST = """\
audience: public
against:
  status-quo:
    offering: {verdict: better, reason: "Names late payers before invoicing.", proof: dso-gap}
    commercials: {verdict: worse, reason: "The calls cost no licence at all."}
    value: {verdict: better, reason: "Cash arrives before the first call would.", proof: dso-gap}
    risk: {verdict: better, reason: "Runs beside the ERP, nothing replaced.", proof: dso-gap}
    ease: {verdict: better, reason: "The ranked list comes every morning.", proof: dso-gap}
  erp-dunning:
    offering: {verdict: better, reason: "Ranks by risk, not one schedule.", proof: dso-gap}
    commercials: {verdict: worse, reason: "The module is free already."}
    value: {verdict: better, reason: "Letters drift back to one schedule.", proof: dso-gap}
    risk: {verdict: equal, reason: "Both leave the ledger as it is."}
    ease: {verdict: better, reason: "Nobody tunes the schedule by hand.", proof: dso-gap}
"""


def alternatives_folder(root: Path) -> ContentFolder:
    """`root` holding the taxonomy with `ALTERNATIVES` and the card `card` with `AGAINST`."""
    folder = ContentFolder(root)
    folder.write("taxonomy.yml", TAXONOMY + ALTERNATIVES)
    folder.card("card", front=FRONT + AGAINST)
    return folder
