"""A preview started again takes over the last one's pitches and pages, and never serves a page
the content as it is now would not make.

Each test makes the demo's pages with one `SiteGenerator`, then with a fresh one sharing the
cache folder (two runs of `pitchcraft serve`), and holds the second to the pages a generator
with no cache at all makes from the content as it is then.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builders import DEMO, TODAY
from pitchcraft.load import card_cache
from pitchcraft.load.card_cache import CARD_CACHE
from pitchcraft.output import incremental
from pitchcraft.output.incremental import SiteGenerator
from pitchcraft.site import page_memo
from pitchcraft.site.pages import SiteOptions
from pitchcraft.theme_files import templates_dir


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This user's signing key lives here, not in the real home folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def demo_with(cards: int, folder: Path) -> Path:
    root = Path(shutil.copytree(DEMO, folder))
    for card in sorted((root / "insights").rglob("*.md"))[cards:]:
        card.unlink()
    return root


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The demo's taxonomy and ledger with a few of its cards (a build takes a moment)."""
    return demo_with(4, tmp_path / "content")


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates rendered, in order."""
    seen: list[str] = []
    real = page_memo.render

    def counted(env, template, **context):  # type: ignore[no-untyped-def]
        seen.append(template)
        return real(env, template, **context)

    monkeypatch.setattr(page_memo, "render", counted)
    return seen


class Preview:
    """One run of the preview: a generator keeping its state in `cache`."""

    def __init__(self, cache: Path, templates: list[Path] | None = None) -> None:
        cache.mkdir(exist_ok=True)
        self.generator = SiteGenerator()
        self.generator.cards.store_in(cache)
        self.templates = templates or [templates_dir()]
        self.composed = 0

    def pages(self, content: Path) -> dict[str, str]:
        loaded = self.generator.load(content, TODAY)
        made = self.generator.pages(loaded, SiteOptions(), TODAY, self.templates)
        self.composed = made.pitches_composed
        return {page.path: page.markdown for page in made.pages}


def fresh_pages(content: Path, templates: list[Path] | None = None) -> dict[str, str]:
    """What a generator with nothing kept makes of the content as it is now."""
    generator = SiteGenerator()
    made = generator.pages(generator.load(content, TODAY), SiteOptions(), TODAY,
                           templates or [templates_dir()])
    return {page.path: page.markdown for page in made.pages}


def edit_first_card(content: Path, word: str) -> Path:
    card = sorted((content / "insights").rglob("*.md"))[0]
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("## Reframe\n\n", f"## Reframe\n\n{word} ", 1), encoding="utf-8")
    return card


def test_a_restart_on_the_same_content_composes_and_renders_only_site_wide_pages(
        content, tmp_path, renders):
    first = Preview(tmp_path / "cache").pages(content)  # nothing stored yet: a fresh build
    assert any(path.startswith("pitches/") for path in first)
    renders.clear()
    restarted = Preview(tmp_path / "cache")
    assert restarted.pages(content) == first
    assert restarted.composed == 0
    assert renders and not {"site/card.md.j2", "site/pitch_page.md.j2"} & set(renders)


def test_a_card_edited_between_runs_or_after_a_restart_changes_its_pages(content, tmp_path,
                                                                          renders):
    before = Preview(tmp_path / "cache").pages(content)
    edit_first_card(content, "quillon")
    renders.clear()
    restarted = Preview(tmp_path / "cache")
    after = restarted.pages(content)
    assert renders.count("site/card.md.j2") == 1
    assert 0 < restarted.composed < sum(path.startswith("pitches/") for path in after) * 3
    assert after == fresh_pages(content)
    assert any("quillon" in after[path] for path in after if after[path] != before.get(path))
    edit_first_card(content, "quillet")  # a save in the restarted preview
    saved = restarted.pages(content)
    assert any("quillet" in text for text in saved.values())
    assert saved == fresh_pages(content)


def test_a_changed_taxonomy_is_never_served_from_the_state(content, tmp_path):
    Preview(tmp_path / "cache").pages(content)
    taxonomy = content / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    taxonomy.write_text(text.replace(name, name + " Renamed", 1), encoding="utf-8")
    restarted = Preview(tmp_path / "cache")
    assert restarted.pages(content) == fresh_pages(content)
    assert restarted.composed > 0


def test_a_team_template_changed_between_runs_renders_its_pages_again(content, tmp_path):
    own = tmp_path / "own-templates" / "site"
    own.mkdir(parents=True)
    card_template = templates_dir() / "site" / "card.md.j2"
    (own / "card.md.j2").write_text(card_template.read_text(encoding="utf-8"), encoding="utf-8")
    folders = [tmp_path / "own-templates", templates_dir()]
    Preview(tmp_path / "cache", folders).pages(content)
    (own / "card.md.j2").write_text("Team card page\n", encoding="utf-8")
    restarted = Preview(tmp_path / "cache", folders).pages(content)
    assert restarted == fresh_pages(content, templates=folders)
    assert any(text.endswith("Team card page\n") for text in restarted.values())


def test_a_state_other_code_wrote_is_not_taken(content, tmp_path, monkeypatch):
    """An upgrade or an edited packaged template may make other pages from the same content."""
    Preview(tmp_path / "cache").pages(content)
    monkeypatch.setattr(card_cache, "state_stamp", lambda: "another version")
    restarted = Preview(tmp_path / "cache")
    restarted.pages(content)
    assert restarted.composed > 0


def test_saves_do_not_rewrite_the_stored_state(tmp_path):
    """Writing the whole site's state after each save (the first after a restart included)
    would slow the save the author waits for; a card edited since is composed and rendered
    again at the next start."""
    content = demo_with(17, tmp_path / "content")  # one edit: less than a tenth of the cards
    preview = Preview(tmp_path / "cache")
    preview.pages(content)
    stored = tmp_path / "cache" / CARD_CACHE
    written = stored.stat().st_mtime_ns
    card = edit_first_card(content, "quillon")
    edited = preview.pages(content)
    restarted = Preview(tmp_path / "cache")
    assert restarted.pages(content) == edited
    card.write_text(card.read_text(encoding="utf-8").replace("quillon ", ""), encoding="utf-8")
    restarted.pages(content)  # its first save: the card as stored, not parsed again
    assert stored.stat().st_mtime_ns == written


def test_a_state_that_cannot_be_stored_leaves_the_cards_stored(content, tmp_path,
                                                               monkeypatch):
    preview = Preview(tmp_path / "cache")
    monkeypatch.setattr(preview.generator, "_state", lambda: (lambda: None))  # not picklable
    expected = preview.pages(content)
    assert (tmp_path / "cache" / CARD_CACHE).is_file()
    monkeypatch.setattr(incremental, "load_card", None)  # a card parsed again would fail
    assert Preview(tmp_path / "cache").pages(content) == expected
