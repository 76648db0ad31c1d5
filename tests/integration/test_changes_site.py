"""What changed, for reps: the Changes page, the "last changed" lines and the Atom feeds, from a
real git history; public builds carry public cards only; no history still builds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from builders import TODAY
from change_repo import golden, make_repo
from pitchcraft.changes.history import (
    NOT_A_REPO,
    SHALLOW,
    TURNED_OFF,
    content_history,
    site_changes,
)
from pitchcraft.load import load_content
from pitchcraft.site.pages import INTERNAL, PUBLIC, SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir
from site_server import mkdocs_build


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Content alone, so commit ids (in the golden page) do not follow the docs' edits."""
    return make_repo(tmp_path_factory.mktemp("changes-site"))


@pytest.fixture(scope="module")
def site_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("changes-build"), site=True)


def pages(content: Path, audience: str = INTERNAL) -> dict[str, str]:
    log = content_history(content, TODAY, site_url="https://pitches.example.com/")
    site = build_site(load_content(content, today=TODAY),
                      SiteOptions(audience=audience, changes=log), TODAY)
    return {p.path: p.markdown for p in site_pages(site, [templates_dir()])}


def feed(built: dict[str, str], name: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(built[f"changes/feeds/{name}.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def titles(parsed: feedparser.FeedParserDict) -> list[str]:
    return [e.title for e in parsed.entries]


def test_the_changes_page_lists_recent_changes_newest_first(repo, update_golden):
    page = pages(repo / "content")["changes/index.md"]
    golden("changes-page.md", page, update_golden)
    order = [page.index(s) for s in ("Chasing costs more quotes", "Retire the logistics card",
                                     "A new way, told for the COO", "Benchmark 2026 update",
                                     "Three cards for late cash")]
    assert order == sorted(order)
    assert "Readme" not in page  # a commit that left the content alone is no change


def test_card_and_pitch_pages_say_when_their_text_last_changed(repo):
    built = pages(repo / "content")
    card = built["cards/late-payers.md"].replace("\\(", "(").replace("\\)", ")")
    assert "Text last changed 2026-11-04: changed (sections: A new way (for coo))" in card
    pitch = built["pitches/retail--late-cash.md"]
    assert pitch.count("Text last changed 2026-11-06: now from the card Chasing costs more") == 1
    assert "[what changed](/changes/index.md#c-" in pitch


def test_the_feeds_carry_each_change_to_the_reps_who_follow_it(repo):
    built = pages(repo / "content")
    everything = feed(built, "all")
    assert titles(everything) == [
        "Chasing costs more quotes the benchmark too", "Retire the logistics card",
        "A new way, told for the COO", "Benchmark 2026 update: distributors collect 12.1 days late",
        "Three cards for late cash"]
    assert everything.entries[0].link == "https://pitches.example.com/changes/#c-" + \
        everything.entries[0].id.rsplit("-", 1)[1]
    assert titles(feed(built, "industry-logistics")) == [
        "Retire the logistics card",
        "Benchmark 2026 update: distributors collect 12.1 days late",
        "Three cards for late cash"]
    coo = feed(built, "persona-coo")
    assert "Retire the logistics card" not in titles(coo)
    assert "A new way, told for the COO" in titles(coo)
    variant = next(e for e in coo.entries if e.title == "A new way, told for the COO")
    assert "Retail x Late cash x Chief Operating Officer: steps: A new way" in variant.summary
    assert "Chief Financial Officer" not in variant.summary


def built_internal_page(repo: Path) -> str:
    return pages(repo / "content")["changes/index.md"]


def test_a_public_build_carries_only_public_cards_changes(repo):
    built = pages(repo / "content", PUBLIC)
    public_text = built["changes/index.md"] + "".join(
        text for path, text in built.items() if path.startswith("changes/feeds/"))
    assert "Logistics tenders" not in public_text  # an internal card
    assert " x Late cash x " not in public_text  # no pitches on a public site
    assert "Dana Smith" not in public_text
    internal = built_internal_page(repo)
    assert "2\\.1% → 2\\.4%" in internal  # an internal figure of a public card, by value
    assert "write\\-offs" not in internal  # values, not ledger ids
    assert "write" not in public_text and "2.4%" not in public_text  # stays internal
    assert titles(feed(built, "all")) == [
        "Updated: Chasing costs more",  # the commit subject is the team's, not the buyer's
        "Updated: Late payers are a forecasting problem",
        "Updated: Chasing costs more, Late payers are a forecasting problem",  # the figure
        "Updated: Chasing costs more, Late payers are a forecasting problem"]
    assert "Retire the logistics card" not in public_text


def test_a_folder_outside_git_still_builds_and_says_so(repo, tmp_path):
    outside = shutil.copytree(repo / "content", tmp_path / "content")
    built = pages(outside)
    assert NOT_A_REPO in built["changes/index.md"]
    assert feed(built, "all").entries == []
    assert "Text last changed" not in built["cards/late-payers.md"]


def test_a_shallow_clone_still_builds_and_says_so(repo, tmp_path):
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(tmp_path / "c")],
                   check=True)
    assert SHALLOW.split(":")[0] in pages(tmp_path / "c" / "content")["changes/index.md"]


def test_the_real_build_writes_the_changes_page_and_valid_feeds(site_repo, tmp_path):
    result = mkdocs_build(site_repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Retire the logistics card" in (site / "changes" / "index.html").read_text()
    parsed = feedparser.parse((site / "changes" / "feeds" / "persona-cfo.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 5
    pitch = (site / "pitches" / "retail--late-cash" / "index.html").read_text()
    assert 'class="pc-changed pc-screen-only"' in pitch and 'href="../../changes/#c-' in pitch


def test_changes_false_turns_the_lines_and_feed_entries_off(repo):
    log = site_changes(False, repo / "content", TODAY)
    site = build_site(load_content(repo / "content", today=TODAY),
                      SiteOptions(changes=log), TODAY)
    built = {p.path: p.markdown for p in site_pages(site, [templates_dir()])}
    assert TURNED_OFF in built["changes/index.md"]
    assert "Text last changed" not in built["pitches/retail--late-cash.md"]
    assert feed(built, "all").entries == []
