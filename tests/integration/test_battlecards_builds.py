"""Alternatives are the team's: given a site whose taxonomy names the buyer's other choices and
whose public card says how it beats them, and a history that edits both, the public build
holds none of their texts in any byte (pages, sitemap, feeds, Pagefind's compressed index),
while the team's build has a battlecard for each, found by its search and named on the
Changes page and in the feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternatives_content import alternatives_folder
from builders import TODAY, site_project
from change_repo import _git
from pitchcraft.load import load_content
from rep_note_containers import site_text
from site_server import mkdocs_build

CARD = "content/insights/card.md"
EDITS = {  # the second commit: an alternative's text, a verdict, and the public card's text
    "content/taxonomy.yml": ("we only change who is called first",
                             "we change only who is called first"),
    CARD: ('risk: {verdict: equal, reason: "Both leave the ledger as it is."}',
           'risk: {verdict: worse, reason: "Nothing new runs with the module."}'),
    "content/insights/card.md#body": ("Predict who will pay late",
                                      "Predict which customers pay late"),
}


def _texts(content: Path) -> set[str]:
    """Every alternative's texts (name, description, when chosen, traps, objections, where we
    lose, what to concede, landmines) and every card's reasons against them."""
    loaded = load_content(content, today=TODAY)
    assert loaded.taxonomy is not None and len(loaded.taxonomy.alternatives) == 2
    found = {t for a in loaded.taxonomy.alternatives for t in a.texts() if t}
    found |= {v.reason for c in loaded.cards for a in c.against for v in a.factors}
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("battlecards")
    folder = alternatives_folder(root / "content")
    project = site_project(root, folder.root)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "The site")
    texts = _texts(project / "content")
    for path, (old, new) in EDITS.items():
        file = project / path.split("#")[0]
        assert old in file.read_text()
        file.write_text(file.read_text().replace(old, new))
    _git(project, "commit", "-q", "-am", "Sharper battlecard, verdict and reframe",
         when="2026-11-10T09:00:00+00:00")
    return project, texts | _texts(project / "content")


@pytest.fixture(scope="module")
def builds(project: tuple[Path, set[str]]) -> dict[str, dict[str, str]]:
    folder, _ = project
    sites = {}
    for name, env in {"public": {"PITCHCRAFT_AUDIENCE": "public"},
                      "public-material": {"PITCHCRAFT_AUDIENCE": "public",
                                          "PITCHCRAFT_SEARCH": "material"},
                      "internal": {}}.items():
        result = mkdocs_build(folder, folder.parent / name, **{
            "PITCHCRAFT_SEARCH": "pagefind", "SOURCE_DATE_EPOCH": "1795996800",  # 2026-11-30
            **env})
        assert result.returncode == 0, result.stderr
        sites[name] = site_text(folder.parent / name)
    return sites


def test_a_public_build_holds_no_alternative_in_any_byte(project, builds):
    _, texts = project
    site = builds["public"]
    assert "cards/card/index.html" in site  # the public card is built, and so is its change
    assert any(p.startswith("pagefind/fragment/") for p in site)  # decompressed by site_text
    assert "Late payers are a forecasting problem" in site["changes/feeds/all.xml"]
    fragments = "".join(t for p, t in site.items() if p.startswith("pagefind/fragment/"))
    assert "Predictive dunning ranks invoices by risk." in fragments  # the index is readable
    assert not any(p.startswith("battlecards/") for p in site)
    assert "battlecards" not in site["sitemap.xml"]
    for build in ("public", "public-material"):
        leaks = {(path, text) for path, page in builds[build].items() for text in texts
                 if text in page}
        assert leaks == set(), build
    assert "Predictive dunning" in builds["public-material"]["search/search_index.json"]


def test_the_team_site_has_a_battlecard_per_alternative_found_by_search(project, builds):
    site = builds["internal"]
    _, texts = project
    shown = "".join(t for p, t in site.items() if p.startswith("battlecards/"))
    assert "The ERP's dunning module" in shown and "Never call the ERP module broken." in shown
    assert sum(text in shown for text in texts) > len(texts) // 2  # the texts looked for
    assert "battlecards/status-quo/index.html" in site
    assert "battlecards/erp-dunning/index.html" in site
    index = site["battlecards/index.html"]
    assert 'href="status-quo/"' in index or 'href="../battlecards/status-quo/"' in index
    fragments = "".join(t for p, t in site.items() if p.startswith("pagefind/fragment/"))
    assert "Which late payers did you know about before the invoice" in fragments


def test_the_team_site_names_battlecard_changes_on_the_changes_page_and_feeds(builds):
    site = builds["internal"]
    page = site["changes/index.html"]
    assert "Battlecard" in page and "Chasing late payers by phone" in page
    assert "card: risk" in site["changes/feeds/all.xml"]
    assert "The ERP's dunning module" in site["changes/feeds/all.xml"]
    assert "Battlecard Chasing late payers by phone" in site["changes/feeds/industry-retail.xml"]
    assert "Battlecard" not in site["changes/feeds/industry-logistics.xml"]  # alters none there
    battlecard = site["battlecards/status-quo/index.html"]
    assert "Last changed 2026-11-10: concede; alters 2 pitches" in battlecard
