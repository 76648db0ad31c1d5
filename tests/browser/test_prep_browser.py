"""A meeting pack as a rep opens it: the printable brief on a 390 px phone, and each
attendee's link into the built demo site, where the page says it uses the link's numbers and
offers the way back to the defaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from builders import REPO, TODAY
from judges import PHONE, browsing, open_page
from pitchcraft.load import load_content
from pitchcraft.pitch.figures import figures_for
from pitchcraft.prep.brief import build_brief
from pitchcraft.prep.brief_page import brief_html
from pitchcraft.prep.meeting import Meeting, plan_meeting
from pitchcraft.prep.read import read_account
from site_server import serve

ACCOUNTS = sorted((REPO / "accounts").glob("*.yml"))
PAGE_WIDTH = "document.scrollingElement.scrollWidth"


def _meeting(file: Path, site_url: str) -> Meeting:
    content = load_content(REPO / "content", today=TODAY)
    account, findings = read_account(file, file.name, content, TODAY)
    assert account is not None and findings == []
    return plan_meeting(account, content, TODAY, site_url)


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as url:
        yield url + "/"


@pytest.mark.parametrize("file", ACCOUNTS, ids=lambda f: f.stem)
def test_the_printable_brief_fits_a_phone(browser: Browser, tmp_path: Path, file: Path) -> None:
    page_file = tmp_path / "brief.html"
    meeting = _meeting(file, "https://pitches.example.com/")
    page_file.write_text(brief_html(build_brief(meeting, load_content(REPO / "content",
                                                                        today=TODAY))))
    with browsing(browser, viewport=PHONE) as page:
        page.goto(page_file.as_uri())
        assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
        expect(page.locator(".notice")).to_contain_text("Confidential")
        for seat in meeting.seats:
            expect(page.locator("body")).to_contain_text(seat.attendee.name)
        page.emulate_media(media="print")
        assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]


def test_a_link_with_the_accounts_numbers_says_so_and_leads_back_to_the_defaults(
        browser: Browser, site: str) -> None:
    meeting = _meeting(ACCOUNTS[0], site)
    seat = next(s for s in meeting.seats if s.link_numbers)
    assert seat.pitch is not None and seat.pitch.figures is not None
    name = seat.pitch.figures.plan.model.outputs[0].name
    ours = seat.pitch.figures.plain(f"{{cost: {name}}}")
    with browsing(browser, viewport=PHONE) as page:
        open_page(page, seat.link)
        banner = page.locator(".pc-deep-link")
        expect(banner).to_be_visible()
        for number, _ in meeting.account.numbers:
            item = seat.pitch.figures.plan.model.input(number)
            assert item is not None
            expect(banner).to_contain_text(item.label)
            expect(banner).to_contain_text(seat.pitch.figures.plain(f"{{cost: {number}}}"))
        expect(page.locator(f"#for-{seat.attendee.persona}")).to_be_visible()
        figure = page.locator(f'[data-cost-output="{name}"]').first
        expect(figure).to_have_text(ours)
        banner.get_by_role("link").click()
        page.wait_for_load_state("networkidle")
        expect(page.locator(".pc-deep-link")).to_have_count(0)
        assert f"card={seat.pitch.card.id}" in page.url
        assert all(f"{n}=" not in page.url for n, _ in meeting.account.numbers)
        expect(page.locator(f'[data-cost-output="{name}"]').first).not_to_have_text(ours)


@pytest.mark.parametrize("seat_index", range(4), ids=lambda i: f"attendee {i + 1}")
def test_each_attendees_link_shows_their_own_figures_on_their_tab(
        browser: Browser, site: str, seat_index: int) -> None:
    """Corvane's four attendees: two told from a card that is an alternative on their tab,
    one from a tab's lead card, one from a card without a cost model."""
    file = REPO / "accounts" / "corvane-metalworks.yml"
    meeting = _meeting(file, site)
    assert len(meeting.seats) == 4
    seat = meeting.seats[seat_index]
    assert seat.pitch is not None
    figures, card = seat.pitch.figures, seat.pitch.card
    tab = f".tabbed-block:has(#for-{seat.attendee.persona})"
    with browsing(browser, viewport=PHONE) as page:
        open_page(page, seat.link)
        expect(page.locator(f"#for-{seat.attendee.persona}")).to_be_visible()
        if figures is None:  # nothing to fill: the tab opens, no line about numbers
            assert not seat.link_numbers
            expect(page.locator(".pc-deep-link")).to_have_count(0)
            return
        assert seat.link_numbers
        expect(page.locator(".pc-deep-link")).to_contain_text(card.title)
        said = page.locator(f'{tab} [data-cost-card="{card.id}"]'
                            "[data-cost-output]:not([data-cost-exact])").filter(visible=True)
        expect(said.first).to_be_visible()
        shown = said.evaluate_all("els => els.map(e => [e.dataset.costOutput, e.textContent])")
        assert shown
        for name, text in shown:
            assert text == figures.plain(f"{{cost: {name}}}"), (name, text)
        defaults = figures_for(card, load_content(REPO / "content", today=TODAY).ledger)
        assert defaults is not None
        assert any(text != defaults.plain(f"{{cost: {name}}}") for name, text in shown)


def test_a_link_to_a_card_the_page_does_not_tell_says_so_and_keeps_the_defaults(
        browser: Browser, site: str) -> None:
    meeting = _meeting(ACCOUNTS[0], site)
    seat = next(s for s in meeting.seats if s.link_numbers)
    assert seat.pitch is not None and seat.pitch.figures is not None
    link = seat.link.replace(f"card={seat.pitch.card.id}", "card=no-such-card")
    with browsing(browser, viewport=PHONE) as page:
        open_page(page, link)
        expect(page.locator(".pc-deep-link")).to_have_count(1)
        expect(page.locator(".pc-deep-link")).to_contain_text("no-such-card")
        expect(page.locator(f"#for-{seat.attendee.persona}")).to_be_visible()
        name = seat.pitch.figures.plan.model.outputs[0].name
        ours = seat.pitch.figures.plain(f"{{cost: {name}}}")
        for figure in page.locator(f'[data-cost-output="{name}"]').all():
            expect(figure).not_to_have_text(ours)


def test_typing_into_another_cards_calculator_changes_only_its_figures_and_the_link(
        browser: Browser, site: str) -> None:
    """Martin Holt's card is an alternative on his tab: typing into the calculator of the
    tab's own card changes that card's figures and moves the link to it, and leaves his."""
    meeting = _meeting(REPO / "accounts" / "corvane-metalworks.yml", site)
    seat = next(s for s in meeting.seats if s.attendee.role == "economic-buyer")
    assert seat.pitch is not None and seat.pitch.figures is not None and seat.link_numbers
    tab = f".tabbed-block:has(#for-{seat.attendee.persona})"
    with browsing(browser, viewport=PHONE) as page:
        open_page(page, seat.link)
        lead = page.locator(f"#for-{seat.attendee.persona}").get_attribute("data-pc-card")
        assert lead and lead != seat.pitch.card.id
        theirs = page.locator(f'{tab} [data-cost-card="{seat.pitch.card.id}"][data-cost-output]')
        before_theirs = theirs.all_text_contents()
        ours = page.locator(f'{tab} [data-cost-output][data-cost-card="{lead}"]')
        before_ours = ours.all_text_contents()
        assert before_theirs and before_ours
        page.locator(f'{tab} details.pc-calculator[data-cost-card="{lead}"] > summary').click()
        fields = page.locator(f'{tab} [data-cost-inputs][data-cost-card="{lead}"] input').all()
        for field in fields:  # each at the top of its range: the card's figures all move
            field.fill(field.get_attribute("max") or "")
        assert ours.all_text_contents() != before_ours
        assert theirs.all_text_contents() == before_theirs
        assert f"card={lead}" in page.url
        assert f"card={seat.pitch.card.id}" not in page.url
        assert all(f"{f.get_attribute('name')}=" in page.url for f in fields)
