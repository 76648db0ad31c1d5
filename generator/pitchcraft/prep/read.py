"""Read an account file and judge it against the content: every problem a finding.

The shape is checked by the account schema with the content's own machinery (`read_data_file`,
so findings carry file, line and "did you mean" as content findings do); then each reference
(industry, problems, personas, cards, the alternative, cost-model inputs and figures,
attendee names) is
checked against the taxonomy and the cards that serve the account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..load.data_file import read_data_file
from ..load.validate import unknown_id
from ..load.yaml_positions import Positions
from ..model import Content, Finding, Severity
from ..model.costs import CostModel
from ..pitch import Combination, serving_cards
from .account import Account, Attendee, Branch, Fact, NextStep, Question
from .schema import ACCOUNT_SCHEMA

MAX_ACCOUNT_BYTES = 200_000
"""An account file is a page of notes; anything larger is not one."""


def read_account(file: Path, shown: str, content: Content, today: dt.date
                 ) -> tuple[Account | None, list[Finding]]:
    """The account, or None when its shape is wrong; findings either way."""
    data, positions, findings = read_data_file(
        file, shown, ACCOUNT_SCHEMA, max_bytes=MAX_ACCOUNT_BYTES,
        too_large="an account file holds one account's notes; keep it under 200 KB")
    if data is None or any(f.is_error for f in findings):
        return None, findings
    account = _account(data, content)
    return account, [*findings, *_references(account, content, positions, shown, today)]


def _account(data: dict[str, Any], content: Content) -> Account:
    personas = {p.id: p for p in content.taxonomy.personas} if content.taxonomy else {}
    last = data.get("last_meeting", {})
    step = data.get("next_step")
    return Account(
        company=data["company"], industry=data["industry"], problems=tuple(data["problems"]),
        attendees=tuple(Attendee(
            a["name"], a["title"], a["persona"],
            a.get("role") or (personas[a["persona"]].role if a["persona"] in personas else ""),
            a.get("card", ""), a.get("problem", ""), tuple(a.get("cares_about", ())))
            for a in data["attendees"]),
        meeting_date=data["meeting"]["date"], goal=data["meeting"]["goal"],
        numbers=tuple((k, float(v)) for k, v in data.get("numbers", {}).items()),
        facts=tuple(Fact(f["figure"], f["claim"], f["source"], f.get("as_of", ""))
                    for f in data.get("facts", ())),
        alternative=data.get("alternative", ""),
        last_meeting_date=last.get("date", ""), last_meeting_notes=tuple(last.get("notes", ())),
        questions=tuple(Question(q["ask"], tuple(
            Branch(b["if"], b.get("figure", ""), b.get("card", ""), b.get("concern", ""))
            for b in q.get("answers", ()))) for q in data.get("questions", ())),
        next_step=NextStep(step["proposal"], step["date"], tuple(step.get("attendees", ())),
                           tuple(step.get("we_bring", ())), tuple(step.get("they_bring", ())))
        if step else None,
    )


def models_in_play(account: Account, content: Content, today: dt.date
                   ) -> dict[str, CostModel]:
    """The cost model of every published card that serves someone in the room, by card id."""
    found: dict[str, CostModel] = {}
    for attendee in account.attendees:
        for problem in account.problems:
            combination = Combination(account.industry, problem, attendee.persona)
            for ranked in serving_cards(content, combination, today):
                if ranked.card.cost_model is not None:
                    found.setdefault(ranked.card.id, ranked.card.cost_model)
    return found


def _references(account: Account, content: Content, positions: Positions, path: str,
                today: dt.date) -> list[Finding]:
    taxonomy = content.taxonomy
    if taxonomy is None:
        return []
    findings: list[Finding] = []

    def known(kind: str, value: str, valid: Iterable[str], at: tuple[str | int, ...]) -> None:
        valid = list(valid)
        if value and value not in valid:
            line, col = positions.at(at)
            findings.append(unknown_id(path, line, kind, value, valid, col=col))

    known("industry", account.industry, (i.id for i in taxonomy.industries), ("industry",))
    problem_ids = [p.id for p in taxonomy.problems]
    for index, problem in enumerate(account.problems):
        known("problem", problem, problem_ids, ("problems", index))
    card_ids = [c.id for c in content.published_cards]
    for index, attendee in enumerate(account.attendees):
        at = ("attendees", index)
        known("persona", attendee.persona, (p.id for p in taxonomy.personas), (*at, "persona"))
        known("problem", attendee.problem, account.problems, (*at, "problem"))
        known("card", attendee.card, card_ids, (*at, "card"))
    findings += _alternative(account, content, positions, path)
    if findings:
        return findings  # inputs and figures are judged against the cards that serve them
    findings += _served(account, content, positions, path, today)
    models = models_in_play(account, content, today)
    findings += _numbers(account, models, positions, path)
    names = sorted({n for m in models.values() for n in m.names})
    for q, question in enumerate(account.questions):
        for b, branch in enumerate(question.branches):
            at = ("questions", q, "answers", b)
            known("figure", branch.figure, names, (*at, "figure"))
            known("card", branch.card, card_ids, (*at, "card"))
    if account.next_step:
        people = [a.name for a in account.attendees]
        for index, name in enumerate(account.next_step.attendees):
            if name not in people:
                line, col = positions.at(("next_step", "attendees", index))
                findings.append(unknown_id(path, line, "attendee", name, people, col=col))
    return findings


def _alternative(account: Account, content: Content, positions: Positions, path: str
                 ) -> list[Finding]:
    """The alternative is an id of the taxonomy's `alternatives:` (its battlecard is what the
    pack pitches against), and one chosen for a problem in play (a warning otherwise)."""
    assert content.taxonomy is not None
    if not account.alternative:
        return []
    line, col = positions.at(("alternative",))
    rival = content.taxonomy.alternative(account.alternative)
    if rival is None:
        valid = [a.id for a in content.taxonomy.alternatives]
        found = unknown_id(path, line, "alternative", account.alternative, valid, col=col)
        return [Finding(path, line, col, Severity.ERROR, found.message,
                        f"{found.hint}; a new one goes under 'alternatives:' in taxonomy.yml,"
                        " what they said of it in 'last_meeting' notes" if valid
                        else "the taxonomy has no 'alternatives:'; add it there first")]
    if not any(rival.chosen_for(p) for p in account.problems):
        return [Finding(path, line, col, Severity.WARNING,
                        f"'{rival.id}' is not chosen for {', '.join(account.problems)}"
                        f" (it is for {', '.join(rival.problems)})",
                        "the pack still pitches against it; check it is what they weigh, or"
                        " add the problem to its 'problems' in taxonomy.yml")]
    return []


def _served(account: Account, content: Content, positions: Positions, path: str,
            today: dt.date) -> list[Finding]:
    """Each attendee is served by a published card for a problem in play (a warning: the
    brief then gives their concerns only), and a card the file names is one of those."""
    findings: list[Finding] = []
    for index, attendee in enumerate(account.attendees):
        problems = (attendee.problem,) if attendee.problem else account.problems
        serving = [r.card.id for p in problems for r in serving_cards(
            content, Combination(account.industry, p, attendee.persona), today)]
        if attendee.card and attendee.card not in serving:
            line, col = positions.at(("attendees", index, "card"))
            findings.append(Finding(
                path, line, col, Severity.ERROR,
                f"card '{attendee.card}' does not serve {attendee.name}'s persona"
                f" '{attendee.persona}' for {', '.join(problems)}",
                f"cards that do: {', '.join(dict.fromkeys(serving))}" if serving
                else "no card serves them for these problems: remove 'card'"))
        elif not serving:
            line, col = positions.at(("attendees", index, "persona"))
            findings.append(Finding(
                path, line, col, Severity.WARNING,
                f"no published card serves {attendee.name} ('{attendee.persona}') for"
                f" {', '.join(problems)}",
                "the brief gives their concerns only; add a problem a card covers for them"))
    return findings


def _numbers(account: Account, models: dict[str, CostModel], positions: Positions,
             path: str) -> list[Finding]:
    """Each number names an input of a model in play and lies inside its range."""
    findings: list[Finding] = []
    inputs = sorted({i.name for m in models.values() for i in m.inputs})
    for name, value in account.numbers:
        at = ("numbers", name)
        owners = [m.input(name) for m in models.values() if m.input(name) is not None]
        if not owners:
            line, col = positions.at(at, key=True)
            finding = unknown_id(path, line, "input", name, inputs, col=col)
            findings.append(Finding(
                path, line, col, Severity.ERROR,
                f"'{name}' is not an input of the cost models serving this account",
                finding.hint if inputs else "no card serving this account has a cost model"))
            continue
        for item in owners:
            assert item is not None
            if not item.min <= value <= item.max:
                line, col = positions.at(at)
                findings.append(Finding(
                    path, line, col, Severity.ERROR,
                    f"'{name}' is {value:g}, outside {item.min:g} to {item.max:g}",
                    f"{item.label} ({item.unit}): a number from {item.min:g} to {item.max:g}"))
                break
    return findings
