"""The published site: every page type exists, search finds what reps look for, and drafts
and retired cards are nowhere in the output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from builders import DEMO, TODAY, card_text, site_project
from pitchcraft.load import load_content
from pitchcraft.pitch import covered_combinations
from site_server import mkdocs_build

DRAFT_SENTENCE = "That is the quarterly churn spiral nobody has priced yet."


@pytest.fixture(scope="module")
def demo_content():
    return load_content(DEMO, today=TODAY)


def _all_text(site: Path) -> dict[str, str]:
    texts = {}
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            if file.suffix == ".gz":
                raw = gzip.decompress(raw)
            texts[file.relative_to(site).as_posix()] = raw.decode("utf-8", errors="replace")
    return texts


def test_every_page_type_is_built(demo_site, demo_content):
    taxonomy = demo_content.taxonomy
    expected = ["index.html", "coverage/index.html", "authoring/index.html",
                "meeting-prep/index.html", "publishing/index.html"]
    for kind, items in (("industries", taxonomy.industries), ("problems", taxonomy.problems),
                        ("personas", taxonomy.personas)):
        expected.append(f"{kind}/index.html")
        expected += [f"{kind}/{item.id}/index.html" for item in items]
    expected += [f"cards/{card.id}/index.html" for card in demo_content.published_cards]
    pairs = {(c.industry, c.problem) for c in covered_combinations(demo_content)}
    # The demo leaves some industry x problem pairs uncovered, so the finder's "not covered"
    # answer has something to show; every covered pair, and no other, has a pitch page.
    assert 0 < len(pairs) < len(taxonomy.industries) * len(taxonomy.problems)
    expected += [f"pitches/{industry}--{problem}/index.html" for industry, problem in pairs]
    missing = [path for path in expected if not (demo_site / path).is_file()]
    assert missing == []
    pitch_pages = {p.parent.name for p in (demo_site / "pitches").glob("*/index.html")}
    assert pitch_pages == {f"{industry}--{problem}" for industry, problem in pairs}


def test_drafts_and_retired_cards_appear_in_no_file(demo_site, demo_content):
    draft_ids = [c.id for c in demo_content.cards if c.status in ("draft", "retired")]
    assert {c.status for c in demo_content.cards if c.id in draft_ids} == {"draft", "retired"}
    for path, text in _all_text(demo_site).items():
        assert DRAFT_SENTENCE not in text, path
        for card_id in draft_ids:
            assert f"cards/{card_id}" not in text, (path, card_id)
    assert not (demo_site / "cards" / draft_ids[0]).exists()


def test_search_index_holds_cards_and_pitches_and_boosts_pitches(demo_site):
    index = json.loads((demo_site / "search" / "search_index.json").read_text())
    pages = {d["location"]: d for d in index["docs"] if "#" not in d["location"]}
    card = pages["cards/shift-start-sets-the-bill/"]
    pitch = pages["pitches/food-processing--peak-demand-charges/"]
    assert card["title"] == "Your demand charge is set in fifteen minutes at shift start-up"
    assert "Food and beverage processing" in card["text"]  # industry names are searchable
    assert "Peak demand charges" in card["text"]
    assert pitch.get("boost", 1) > card.get("boost", 1)
    assert "peak-demand" in card.get("tags", [])


def test_pitch_page_has_a_tab_per_persona_linking_back_to_cards(demo_site):
    html = (demo_site / "pitches/food-processing--peak-demand-charges/index.html").read_text()
    for persona in ("Chief Financial Officer", "Chief Operating Officer", "Plant manager"):
        assert f">{persona}</label>" in html
    assert 'id="for-cfo"' in html
    assert "../../cards/shift-start-sets-the-bill/" in html
    assert "Cost of doing nothing" in html and "Differentiation scorecard" in html


def test_a_content_error_fails_the_build_with_the_finding(tmp_path):
    project = site_project(tmp_path)
    broken = project / "content/insights/broken.md"
    broken.write_text(card_text().replace("industries: [retail]", "industires: [retail]"))
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "content/insights/broken.md:4:1: error: unknown field 'industires'" in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_only_a_strict_build(tmp_path):
    project = site_project(tmp_path)
    card = project / "content/insights/peak-demand/shift-start-sets-the-bill.md"
    card.write_text(card.read_text().replace("reviewed: 2026-11-27", "reviewed: 2024-01-10"))
    strict = mkdocs_build(project, tmp_path / "strict")
    assert strict.returncode != 0
    assert "stale: review was due" in strict.stderr
    assert "ask Priya Raman" in strict.stderr
    relaxed = mkdocs_build(project, tmp_path / "relaxed", "--no-strict")
    assert relaxed.returncode == 0, relaxed.stderr
    assert "stale: review was due" in relaxed.stderr
    page = (tmp_path / "relaxed/cards/shift-start-sets-the-bill/index.html").read_text()
    assert "Stale: review was due" in page


def test_drafts_preview_shows_drafts_with_a_banner(tmp_path):
    project = site_project(tmp_path)
    result = mkdocs_build(project, tmp_path / "out", "--no-strict", PITCHCRAFT_DRAFTS="true")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "out/cards/tier-one-customers-resource-on-carbon/index.html"
    assert DRAFT_SENTENCE in page.read_text()
    assert "This card is a draft" in page.read_text()


def test_a_content_error_stops_mkdocs_before_it_cleans_the_last_site(tmp_path):
    project = site_project(tmp_path)
    site = tmp_path / "out"
    assert mkdocs_build(project, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    card = project / "content/insights/peak-demand/shift-start-sets-the-bill.md"
    card.write_text(card.read_text().replace("status: published", "status: publishd"))
    failed = mkdocs_build(project, site)
    assert failed.returncode != 0
    assert "did you mean 'published'?" in failed.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_site_of_some_page_groups_builds_strict_without_broken_links(tmp_path):
    project = site_project(tmp_path)
    (project / "docs/links.md").write_text(
        "# Links\n\nSee [the gaps][gaps], [a pitch](pitches/x--y.md#for-cfo) and "
        "[the cards](/cards/shift-start-sets-the-bill.md).\n\n"
        '<div markdown="1">\n[Industries](industries/index.md)\n</div>\n\n'
        '<p>In HTML: <a href="../coverage/">the <b>raw</b> gaps</a>, '
        '<a href="../cards/shift-start-sets-the-bill/">a raw card</a>.</p>\n\n'
        "[gaps]: coverage.md\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      search: !ENV [PITCHCRAFT_SEARCH, auto]\n",
        "      search: !ENV [PITCHCRAFT_SEARCH, auto]\n      pages: [home, cards]\n"))
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "cards/shift-start-sets-the-bill/index.html").is_file()
    assert not (site / "industries").exists() and not (site / "pitches").exists()
    card = (site / "cards/shift-start-sets-the-bill/index.html").read_text()
    assert "Food and beverage processing" in card and 'href="../../industries/' not in card
    guide = (site / "meeting-prep/index.html").read_text()
    assert 'href="../coverage/' not in guide
    links = (site / "links/index.html").read_text()  # reference-style and md_in_html links too
    assert "the gaps" in links and "a pitch" in links and "Industries" in links
    assert "coverage/" not in links and "pitches/" not in links and "industries/" not in links
    assert 'href="../cards/shift-start-sets-the-bill/"' in links
    assert "the <b>raw</b> gaps" in links and ">a raw card</a>" in links
    home = (site / "index.html").read_text()
    assert "data-pc-finder" not in home  # no pitches, so no pitch finder
    assert 'href="cards/shift-start-sets-the-bill/"' in home
