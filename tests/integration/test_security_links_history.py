"""Nothing outside the content folder, in history: a symbolic link in an old commit never
breaks a build, a diff or a feed, and a public build never publishes or deletes what a link
points at. Real git repositories and a real build."""

from __future__ import annotations

import gzip
import logging
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from builders import TODAY, ContentFolder
from change_repo import _git as git
from change_repo import make_repo
from outside_links import LINK, MARKER, link, outside, tree_of
from pitchcraft.changes import revision
from pitchcraft.changes.history import content_history
from pitchcraft.cli import main
from pitchcraft.load import load_content
from pitchcraft.site.pages import PUBLIC, SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir

# --- helpers ---------------------------------------------------------------------------------


# --- history: a link in an old commit --------------------------------------------------------


@pytest.fixture(scope="module")
def linked_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """The change repository, then one commit that adds links (absolute and relative, a card,
    a folder and the ledger, all to files outside the repository), then one that removes them
    again. Returns the repository, the linking commit and the outside folder."""
    where = tmp_path_factory.mktemp("linked-history")
    repo = make_repo(where)
    away = outside(where)
    content = repo / "content"
    ledger = (content / "evidence.yml").read_text()
    link(content / "insights/leak.md", away / "leak.md", relative=False)
    link(content / "insights/leak-relative.md", away / "leak.md", relative=True)
    link(content / "insights/shared", away / "cards", relative=False)
    link(content / "evidence.yml", away / "ledger.yml", relative=False)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Link the partner cards", when="2026-11-07T09:00:00+00:00")
    linking = git(repo, "rev-parse", "HEAD").strip()
    for name in ("insights/leak.md", "insights/leak-relative.md", "insights/shared",
                 "evidence.yml"):
        (content / name).unlink()
    (content / "evidence.yml").write_text(ledger)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Unlink the partner cards", when="2026-11-08T09:00:00+00:00")
    return repo, linking, away


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots are cached per process; warnings come with the first read of a commit."""
    monkeypatch.setattr(revision, "_CACHE", {})


LINKED = ("content/insights/leak.md", "content/insights/leak-relative.md",
          "content/insights/shared", "content/evidence.yml")


def warnings_in(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_history_with_a_linked_commit_leaves_the_links_out_with_a_warning(
        linked_history, caplog, fresh_cache):
    repo, linking, _ = linked_history
    with caplog.at_level(logging.WARNING):
        log = content_history(repo / "content", TODAY)
    subjects = [e.commit.subject for e in log.entries]
    assert "Retire the logistics card" in subjects and "Three cards for late cash" in subjects
    assert MARKER not in repr(log)
    said = warnings_in(caplog)
    for path in LINKED:
        assert any(linking[:8] in w and path in w and LINK in w for w in said), (path, said)


def test_the_feeds_and_pages_build_from_a_history_with_a_linked_commit(linked_history,
                                                                       fresh_cache):
    repo, _, _ = linked_history
    content = repo / "content"
    log = content_history(content, TODAY, site_url="https://pitches.example.com/")
    site = build_site(load_content(content, today=TODAY),
                      SiteOptions(audience=PUBLIC, changes=log), TODAY)
    built = {p.path: p.markdown for p in site_pages(site, [templates_dir()])}
    everything = feedparser.parse(built["changes/feeds/all.xml"])
    assert not everything.bozo and everything.entries
    assert not any(MARKER in text for text in built.values())


@pytest.mark.parametrize("linked_side", ["base", "head"])
def test_diff_against_a_linked_commit_works_with_a_warning(linked_history, linked_side, caplog,
                                                           fresh_cache, monkeypatch):
    repo, linking, _ = linked_history
    monkeypatch.chdir(repo)
    revisions = [linking, "HEAD"] if linked_side == "base" else [f"{linking}~1", linking]
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["diff", *revisions, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert MARKER not in result.output
    assert any("content/insights/leak.md" in w and LINK in w for w in warnings_in(caplog))


def test_a_commit_that_cannot_be_read_is_left_out_with_one_warning(tmp_path, caplog,
                                                                     fresh_cache, monkeypatch):
    """Its blob is gone (a damaged clone): the other commits still make the history."""
    repo = make_repo(tmp_path)
    card = repo / "content/insights/late-payers.md"
    card.write_text(card.read_text() + "\nA line only this commit has.\n")
    git(repo, "commit", "-q", "-am", "One more line", when="2026-11-07T09:00:00+00:00")
    broken = git(repo, "rev-parse", "HEAD").strip()
    blob = git(repo, "rev-parse", "HEAD:content/insights/late-payers.md").strip()
    git(repo, "checkout", "-q", "HEAD~1", "--", "content")
    git(repo, "commit", "-q", "-m", "Back again", when="2026-11-08T09:00:00+00:00")
    (repo / ".git/objects" / blob[:2] / blob[2:]).unlink()
    with caplog.at_level(logging.WARNING):
        log = content_history(repo / "content", TODAY)
    subjects = [e.commit.subject for e in log.entries]
    assert "Retire the logistics card" in subjects
    assert "One more line" not in subjects and "Back again" not in subjects
    said = [w for w in warnings_in(caplog) if broken[:8] in w]
    assert len(said) == 1 and "left out" in said[0], warnings_in(caplog)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", broken])
    assert result.exit_code == 2 and broken[:8] in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- a real public build ---------------------------------------------------------------------


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of the site as bytes, `.gz` files decompressed."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = (
                gzip.decompress(data) if path.suffix == ".gz" else data)
    return files


def test_a_public_build_never_publishes_or_deletes_what_a_link_points_at(tmp_path):
    """History with a linked commit builds, with a warning; links in the working tree stop
    the build with findings and leave the last site, and everything outside, as it was."""
    repo = make_repo(tmp_path, site=True)
    away = outside(tmp_path)
    content = repo / "content"
    ledger = (content / "evidence.yml").read_text()
    link(content / "insights/leak.md", away / "leak.md", relative=False)
    link(content / "insights/shared", away / "cards", relative=True)
    link(content / "evidence.yml", away / "ledger.yml", relative=False)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Link the partner cards", when="2026-11-07T09:00:00+00:00")
    linking = git(repo, "rev-parse", "HEAD").strip()
    for name in ("insights/leak.md", "insights/shared", "evidence.yml"):
        (content / name).unlink()
    (content / "evidence.yml").write_text(ledger)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Unlink the partner cards", when="2026-11-08T09:00:00+00:00")
    before = tree_of(away)
    pitchcraft = str(Path(sys.executable).parent / "pitchcraft")
    site = tmp_path / "public-site"
    command = [pitchcraft, "build", "-f", str(repo / "mkdocs.yml"), "-d", str(site),
               "--audience", "public"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    built = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert linking[:8] in built.stderr and "content/insights/leak.md" in built.stderr
    published = site_files(site)
    assert "changes/feeds/all.xml" in published and "cards/late-payers/index.html" in published
    assert not [name for name, data in published.items() if MARKER.encode() in data]

    link(content / "insights/leak.md", away / "leak.md", relative=False)
    link(content / "insights/shared", away / "cards", relative=True)
    link(content / "evidence.yml", away / "ledger.yml", relative=True)
    refused = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    for name in ("insights/leak.md", "insights/shared", "evidence.yml"):
        assert f"{name}:1:1" in refused.stderr and LINK in refused.stderr, refused.stderr
    assert MARKER not in refused.stderr
    assert site_files(site) == published  # the last good site, untouched
    assert tree_of(away) == before  # nothing outside written or deleted
    assert all(p.is_symlink() for p in (content / "insights/leak.md", content / "evidence.yml"))


# --- the docs folder: a page or folder committed as a link -----------------------------------


def _docs_linked(tmp_path: Path, away: Path, content: Path, relative: bool) -> Path:
    from builders import site_project

    project = site_project(tmp_path, content)
    link(project / "docs" / "linked.md", away / "leak.md", relative)
    link(project / "docs" / "shelf", away / "cards", relative)
    return project


@pytest.fixture
def away(tmp_path: Path) -> Path:
    return outside(tmp_path)


@pytest.fixture
def small_content(tmp_path: Path) -> Path:
    folder = ContentFolder(tmp_path / "content-src")
    folder.card("late-payers")
    return folder.root


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_generate_with_docs_refuses_a_docs_folder_holding_links(tmp_path, away, small_content,
                                                                relative):
    project = _docs_linked(tmp_path, away, small_content, relative)
    out = tmp_path / "pages"
    result = CliRunner().invoke(main, ["generate", str(out), "--with-docs",
                                       "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 2, result.output
    assert "symbolic links, which are never followed: linked.md, shelf" in result.output
    assert not out.exists() or MARKER not in "".join(
        p.read_text() for p in out.rglob("*.md"))


def test_a_build_refuses_a_docs_folder_holding_links(tmp_path, away, small_content):
    from site_server import mkdocs_build

    project = _docs_linked(tmp_path, away, small_content, relative=True)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 1, result.stderr
    assert "symbolic links, which are never followed: linked.md, shelf" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists() or all(MARKER.encode() not in p.read_bytes()
                                    for p in site.rglob("*") if p.is_file())
