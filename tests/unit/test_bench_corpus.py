"""The benchmark's inputs are sound: synthetic cards are valid, and the plain project matches.

Also checks, on the synthetic content, that the indexes the site uses at scale give exactly
what scanning every card gives.
"""

from __future__ import annotations

from pathlib import Path

import pathspec
import pytest
from bench import corpus, plain
from click.testing import CliRunner

from builders import REPO, TODAY
from pitchcraft.cli import main
from pitchcraft.load import load_content
from pitchcraft.pitch import CardIndex, Combination, compose_pitch, covered_combinations
from pitchcraft.pitch.talk_time import spoken_words
from pitchcraft.site.page_groups import NAV_PAGES
from pitchcraft.site.pages import Site, SiteOptions, build_site, site_pages


@pytest.fixture(scope="module")
def hundred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.make_corpus(100, tmp_path_factory.mktemp("bench") / "content", seed=1)


def test_synthetic_cards_pass_check_strict(hundred):
    result = CliRunner().invoke(main, ["check", "--strict", str(hundred)])
    assert result.exit_code == 0, result.output
    assert "100 cards: 95 published, 5 draft" in result.output
    assert "0 errors, 0 warnings" in result.output


def test_synthetic_cards_are_realistic(hundred):
    content = load_content(hundred, today=TODAY)
    cards = content.cards
    sizes = [len(p.read_bytes()) for p in (hundred / "insights").rglob("*.md")]
    assert 2_500 < sum(sizes) / len(sizes) < 5_000  # like the demo cards
    assert all(len(c.objections) == 2 for c in cards)
    assert all(any(s.variants for s in c.sections.values()) for c in cards)
    assert all(c.evidence and all(e.source for e in c.evidence) for c in cards)
    assert any(c.all_industries for c in cards)
    assert any(e.id for c in cards for e in c.evidence)  # ledger references
    assert any(not e.id for c in cards for e in c.evidence)  # and inline figures


def test_the_corpus_is_deterministic_and_grows_its_taxonomy(tmp_path):
    first = corpus.make_corpus(30, tmp_path / "a", seed=7)
    second = corpus.make_corpus(30, tmp_path / "b", seed=7)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    small, large = corpus.sizes(1_000), corpus.sizes(10_000)
    assert large.industries * large.problems / 10_000 == pytest.approx(
        small.industries * small.problems / 1_000, rel=0.1)  # pitch pages grow with N


def test_indexes_give_what_scanning_every_card_gives(hundred):
    content = load_content(hundred, today=TODAY)
    site = build_site(content, SiteOptions(), TODAY)
    taxonomy = site.taxonomy
    for kind, items in (("industries", taxonomy.industries), ("problems", taxonomy.problems),
                        ("personas", taxonomy.personas)):
        for item in [*items, type(items[0])(id="not-in-taxonomy", name="x", description="x")]:
            if kind == "industries":
                scanned = [c for c in site.cards if c.fits_industry(item.id)]
            else:
                scanned = [c for c in site.cards if item.id in getattr(c, kind)]
            assert site.cards_for(kind, item.id) == scanned
            if kind == "personas":
                pitches = [k for k, ps in site.pitches.items()
                           if any(p.persona.id == item.id for p in ps)]
            else:
                pitches = [k for k in site.pitches if k[kind == "problems"] == item.id]
            assert site.pitches_for(kind, item.id) == pitches
    for industry in [*(i.id for i in taxonomy.industries), "not-in-taxonomy"]:
        for problem in (p.id for p in taxonomy.problems):
            assert site.cards_serving(industry, problem) == [
                c for c in site.cards if c.fits_industry(industry) and problem in c.problems]
    index = CardIndex(content.cards)
    combinations = covered_combinations(content)
    assert len(combinations) > 100
    for combination in [*combinations, Combination("not-in-taxonomy", *combinations[0][1:])]:
        assert compose_pitch(content, combination, TODAY, index) == compose_pitch(
            content, combination, TODAY)


def test_plain_project_has_the_plugins_pages_without_the_plugin(hundred, tmp_path):
    pages = plain.write_project(REPO, hundred, tmp_path / "plain", plugin=False)
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- pitchcraft" not in config and "content: content" not in config
    assert "- search" in config
    assert not (tmp_path / "plain" / "content").exists()
    docs = tmp_path / "plain" / "docs"
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    generated = [p.path for p in plain.generate(_project_with(tmp_path, hundred) / "content")]
    assert pages == len(generated)
    assert set(generated) <= set(written)
    patterns = config.split("not_in_nav: |\n")[1].splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines([p.strip() for p in patterns])  # as MkDocs
    assert {p for p in written if spec.match_file(p)} == {
        p for p in generated if p not in NAV_PAGES}


def _project_with(tmp_path: Path, content: Path) -> Path:
    project = tmp_path / "plugin"
    plain.write_project(REPO, content, project, plugin=True)
    return project


def test_pages_are_the_same_without_the_indexes(hundred, monkeypatch):
    """Every generated page, built with the indexes and with plain scans of every card."""
    content = load_content(hundred, today=TODAY)
    templates = [REPO / "theme" / "templates"]
    fast = [(p.path, p.markdown) for p in site_pages(build_site(content, SiteOptions(), TODAY),
                                                     templates)]

    def cards_for(site: Site, kind: str, item_id: str) -> list:
        if kind == "industries":
            return [c for c in site.cards if c.fits_industry(item_id)]
        return [c for c in site.cards if item_id in getattr(c, kind)]

    def cards_serving(site: Site, industry: str, problem: str) -> list:
        return [c for c in site.cards if c.fits_industry(industry) and problem in c.problems]

    def pitches_for(site: Site, kind: str, item_id: str) -> list:
        if kind == "personas":
            return [k for k, ps in site.pitches.items()
                    if any(p.persona.id == item_id for p in ps)]
        return [k for k in site.pitches if k[0 if kind == "industries" else 1] == item_id]

    monkeypatch.setattr(Site, "cards_for", cards_for)
    monkeypatch.setattr(Site, "cards_serving", cards_serving)
    monkeypatch.setattr(Site, "pitches_for", pitches_for)
    monkeypatch.setattr(CardIndex, "candidates", lambda index, combination: content.cards)
    monkeypatch.setattr(CardIndex, "spoken_words", lambda index, text: spoken_words(text))
    slow = [(p.path, p.markdown) for p in site_pages(build_site(content, SiteOptions(), TODAY),
                                                     templates)]
    assert fast == slow
