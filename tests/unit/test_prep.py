"""`pitchcraft prep`: an account file read like content, and the meeting pack made from it.

The demo's two accounts (`accounts/`) are the stories: a rep fills in one file and gets a
brief, a pitch and a deck per attendee on the account's own numbers, and a typo is a finding
with a line and a suggestion, never a pack built on defaults.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from builders import REPO, TODAY
from golden_files import assert_golden
from pitchcraft.cli import main
from pitchcraft.deck.slides import EVIDENCE_PER_SLIDE
from pitchcraft.load import load_content
from pitchcraft.model import Content
from pitchcraft.model.outputs import Output
from pitchcraft.prep.brief import brief_markdown, build_brief
from pitchcraft.prep.brief_page import brief_html
from pitchcraft.prep.meeting import Meeting, plan_meeting
from pitchcraft.prep.pack import account_deck, pitch_markdown, slug
from pitchcraft.prep.read import read_account
from pitchcraft.prep.schema import account_schema_json
from pitchcraft.render.buyer_pitch import buyer_pitch
from pitchcraft.render.templates import environment
from pitchcraft.theme_files import templates_dir

ACCOUNTS = sorted((REPO / "accounts").glob("*.yml"))
SITE = "https://pitches.example.com/"
COPIES = (Output.PRESENTER_DECK, Output.LEAVE_BEHIND)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(REPO / "content", today=TODAY)


def _meeting(file: Path, content: Content) -> Meeting:
    account, findings = read_account(file, file.name, content, TODAY)
    assert account is not None and findings == []
    return plan_meeting(account, content, TODAY, SITE)


def _findings(tmp_path: Path, content: Content, text: str) -> list:
    file = tmp_path / "account.yml"
    file.write_text(text, encoding="utf-8")
    return read_account(file, "account.yml", content, TODAY)[1]


def _edited(old: str, new: str) -> str:
    text = ACCOUNTS[0].read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_demo_accounts_are_two_and_clean(content: Content) -> None:
    assert len(ACCOUNTS) == 2
    for file in ACCOUNTS:
        assert read_account(file, file.name, content, TODAY)[1] == [], file.name


@pytest.mark.parametrize("file", ACCOUNTS, ids=lambda f: f.stem)
def test_brief_golden(file: Path, content: Content, update_golden: bool) -> None:
    meeting = _meeting(file, content)
    assert_golden(REPO / "tests" / "golden" / "prep" / f"{file.stem}.md",
                  brief_markdown(build_brief(meeting, content)), update_golden,
                  f"brief of {file.name}")


def test_a_persona_typo_is_a_finding_with_line_and_suggestion(
        tmp_path: Path, content: Content) -> None:
    persona = yaml.safe_load(ACCOUNTS[0].read_text())["attendees"][0]["persona"]
    text = _edited(f"persona: {persona}\n", f"persona: {persona}x\n")
    [finding] = _findings(tmp_path, content, text)
    assert finding.is_error and finding.line == _line_of(text, f"persona: {persona}x")
    assert f"'{persona}x'" in finding.message and f"did you mean '{persona}'?" in finding.hint


def test_an_input_typo_is_a_finding_with_line_and_suggestion(
        tmp_path: Path, content: Content) -> None:
    name = next(iter(yaml.safe_load(ACCOUNTS[0].read_text())["numbers"]))
    typo = name[:-1]
    text = _edited(f"  {name}:", f"  {typo}:")
    [finding] = _findings(tmp_path, content, text)
    assert finding.is_error and finding.line == _line_of(text, f"  {typo}:")
    assert f"did you mean '{name}'?" in finding.hint


def test_a_misspelt_field_and_a_number_out_of_range_are_findings(
        tmp_path: Path, content: Content) -> None:
    text = _edited("attendees:", "atendees:")
    messages = [(f.line, f.hint) for f in _findings(tmp_path, content, text)]
    assert (_line_of(text, "atendees:"), "did you mean 'attendees'?") in messages
    name, value = next(iter(yaml.safe_load(ACCOUNTS[0].read_text())["numbers"].items()))
    text = _edited(f"  {name}: {value}", f"  {name}: {value * 10**6}")
    [finding] = _findings(tmp_path, content, text)
    assert "outside" in finding.message and finding.line == _line_of(text, f"  {name}:")
    text = _edited(f"  {name}: {value}", f"  {name}: {value:,}")  # as a person writes it
    [finding] = _findings(tmp_path, content, text)
    assert "plain number" in finding.message and finding.line == _line_of(text, f"  {name}:")


def test_check_reports_account_findings_like_content_findings(tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "typo.yml").write_text(_edited("industry: ", "industry: x"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--accounts", str(folder),
                                       str(REPO / "content")])
    assert result.exit_code == 1
    assert re.search(r"typo\.yml:\d+:\d+: error: unknown industry id", result.output)


def _figures_said(meeting: Meeting, content: Content) -> str:
    """Every text of the pack a person reads: the brief, each pitch, each deck's slides and
    notes."""
    env = environment([templates_dir()])
    parts = [brief_markdown(build_brief(meeting, content))]
    for seat in meeting.seats:
        if seat.pitch:
            parts.append(pitch_markdown(meeting, seat, env))
            deck = account_deck(meeting, seat)
            parts += [f"{s.title}\n{chr(10).join(s.lines)}\n{s.notes}" for s in deck.slides]
    return "\n".join(parts)


def test_one_account_number_changes_every_figure_that_depends_on_it(
        tmp_path: Path, content: Content) -> None:
    """The first demo account's first number, raised by a third: each output of each model it
    feeds reads its new value everywhere, and its old value nowhere."""
    name, value = next(iter(yaml.safe_load(ACCOUNTS[0].read_text())["numbers"].items()))
    changed = tmp_path / "changed.yml"
    changed.write_text(_edited(f"  {name}: {value}", f"  {name}: {round(value * 4 / 3)}"))
    before, after = _meeting(ACCOUNTS[0], content), _meeting(changed, content)
    said_before, said_after = _figures_said(before, content), _figures_said(after, content)
    checked = said = 0
    for old, new in zip(before.seats, after.seats, strict=True):
        if not (old.pitch and old.pitch.figures and new.pitch and new.pitch.figures):
            continue
        model = old.pitch.figures.plan.model
        if model.input(name) is None:
            continue
        for output in model.outputs:
            was = old.pitch.figures.plain(f"{{cost: {output.name}}}")
            now = new.pitch.figures.plain(f"{{cost: {output.name}}}")
            if was == now:
                continue  # does not depend on this input
            checked += 1
            if was in said_before:
                said += 1
                assert was not in said_after, f"{output.name} still says {was}"
                assert now in said_after, f"{output.name} never says {now}"
    assert checked and said and before.figures != after.figures
    assert [s.link for s in before.seats] != [s.link for s in after.seats]


def test_each_attendee_gets_their_link_and_a_deck_titled_for_the_account(
        content: Content) -> None:
    meeting = _meeting(ACCOUNTS[-1], content)
    account = meeting.account
    for seat in meeting.seats:
        assert seat.pitch is not None, seat.attendee.name
        assert seat.link.startswith(f"{SITE}pitches/{account.industry}--")
        assert seat.link.endswith(f"#for-{seat.attendee.persona}")
        assert f"card={seat.pitch.card.id}" in seat.link
        for copy in COPIES:
            title = account_deck(meeting, seat, copy).slides[0]
            assert any(account.company in line and seat.attendee.name in line
                       for line in title.lines)
            assert any("Confidential" in line for line in title.lines)
            assert ("Confidential" in title.notes) is copy.rule.speaker_notes


def test_every_link_to_a_card_with_a_cost_model_carries_the_accounts_numbers(
        content: Content) -> None:
    """Each attendee's card has a calculator of its own on the page, so each link fills it."""
    for file in ACCOUNTS:
        meeting = _meeting(file, content)
        for seat in meeting.seats:
            assert seat.pitch is not None
            model = seat.pitch.card.cost_model
            wanted = meeting.account.query(model.names) if model else ""
            assert seat.link_numbers is bool(wanted), seat.attendee.name
            if wanted:
                assert f"?card={seat.pitch.card.id}&{wanted}#" in seat.link
        assert "does not tell" not in brief_markdown(build_brief(meeting, content))


def test_a_card_the_page_does_not_show_gets_a_link_without_numbers_and_the_brief_says_so(
        content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no alternatives shown, the Corvane attendees told from an alternative card have
    no calculator on the page to fill."""
    monkeypatch.setattr("pitchcraft.prep.links.ALTERNATIVES_SHOWN", 0)
    meeting = _meeting(REPO / "accounts" / "corvane-metalworks.yml", content)
    moved = [s for s in meeting.seats if s.pitch and s.pitch.card.cost_model
             and not s.link_numbers]
    assert moved
    brief = brief_markdown(build_brief(meeting, content))
    for seat in moved:
        assert seat.link in brief
        after = brief.split(seat.link, 1)[1].splitlines()[1]
        assert "The site's page does not tell this card's pitch" in after


def test_the_leave_behind_is_the_presenter_copy_without_notes(content: Content) -> None:
    meeting = _meeting(ACCOUNTS[0], content)
    for seat in meeting.seats:
        presenter, leave = (account_deck(meeting, seat, copy) for copy in COPIES)
        assert [(s.title, s.lines) for s in leave.slides] == \
            [(s.title, s.lines) for s in presenter.slides]
        assert all(s.notes == "" for s in leave.slides)
        assert sum(bool(s.notes) for s in presenter.slides) > len(presenter.slides) // 2


def test_the_accounts_next_step_replaces_the_cards_proposal(
        tmp_path: Path, content: Content) -> None:
    """One proposal per deck, the last slide: the account's when it has one (with when and
    what each side brings), else the card's."""
    meeting = _meeting(ACCOUNTS[0], content)
    step = meeting.account.next_step
    assert step is not None
    for seat in meeting.seats:
        slides = account_deck(meeting, seat).slides
        [last] = [s for s in slides if s.kind == "next-step"]
        assert last is slides[-1] and last.lines[0] == step.proposal
        assert f"When: {step.date}" in last.lines
        assert any(line.startswith("You bring: ") for line in last.lines)
    text = ACCOUNTS[0].read_text(encoding="utf-8")
    file = tmp_path / "no-next-step.yml"
    file.write_text(text[:text.index("next_step:")], encoding="utf-8")
    without = _meeting(file, content)
    for seat in without.seats:
        assert seat.pitch is not None
        card = buyer_pitch(seat.pitch, without.vendor, Output.PRESENTER_DECK).proposal
        slides = account_deck(without, seat).slides
        assert [(s.title, s.lines) for s in slides if s.kind == "next-step"] == \
            ([(card.headline, card.lines)] if card else [])


def test_the_accounts_figures_follow_rational_drowning_a_few_to_a_slide(
        tmp_path: Path, content: Content) -> None:
    """Every fact of the account is shown, cited, `EVIDENCE_PER_SLIDE` to a slide, after the
    step that shows the market's numbers and its evidence."""
    facts = "\n".join(f"  - figure: {n}%\n    claim: Fact number {n} of theirs.\n"
                      f"    source: the plant's report {n}" for n in range(1, 6))
    file = tmp_path / "many-facts.yml"
    file.write_text(_edited("facts:\n", f"facts:\n{facts}\n"), encoding="utf-8")
    meeting = _meeting(file, content)
    company = meeting.account.company
    for seat in meeting.seats:
        assert seat.pitch is not None
        slides = account_deck(meeting, seat).slides
        ours = [i for i, s in enumerate(slides) if s.title == f"Your figures, {company}"]
        shown = [line for i in ours for line in slides[i].lines]
        assert len(shown) == len(meeting.account.facts) == 7
        assert all(len(slides[i].lines) <= EVIDENCE_PER_SLIDE for i in ours)
        assert all("(Source: " in line for line in shown)
        assert ours == list(range(ours[0], ours[0] + len(ours)))
        drowning = next(p for p in buyer_pitch(seat.pitch, meeting.vendor,
                                               Output.PRESENTER_DECK).parts
                        if p.key == "rational-drowning")
        before = [s for s in slides[:ours[0]] if s.kind != "evidence"]
        assert before[-1].title == drowning.headline


def test_schema_account_prints_the_shipped_account_schema() -> None:
    printed = CliRunner().invoke(main, ["schema", "account"])
    assert printed.exit_code == 0
    assert printed.output == (REPO / "schema" / "account.schema.json").read_text()


def test_the_blocker_is_turned_to_first_and_their_concerns_pre_empted(
        content: Content) -> None:
    meeting = _meeting(ACCOUNTS[-1], content)
    blocker = next(s for s in meeting.seats if s.attendee.role == "blocker")
    assert meeting.in_order[0] is blocker
    brief = brief_markdown(build_brief(meeting, content))
    order = brief.split("## Run it in this order")[1].split("\n## ")[0]
    second = order.split("\n2. ")[1].split("\n3. ")[0]
    assert blocker.attendee.name in second
    assert all(c.concern in second for c in blocker.persona.concerns)


def test_the_pack_is_marked_confidential_everywhere(content: Content) -> None:
    meeting = _meeting(ACCOUNTS[0], content)
    brief = build_brief(meeting, content)
    env = environment([templates_dir()])
    for text in (brief_markdown(brief), brief_html(brief),
                 *(pitch_markdown(meeting, s, env) for s in meeting.seats if s.pitch)):
        assert "Confidential" in text


def test_the_printable_brief_escapes_what_the_account_file_says(
        tmp_path: Path, content: Content) -> None:
    file = tmp_path / "a.yml"
    file.write_text(_edited("company: ", "company: <script>x</script> "), encoding="utf-8")
    html = brief_html(build_brief(_meeting(file, content), content))
    assert "<script>" not in html and "&lt;script&gt;" in html


def _prep(*args: str) -> object:
    return CliRunner().invoke(main, ["prep", *args])


@pytest.mark.parametrize("folder", ["content", "docs", "site"])
def test_prep_refuses_an_account_file_inside_a_folder_a_build_reads(
        tmp_path: Path, folder: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    content = tmp_path / "content"
    (tmp_path / folder).mkdir(exist_ok=True)
    content.mkdir(exist_ok=True)
    inside = tmp_path / folder / "account.yml"
    inside.write_text(ACCOUNTS[0].read_text())
    result = _prep(str(inside), str(content), "-o", str(tmp_path / "pack"),
                   "-f", str(tmp_path / "mkdocs.yml"))
    assert result.exit_code == 2 and f"inside the {folder} folder" in result.output
    assert not (tmp_path / "pack").exists()


def test_prep_writes_nothing_into_a_site(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    result = _prep(str(ACCOUNTS[0]), str(REPO / "content"), "-o", str(tmp_path / "site" / "p"),
                   "-f", str(tmp_path / "mkdocs.yml"))
    assert result.exit_code == 2 and "inside the site folder" in result.output
    assert not (tmp_path / "site").exists()


def test_prep_writes_the_pack_and_prints_a_link_per_attendee(tmp_path: Path) -> None:
    result = _prep(str(ACCOUNTS[0]), str(REPO / "content"), "-o", str(tmp_path / "pack"),
                   "-f", str(tmp_path / "none.yml"), "--site-url", SITE)
    assert result.exit_code == 0, result.output
    names = [a["name"] for a in yaml.safe_load(ACCOUNTS[0].read_text())["attendees"]]
    for name in names:
        assert re.search(rf"{name}: {re.escape(SITE)}pitches/\S+#for-", result.output)
    written = {p.name for p in (tmp_path / "pack").iterdir()}
    assert {"brief.md", "brief.html"} <= written
    decks = {f"{slug(n)}-{copy}.pptx" for n in names for copy in ("presenter", "leave-behind")}
    assert {n for n in written if n.endswith(".pptx")} == decks
    for name in decks:
        assert str(tmp_path / "pack" / name) in result.output


def test_prep_refuses_a_reference_deck_that_is_no_deck_before_writing_anything(
        tmp_path: Path) -> None:
    fake = tmp_path / "brand.pptx"
    fake.write_text("not a deck")
    result = _prep(str(ACCOUNTS[0]), str(REPO / "content"), "-o", str(tmp_path / "pack"),
                   "-f", str(tmp_path / "none.yml"), "--reference-deck", str(fake))
    assert result.exit_code == 2 and "--reference-deck" in result.output
    assert not (tmp_path / "pack").exists()


def test_prep_new_starts_an_account_file_check_accepts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("accounts")
    result = _prep("new", str(folder / "acme.yml"), str(REPO / "content"),
                   "--company", "Acme")
    assert result.exit_code == 0, result.output
    assert "$schema=../schema/account.schema.json" in (folder / "acme.yml").read_text()
    assert Path("schema/account.schema.json").read_text() == account_schema_json()
    checked = CliRunner().invoke(main, ["check", "--accounts", str(folder),
                                        str(REPO / "content")])
    assert checked.exit_code == 0, checked.output


def test_the_shipped_account_schema_is_the_one_prep_checks_with() -> None:
    assert (REPO / "schema" / "account.schema.json").read_text() == account_schema_json()
