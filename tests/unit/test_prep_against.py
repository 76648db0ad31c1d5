"""`pitchcraft prep` against the alternative an account weighs: the account file names one of
the taxonomy's alternatives by id, every attendee's pitch is composed against it, and the brief
(rep-facing) carries its traps, its objection answers and, for the rep only, where we lose,
what to concede and its landmines; the decks (buyer-facing) hold nothing of it.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from builders import REPO, TODAY
from pitchcraft.deck.pptx_file import write_deck
from pitchcraft.load import load_content
from pitchcraft.model import Alternative, Content
from pitchcraft.model.outputs import Output
from pitchcraft.pitch import Combination, serving_cards
from pitchcraft.prep.brief import brief_markdown, build_brief
from pitchcraft.prep.meeting import Meeting, plan_meeting
from pitchcraft.prep.pack import account_deck, slug
from pitchcraft.prep.read import read_account

ACCOUNTS = sorted((REPO / "accounts").glob("*.yml"))
COPIES = (Output.PRESENTER_DECK, Output.LEAVE_BEHIND)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(REPO / "content", today=TODAY)


def _data(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def _rival(file: Path, content: Content) -> Alternative:
    assert content.taxonomy is not None
    rival = content.taxonomy.alternative(_data(file)["alternative"])
    assert rival is not None, file.name
    return rival


def _meeting(file: Path, content: Content) -> Meeting:
    account, findings = read_account(file, file.name, content, TODAY)
    assert account is not None and findings == [], findings
    return plan_meeting(account, content, TODAY, "")


def _section(brief: str, title: str) -> str:
    return next(part for part in brief.split("\n## ") if part.startswith(title))


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "account.yml"
    file.write_text(text, encoding="utf-8")
    return file


def test_each_demo_account_names_a_taxonomy_alternative_chosen_for_its_problems(
        content: Content) -> None:
    for file in ACCOUNTS:
        rival = _rival(file, content)
        assert any(rival.chosen_for(p) for p in _data(file)["problems"]), file.name


def test_an_unknown_alternative_id_is_a_finding_with_line_and_suggestion(
        tmp_path: Path, content: Content) -> None:
    text = ACCOUNTS[0].read_text(encoding="utf-8")
    named = _data(ACCOUNTS[0])["alternative"]
    typo = named[:-1]
    edited = text.replace(f"alternative: {named}", f"alternative: {typo}", 1)
    [finding] = read_account(_write(tmp_path, edited), "account.yml", content, TODAY)[1]
    assert finding.is_error and f"unknown alternative id '{typo}'" in finding.message
    line = next(n for n, s in enumerate(edited.splitlines(), 1) if s.startswith("alternative:"))
    assert finding.line == line
    assert f"did you mean '{named}'?" in finding.hint


def test_free_text_is_no_alternative_and_the_finding_names_every_id(
        tmp_path: Path, content: Content) -> None:
    assert content.taxonomy is not None
    named = _data(ACCOUNTS[0])["alternative"]
    edited = ACCOUNTS[0].read_text(encoding="utf-8").replace(
        f"alternative: {named}", "alternative: Renegotiating the tariff in March.", 1)
    [finding] = read_account(_write(tmp_path, edited), "account.yml", content, TODAY)[1]
    assert finding.is_error and "unknown alternative id" in finding.message
    assert all(a.id in finding.hint for a in content.taxonomy.alternatives)
    assert "last_meeting" in finding.hint  # where what they said of it goes


def test_an_alternative_not_chosen_for_the_problems_in_play_is_a_warning(
        tmp_path: Path, content: Content) -> None:
    assert content.taxonomy is not None
    problems = _data(ACCOUNTS[0])["problems"]
    other = next(a for a in content.taxonomy.alternatives
                 if not any(a.chosen_for(p) for p in problems))
    named = _data(ACCOUNTS[0])["alternative"]
    edited = ACCOUNTS[0].read_text(encoding="utf-8").replace(
        f"alternative: {named}", f"alternative: {other.id}", 1)
    account, [finding] = read_account(_write(tmp_path, edited), "account.yml", content, TODAY)
    assert account is not None and not finding.is_error and other.id in finding.message


@pytest.mark.parametrize("file", ACCOUNTS, ids=lambda f: f.stem)
def test_every_pitch_is_composed_against_the_accounts_alternative(
        file: Path, content: Content) -> None:
    rival = _rival(file, content)
    meeting = _meeting(file, content)
    assert meeting.against == rival
    for seat in meeting.seats:
        assert seat.pitch is not None and seat.pitch.against == rival
        assert seat.pitch.scorecard.judged_against == rival.id


def test_an_attendee_with_no_card_named_gets_the_card_meaningfully_different_against_it(
        tmp_path: Path, content: Content) -> None:
    """Ines's card is left to prep: against an alternative that one of her cards is
    meaningfully different against and her default card is not, that card tells her pitch."""
    assert content.taxonomy is not None
    data = _data(ACCOUNTS[0])
    ines = data["attendees"][0]
    combination = Combination(data["industry"], data["problems"][0], ines["persona"])
    plain = serving_cards(content, combination, TODAY)[0].card
    rival = next(a for a in content.taxonomy.alternatives
                 if not plain.meaningfully_different_against(a.id)
                 and any(r.card.meaningfully_different_against(a.id)
                         for r in serving_cards(content, combination, TODAY)))
    text = ACCOUNTS[0].read_text(encoding="utf-8").replace(
        f"    card: {ines['card']}\n", "", 1).replace(
        f"alternative: {data['alternative']}", f"alternative: {rival.id}", 1)
    account, findings = read_account(_write(tmp_path, text), "account.yml", content, TODAY)
    assert account is not None and not [f for f in findings if f.is_error]
    meeting = plan_meeting(account, content, TODAY, "")
    seat = next(s for s in meeting.seats if s.attendee.name == ines["name"])
    assert seat.pitch is not None and seat.pitch.card != plain
    assert seat.pitch.card.meaningfully_different_against(rival.id)
    who = _section(brief_markdown(build_brief(meeting, content)), "Who is in the room")
    assert f"Their pitch: {seat.pitch.card.title} (" in who
    assert "meaningfully different)" in who


@pytest.mark.parametrize("file", ACCOUNTS, ids=lambda f: f.stem)
def test_the_brief_sets_the_traps_answers_the_alternative_and_keeps_the_rest_for_the_rep(
        file: Path, content: Content) -> None:
    rival = _rival(file, content)
    meeting = _meeting(file, content)
    brief = brief_markdown(build_brief(meeting, content))
    assert rival.name in _section(brief, "The meeting")
    order = _section(brief, "Run it in this order")
    steps = re.split(r"\n\d+\. ", order)
    traps = next(i for i, s in enumerate(steps) if "Set the traps" in s)
    insight = next(i for i, s in enumerate(steps) if "Teach the insight once" in s)
    answers = next(i for i, s in enumerate(steps) if s.startswith("**When they weigh"))
    proposal = next(i for i, s in enumerate(steps) if "Propose the next step" in s)
    assert traps < insight < answers < proposal
    assert all(f"\u201c{o.objection}\u201d {o.answer}" in steps[answers]
               for o in rival.objections)
    questions = _section(brief, "Questions to ask")
    assert meeting.insight is not None and meeting.insight.pitch is not None
    title = meeting.insight.pitch.card.title
    for trap in rival.traps:  # routed like the account's questions: listen, then where to go
        item = re.split(r"\n\d+\. ", questions.split(f"**Trap:** {trap.question}\n")[1])[0]
        assert f"- Listen for: {trap.listen_for}" in item
        assert f"- If you hear it: turn to the insight \u201c{title}\u201d" in item
    rep = _section(brief, "For the rep only: against")
    assert rival.where_we_lose in rep and rival.concede in rep
    assert all(f"**Never claim:** {m}" in rep for m in rival.landmines)
    for text in (rival.where_we_lose, rival.concede, *rival.landmines):
        assert brief.count(text) == 1  # in the rep-only section, nowhere else


def _pptx_parts(deck: Path) -> list[bytes]:
    with zipfile.ZipFile(deck) as archive:
        return [archive.read(n) for n in archive.namelist() if n.endswith((".xml", ".rels"))]


@pytest.mark.parametrize("file", ACCOUNTS, ids=lambda f: f.stem)
def test_no_deck_of_the_pack_holds_the_alternatives_name_or_text(
        tmp_path: Path, file: Path, content: Content) -> None:
    """Byte for byte in every XML part of both copies of every attendee's deck, as written,
    and in their text with the markup taken out (a run may split a sentence)."""
    assert all(o.buyer_facing and not o.rule.alternatives for o in COPIES)
    rival = _rival(file, content)
    meeting = _meeting(file, content)
    checked = 0
    for seat in (s for s in meeting.seats if s.pitch is not None):
        for copy in COPIES:
            target = tmp_path / f"{slug(seat.attendee.name)}-{copy.name}.pptx"
            write_deck(account_deck(meeting, seat, copy), target, author=meeting.vendor)
            parts = _pptx_parts(target)
            xml = b"\n".join(parts)
            said = html.unescape(re.sub(r"<[^>]+>", "", xml.decode("utf-8")))
            assert meeting.account.company in said  # the deck is the account's
            for text in rival.texts():
                for form in {text, html.escape(text, quote=False), html.escape(text)}:
                    assert form.encode("utf-8") not in xml, (target.name, text)
                assert text not in said, (target.name, text)
            checked += 1
    assert checked == 2 * len(meeting.seats)


def test_an_account_that_names_no_alternative_gets_a_brief_without_one(
        tmp_path: Path, content: Content) -> None:
    named = _data(ACCOUNTS[0])["alternative"]
    text = ACCOUNTS[0].read_text(encoding="utf-8")
    line = next(s for s in text.splitlines(keepends=True) if s.startswith(f"alternative: {named}"))
    meeting = _meeting(_write(tmp_path, text.replace(line, "", 1)), content)
    assert meeting.against is None
    assert all(s.pitch is not None and s.pitch.against is None for s in meeting.seats)
    brief = brief_markdown(build_brief(meeting, content))
    assert "**Trap:**" not in brief and "For the rep only" not in brief
    assert "Set the traps" not in brief and "They are weighing" not in brief


def test_an_account_with_no_questions_of_its_own_gets_the_insights_and_the_traps(
        tmp_path: Path, content: Content) -> None:
    text = ACCOUNTS[0].read_text(encoding="utf-8")
    head, rest = text.split("\nquestions:\n", 1)
    tail = rest[rest.index("\nnext_step:"):]  # the questions' block, cut out
    meeting = _meeting(_write(tmp_path, head + tail), content)
    assert meeting.insight is not None and meeting.insight.pitch is not None
    questions = _section(brief_markdown(build_brief(meeting, content)), "Questions to ask")
    own = [line for line in meeting.insight.pitch.discovery_questions.splitlines()
           if line.strip()]
    assert own and "**Trap:**" in questions
    assert questions.index("**Trap:**") > questions.index("1. ")
    assert not questions.split("\n", 2)[2].startswith("1. **Trap:**")
