"""Battlecards: given alternatives in the taxonomy and cards that address them, the team's site
has a battlecard per alternative (factor by factor, wins and losses with proof, stale ones
flagged), every pitch tab offers to pitch against them, `pitchcraft diff` says which pitches
an edit to one alters, and a public site names none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builders import REPO, TODAY
from pitchcraft.changes.diff import diff, public_view
from pitchcraft.changes.report import Labels, as_template
from pitchcraft.changes.snapshot import snapshot
from pitchcraft.load import load_content
from pitchcraft.site.pages import INTERNAL, PUBLIC, SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir

FIXTURE = REPO / "tests" / "golden" / "battlecards" / "content"
CARD = "insights/late-payers-are-a-forecast.md"


def _pages(root: Path, audience: str = INTERNAL) -> dict[str, str]:
    content = load_content(root, today=TODAY)
    site = build_site(content, SiteOptions(audience=audience), TODAY)
    return {p.path: p.markdown for p in site_pages(site, [templates_dir()])}


def _alternative_texts(root: Path) -> list[str]:
    """Every text of every alternative and every card's reasons against them."""
    content = load_content(root, today=TODAY)
    assert content.taxonomy is not None and content.taxonomy.alternatives
    texts = [t for a in content.taxonomy.alternatives for t in a.texts() if t]
    texts += [v.reason for c in content.cards for a in c.against for v in a.factors]
    return texts


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "content")
    return tmp_path / "content"


def test_each_alternative_has_a_battlecard_listed_on_the_index():
    pages = _pages(FIXTURE)
    index = pages["battlecards/index.md"]
    for alt in ("status-quo", "erp-dunning"):
        assert f"battlecards/{alt}.md" in pages
        assert f"(/battlecards/{alt}.md)" in index


def test_a_battlecard_shows_wins_with_proof_and_losses_per_factor():
    page = _pages(FIXTURE)["battlecards/erp-dunning.md"]
    offering = page.split("### Offering", 1)[1].split("###", 1)[0]
    assert "**Claimed**" in offering and "No proof yet: claimed, not shown." in offering
    commercials = page.split("### Commercials", 1)[1].split("###", 1)[0]
    assert "**Worse**" in commercials and "No proof" not in commercials
    status_quo = _pages(FIXTURE)["battlecards/status-quo.md"]
    assert "Proof: **31 days**" in status_quo
    assert "meaningfully different (4 of 5 shown better)" in status_quo


def test_a_stale_battlecard_is_flagged_on_its_page_and_on_the_index(content: Path):
    pages = _pages(content)
    assert '!!! warning "Stale: review was due 2026-07-01"' in pages["battlecards/status-quo.md"]
    assert "Stale" not in pages["battlecards/erp-dunning.md"]
    assert "**stale** (due 2026-07-01)" in pages["battlecards/index.md"]
    taxonomy = content / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("reviewed: 2026-01-02",
                                                     "reviewed: 2026-11-02"))
    assert "Stale" not in _pages(content)["battlecards/status-quo.md"]


def test_every_pitch_tab_offers_each_alternative_with_its_traps_and_answers():
    page = _pages(FIXTURE)["pitches/retail--late-cash.md"]
    for persona in ("cfo", "coo"):
        assert f'id="for-{persona}--against-status-quo"' in page
    assert page.count("Which of last month's late payers did you know about") == 2
    assert page.count('!!! rep "For the rep: where we lose"') == 4


def test_a_public_site_names_no_alternative(content: Path):
    pages = _pages(content, PUBLIC)
    assert "cards/late-payers-are-a-forecast.md" in pages  # the public card is there
    assert not any(p.startswith("battlecards/") for p in pages)
    found = {(path, text) for path, page in pages.items()
             for text in _alternative_texts(content) if text in page}
    assert found == set()


def _diff_text(before: Path, after: Path) -> tuple[object, str]:
    change = diff(snapshot(load_content(before, today=TODAY), TODAY),
                  snapshot(load_content(after, today=TODAY), TODAY))
    return change, as_template(change, Labels("main", "branch"), "text", [templates_dir()])


def test_the_diff_names_a_changed_alternative_and_every_pitch_it_alters(content: Path,
                                                                       tmp_path: Path):
    after = tmp_path / "after"
    shutil.copytree(content, after)
    taxonomy = after / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("No: one schedule for everyone.",
                                                     "No: one letter for everyone."))
    change, text = _diff_text(content, after)
    (alt,) = change.alternatives
    assert (alt.id, alt.fields) == ("erp-dunning", ("traps",))
    # buyers choose it for late cash: every late-cash pitch may be pitched against it
    late_cash = {k for k in snapshot(load_content(after, today=TODAY), TODAY).pitches
                 if k[1] == "late-cash"}
    assert len(late_cash) == 3 and {p.key for p in alt.pitches} == late_cash
    assert ("~ erp-dunning (The ERP's dunning module): traps; alters 3 pitches: "
            "Retail x Late cash (Chief Financial Officer, Chief Operating Officer); "
            "Logistics x Late cash (Chief Financial Officer)") in text
    assert public_view(change).empty


def test_the_diff_names_a_changed_factor_and_the_pitches_of_its_card(content: Path,
                                                                    tmp_path: Path):
    after = tmp_path / "after"
    shutil.copytree(content, after)
    card = after / CARD
    card.write_text(card.read_text().replace('value: {verdict: equal, reason: "Both bring',
                                             'value: {verdict: worse, reason: "Both bring'))
    change, text = _diff_text(content, after)
    (alt,) = change.alternatives
    assert alt.by_card() == [("late-payers-are-a-forecast", ("value",))]
    assert len(alt.pitches) == 2 and change.pitches == ()
    assert "late-payers-are-a-forecast: value; alters 2 pitches" in text
    assert "[stale" not in text  # this battlecard is fresh; another one, unchanged, is not:
    assert ("Stale battlecards (review overdue): status-quo (Chasing late payers by phone, "
            "due 2026-07-01)") in text
    md = as_template(change, Labels("main", "branch"), "md", [templates_dir()])
    assert "**Alternatives (battlecards)**" in md and "`erp-dunning`" in md
    assert ":warning: **Stale battlecards** (review overdue): `status-quo`" in md


def test_the_diff_flags_a_changed_battlecard_that_is_stale(content: Path, tmp_path: Path):
    after = tmp_path / "after"
    shutil.copytree(content, after)
    taxonomy = after / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("we only change who is called first",
                                                     "we change who is called first"))
    _, text = _diff_text(content, after)
    assert "status-quo (Chasing late payers by phone): concede; alters 3 pitches" in text
    assert "[stale: review was due 2026-07-01]" in text
