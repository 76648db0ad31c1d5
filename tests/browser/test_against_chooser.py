"""Pitching against an alternative: on each persona tab of a pitch page, the rep chooses the
buyer's other choice by its label and sees that alternative's traps, objection answers and,
set apart for the rep, where we lose; the other alternatives stay hidden, and choosing none
hides them all again."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from alternatives_content import alternatives_folder
from builders import site_project
from judges import WCAG_21_AA
from site_server import mkdocs_build, serve

PITCH = "pitches/retail--late-cash/#for-cfo"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("against")
    project = site_project(root, alternatives_folder(root / "content").root)
    result = mkdocs_build(project, root / "site", PITCHCRAFT_SEARCH="material")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_choosing_an_alternative_shows_its_traps_answers_and_where_we_lose(site, page: Page):
    with serve(site) as url:
        page.goto(url + PITCH)
        tab = page.locator(".tabbed-block").filter(has=page.locator("#for-cfo"))
        trap = tab.get_by_text("Which late payers did you know about before the invoice")
        erp_trap = tab.get_by_text("Does the reminder schedule change with the customer?")
        expect(trap).to_be_hidden()  # the talk track alone until the rep chooses
        chooser = tab.get_by_label("Pitch against")
        expect(chooser).to_be_visible()
        chooser.select_option(label="Chasing late payers by phone")
        expect(trap).to_be_visible()
        expect(tab.get_by_text("Our credit team already calls everyone.")).to_be_visible()
        rep = tab.locator(".admonition.rep").filter(has_text="calls well keeps small accounts")
        expect(rep).to_be_visible()
        expect(erp_trap).to_be_hidden()
        chooser.select_option(label="The ERP's dunning module")
        expect(erp_trap).to_be_visible()
        expect(trap).to_be_hidden()
        chooser.select_option(value="")
        expect(erp_trap).to_be_hidden()
        expect(trap).to_be_hidden()
        page.wait_for_load_state("networkidle")  # what the page fetches arrives before the
        # server stops, so no request is cut off into a console error


def test_each_persona_tab_has_its_own_chooser(site, page: Page):
    with serve(site) as url:
        page.goto(url + "pitches/retail--late-cash/#for-coo")
        tab = page.locator(".tabbed-block").filter(has=page.locator("#for-coo"))
        tab.get_by_label("Pitch against").select_option(label="The ERP's dunning module")
        expect(tab.get_by_text("It is free and already installed.")).to_be_visible()
        page.wait_for_load_state("networkidle")
        page.goto(url + PITCH)
        cfo = page.locator(".tabbed-block").filter(has=page.locator("#for-cfo"))
        expect(cfo.get_by_text("It is free and already installed.")).to_be_hidden()
        page.wait_for_load_state("networkidle")


def test_the_chosen_alternative_passes_the_accessibility_judge(site, page: Page):
    with serve(site) as url:
        page.goto(url + PITCH)
        tab = page.locator(".tabbed-block").filter(has=page.locator("#for-cfo"))
        tab.get_by_label("Pitch against").select_option(label="Chasing late payers by phone")
        result = Axe().run(page, context=".pc-against", options={
            "runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert result.violations_count == 0, result.generate_report()
        page.wait_for_load_state("networkidle")
