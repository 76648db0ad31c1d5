"""A preview started again reads its cards from the stored parses, and never trusts them.

Each test loads the demo twice with a fresh `SiteGenerator` (as two runs of `pitchcraft serve`
do) sharing one cache folder, and holds the second load to what a plain `load_content` says.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import shutil
from pathlib import Path

import pytest

from builders import DEMO, TODAY
from pitchcraft.load import card_cache, load_content
from pitchcraft.load.card_cache import CARD_CACHE, MAGIC, stamp, user_key
from pitchcraft.output import incremental
from pitchcraft.output.incremental import SiteGenerator
from pitchcraft.site.pages import PUBLIC, SiteOptions
from pitchcraft.theme_files import templates_dir


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This user's key lives here, not in the real home folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache"


def signed(payload: bytes, key: bytes | None = None) -> bytes:
    key = key or user_key()
    assert key is not None
    return MAGIC + hmac.new(key, payload, hashlib.sha256).digest() + payload


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The demo's taxonomy and ledger with twelve of its cards (more than ten: one edit is
    then less than a tenth of them)."""
    root = Path(shutil.copytree(DEMO, tmp_path / "content"))
    for card in sorted((root / "insights").rglob("*.md"))[12:]:
        card.unlink()
    return root


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The card files parsed from scratch, in order."""
    seen: list[str] = []
    real = incremental.load_card

    def counted(file: Path, shown: str):  # type: ignore[no-untyped-def]
        seen.append(shown)
        return real(file, shown)

    monkeypatch.setattr(incremental, "load_card", counted)
    return seen


def run(content: Path, cache: Path):  # type: ignore[no-untyped-def]
    cache.mkdir(exist_ok=True)  # the pages cache folder, made by the plugin
    generator = SiteGenerator()
    generator.cards.store_in(cache)
    return generator.load(content, TODAY)


def same_as_fresh(loaded, content: Path) -> None:  # type: ignore[no-untyped-def]
    fresh = load_content(content, TODAY)
    assert loaded.cards == fresh.cards
    assert loaded.findings == fresh.findings


def test_a_second_run_parses_no_unchanged_card(content, tmp_path, parses):
    first = run(content, tmp_path / "cache")
    assert len(parses) == len(first.cards) > 0
    parses.clear()
    second = run(content, tmp_path / "cache")
    assert parses == []
    same_as_fresh(second, content)


def test_an_edited_card_is_read_again_even_with_its_old_size_and_time(content, tmp_path,
                                                                       parses):
    run(content, tmp_path / "cache")
    card = sorted((content / "insights").rglob("*.md"))[0]
    before = card.stat()
    text = card.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    edited = title[:-4] + "Zzzz" if len(title) > 12 else title  # same length
    assert edited != title
    card.write_text(text.replace(title, edited, 1), encoding="utf-8")
    os.utime(card, ns=(before.st_atime_ns, before.st_mtime_ns))
    parses.clear()
    second = run(content, tmp_path / "cache")
    assert len(parses) == 1
    assert edited.split(":", 1)[1].strip().strip('"') in {c.title for c in second.cards}
    same_as_fresh(second, content)


DAMAGE = {
    "garbage": b"not a pickle at all",
    "empty": b"",
}


def signed_damage() -> dict[str, bytes]:
    """Files this user's Pitchcraft could have written, yet wrong inside."""
    return {"garbage, signed": signed(b"not a pickle"),
            "old stamp": signed(pickle.dumps(("another stamp", {}, None))),
            "wrong shape": signed(pickle.dumps(["a", "list"])),
            "the first format": signed(pickle.dumps((stamp(), {}))),
            "wrong entries": signed(pickle.dumps((stamp(), {"a": "b"}, None)))}


def test_a_damaged_cache_is_ignored_and_rebuilt(content, tmp_path, parses):
    run(content, tmp_path / "cache")
    stored = tmp_path / "cache" / CARD_CACHE
    good = stored.read_bytes()
    damages = {**DAMAGE, **signed_damage(), "truncated": good[: len(good) // 2],
               "one byte changed": good[:-1] + bytes([good[-1] ^ 1])}
    cards = len(load_content(content, TODAY).cards)
    for name, damage in damages.items():
        stored.write_bytes(damage)
        parses.clear()
        second = run(content, tmp_path / "cache")
        assert len(parses) == cards, name  # nothing taken from the damaged file
        assert stored.read_bytes() != damage, name  # written again, whole
    same_as_fresh(second, content)
    parses.clear()
    run(content, tmp_path / "cache")
    assert parses == []


def test_checks_follow_a_changed_taxonomy(content, tmp_path):
    run(content, tmp_path / "cache")
    taxonomy = content / "taxonomy.yml"
    loaded = load_content(content, TODAY)
    persona = loaded.cards[0].personas[0]
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(text.replace(f"id: {persona}\n", f"id: {persona}-renamed\n", 1),
                        encoding="utf-8")
    second = run(content, tmp_path / "cache")
    assert any(persona in f.message for f in second.findings)  # the card names a lost persona
    same_as_fresh(second, content)


def test_a_broken_card_keeps_its_findings(content, tmp_path):
    card = sorted((content / "insights").rglob("*.md"))[0]
    card.write_text(card.read_text(encoding="utf-8").replace("status:", "status: [", 1),
                    encoding="utf-8")
    first = run(content, tmp_path / "cache")
    assert first.has_errors
    second = run(content, tmp_path / "cache")
    same_as_fresh(second, content)


def test_a_save_in_a_running_preview_does_not_rewrite_the_store(content, tmp_path, parses):
    """An author's save re-reads one card; writing every card again would slow each save.
    The edited card is parsed again at the next start."""
    cache = tmp_path / "cache"
    cache.mkdir()
    generator = SiteGenerator()
    generator.cards.store_in(cache)
    generator.load(content, TODAY)
    written = (cache / CARD_CACHE).stat().st_mtime_ns
    card = sorted((content / "insights").rglob("*.md"))[0]
    card.write_text(card.read_text(encoding="utf-8").replace("\n## ", "\nMore.\n\n## ", 1),
                    encoding="utf-8")
    generator.load(content, TODAY)
    assert (cache / CARD_CACHE).stat().st_mtime_ns == written
    parses.clear()
    restarted = run(content, cache)
    assert len(parses) == 1 and parses[0].endswith(card.name)
    same_as_fresh(restarted, content)


class _Trap:
    """Unpickling this runs code: what a hostile store would do."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (Path(os.environ["TRAP"]),))


def test_a_store_this_user_did_not_write_is_never_unpickled(content, tmp_path, parses,
                                                           monkeypatch):
    """A store committed to the repository, or copied from elsewhere, is signed with another
    key (or none): it is ignored before anything in it runs."""
    trap = tmp_path / "unpickled"
    monkeypatch.setenv("TRAP", str(trap))
    payload = pickle.dumps((stamp(), {("x", "y"): _Trap()}, None))
    (tmp_path / "cache").mkdir()
    for name, data in {"another key": signed(payload, b"k" * 32), "unsigned": payload,
                       "no signature": MAGIC + payload}.items():
        (tmp_path / "cache" / CARD_CACHE).write_bytes(data)
        parses.clear()
        loaded = run(content, tmp_path / "cache")
        assert not trap.exists(), name
        assert len(parses) == len(loaded.cards), name
    same_as_fresh(loaded, content)


def test_without_a_key_nothing_is_stored(content, tmp_path, monkeypatch, parses):
    monkeypatch.setattr(card_cache, "user_key", lambda: None)
    run(content, tmp_path / "cache")
    assert not (tmp_path / "cache" / CARD_CACHE).exists()


def test_a_store_that_is_a_link_is_not_read(content, tmp_path, parses):
    """A link to a device would never end; a link is not followed at all."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CARD_CACHE).symlink_to("/dev/zero")
    loaded = run(content, tmp_path / "cache")
    assert len(parses) == len(loaded.cards)
    assert not (tmp_path / "cache" / CARD_CACHE).is_symlink()  # replaced by a store


def test_a_restarted_preview_makes_the_pages_a_fresh_one_makes(content, tmp_path, parses):
    """The cards from the store feed every page (both audiences) as freshly parsed ones do."""
    def pages(generator: SiteGenerator, audience: str) -> dict[str, str]:
        loaded = generator.load(content, TODAY)
        made = generator.pages(loaded, SiteOptions(audience=audience), TODAY,
                               [templates_dir()]).pages
        return {page.path: page.markdown for page in made}

    (tmp_path / "cache").mkdir()
    first = SiteGenerator()
    first.cards.store_in(tmp_path / "cache")
    fresh = {audience: pages(first, audience) for audience in ("internal", PUBLIC)}
    parses.clear()
    restarted = SiteGenerator()
    restarted.cards.store_in(tmp_path / "cache")
    for audience, expected in fresh.items():
        assert pages(restarted, audience) == expected
    assert parses == []
