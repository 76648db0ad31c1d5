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


def test_a_link_to_another_card_opens_that_cards_pitch_on_the_tab(
        browser: Browser, site: str) -> None:
    meeting = _meeting(ACCOUNTS[-1], site)
    seat = next(s for s in meeting.seats if s.pitch and s.pitch.card.cost_model
                and not s.link_numbers)
    assert seat.pitch is not None
    anchor = f"#{seat.attendee.persona}--{seat.pitch.card.id}"
    with browsing(browser, viewport=PHONE) as page:
        open_page(page, seat.link)
        expect(page.locator(f"{anchor} + details")).to_have_attribute("open", "")
        expect(page.locator(".pc-deep-link")).to_have_count(0)
