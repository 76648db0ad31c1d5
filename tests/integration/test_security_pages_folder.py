"""The generated pages' folder deletes only what Pitchcraft wrote there.

A build and `pitchcraft generate` clean their folder of pages that are gone. Given a folder
that is a link into the cards, a marker committed into a source folder, an OUT around or inside
the content, or a folder holding someone else's files, they refuse with a clear error, exit
non-zero, and every card, doc and note is still there byte for byte. A generated page a person
edited by hand is kept, and the run says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import site_project
from pitchcraft.cli import main

OLD_MARKER = ".pitchcraft-pages"  # what Pitchcraft before the manifest trusted


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file (its bytes), link (its target) and folder under `folder`."""
    found: dict[str, bytes | str] = {}
    for top, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = "link to " + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "folder"
    return found


def _cards(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted((project / "content" / "insights").rglob("*.md"))}


def _generate(project: Path, out: Path | None = None) -> tuple[int, str]:
    args = ["generate", *([str(out)] if out else []), "-f", str(project / "mkdocs.yml")]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _build(project: Path, site: Path, caplog: pytest.LogCaptureFixture) -> tuple[int, str]:
    """`pitchcraft build` in this process: what it prints, and what MkDocs logs."""
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"),
                                       "-d", str(site)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output + caplog.text


def _manifest_for(folder: Path, inode: int | None = None) -> str:
    """A manifest as an attacker would commit it: every file of `folder`, with its hash."""
    files = {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in folder.rglob("*") if p.is_file()}
    return json.dumps({"written_by": "pitchcraft", "version": 1,
                       "folder": inode if inode is not None else os.stat(folder).st_ino,
                       "files": files})


# The pages folder is a link into content/insights.

def test_a_pages_folder_linked_into_the_cards_stops_the_build_and_keeps_the_cards(tmp_path, caplog):
    project = site_project(tmp_path)
    cards = _cards(project)
    (project / "content/insights" / OLD_MARKER).write_text("planted\n")
    (project / ".pitchcraft").mkdir()
    (project / ".pitchcraft/internal").symlink_to(project / "content/insights")
    before = _snapshot(tmp_path)
    code, output = _build(project, tmp_path / "site", caplog)
    assert code != 0
    assert "refusing to write the generated pages" in output and "symbolic link" in output
    assert str(project / ".pitchcraft/internal") in output
    assert _cards(project) == cards and _snapshot(tmp_path) == before


def test_a_cache_folder_linked_to_the_content_writes_nothing_into_it(tmp_path, caplog):
    """The link is the cache folder itself, above the audience's folder."""
    project = site_project(tmp_path)
    (project / ".pitchcraft").symlink_to(project / "content")
    before = _snapshot(project / "content")
    code, output = _build(project, tmp_path / "site", caplog)
    assert code != 0 and "symbolic link" in output and ".pitchcraft" in output
    assert _snapshot(project / "content") == before


def test_generate_into_its_default_folder_linked_into_the_cards_deletes_nothing(tmp_path):
    project = site_project(tmp_path)
    cards = _cards(project)
    (project / "content/insights" / OLD_MARKER).write_text("planted\n")
    (project / ".pitchcraft").mkdir()
    (project / ".pitchcraft/internal").symlink_to(Path("../content/insights"))
    code, output = _generate(project)
    assert code != 0 and "symbolic link" in output
    assert _cards(project) == cards


def test_a_real_build_with_the_pages_folder_linked_into_the_cards_fails_and_keeps_them(tmp_path):
    """`pitchcraft build` as a user runs it, in its own process."""
    project = site_project(tmp_path)
    (project / "content/insights" / OLD_MARKER).write_text("planted\n")
    (project / ".pitchcraft").mkdir()
    (project / ".pitchcraft/internal").symlink_to(Path("../content/insights"))
    cards = _cards(project)
    assert len(cards) >= 10
    before = _snapshot(project)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pitchcraft"), "build", "-f",
         str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0, result.stdout + result.stderr
    assert "symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert _cards(project) == cards  # every card, byte for byte
    assert _snapshot(project) == before
    assert not (tmp_path / "site").exists()


# The pages folder is a link to a folder outside the project.

def test_a_pages_folder_linked_outside_the_project_leaves_that_folder_alone(tmp_path, caplog):
    project, outside = site_project(tmp_path), tmp_path / "home-notes"
    outside.mkdir()
    (outside / "plan.md").write_text("Our plan for next year.\n")
    (outside / OLD_MARKER).write_text("planted\n")
    (project / ".pitchcraft").mkdir()
    (project / ".pitchcraft/internal").symlink_to(outside)
    before = _snapshot(outside)
    code, output = _build(project, tmp_path / "site", caplog)
    assert code != 0 and "symbolic link" in output
    assert _snapshot(outside) == before


def test_a_cache_folder_linked_to_an_empty_folder_outside_gets_no_pages(tmp_path, caplog):
    project, outside = site_project(tmp_path), tmp_path / "elsewhere"
    outside.mkdir()
    (project / ".pitchcraft").symlink_to(outside)
    code, output = _build(project, tmp_path / "site", caplog)
    assert code != 0 and "symbolic link" in output
    assert list(outside.iterdir()) == []


def test_generate_out_that_is_a_link_is_refused(tmp_path):
    project, outside, link = site_project(tmp_path), tmp_path / "elsewhere", tmp_path / "out"
    outside.mkdir()
    (outside / "mine.md").write_text("Mine.\n")
    (outside / OLD_MARKER).write_text("planted\n")
    link.symlink_to(outside)
    code, output = _generate(project, link)
    assert code != 0 and "symbolic link" in output and str(link) in output
    assert (outside / "mine.md").read_text() == "Mine.\n"
    assert sorted(p.name for p in outside.iterdir()) == [OLD_MARKER, "mine.md"]


# A marker planted in a source folder, then `generate` aimed at it.

def test_a_marker_planted_in_the_cards_does_not_let_generate_clean_them(tmp_path):
    project = site_project(tmp_path)
    (project / "content/insights" / OLD_MARKER).write_text("planted\n")
    before = _snapshot(project)
    code, output = _generate(project, project / "content/insights")
    assert code != 0 and "refusing to write the generated pages" in output
    assert "content folder" in output
    assert _snapshot(project) == before


def test_a_planted_manifest_in_the_docs_folder_does_not_let_generate_clean_it(tmp_path):
    """Even a manifest listing every file with its hash, and the folder's own inode."""
    project = site_project(tmp_path)
    docs = project / "docs"
    manifest = _manifest_for(docs)
    (docs / ".pitchcraft-manifest.json").write_text(manifest)
    (docs / OLD_MARKER).write_text("planted\n")
    before = _snapshot(project)
    code, output = _generate(project, docs)
    assert code != 0 and "docs folder" in output
    assert _snapshot(project) == before


def test_a_marker_planted_in_the_project_folder_does_not_let_generate_clean_it(tmp_path):
    project = site_project(tmp_path)
    (project / OLD_MARKER).write_text("planted\n")
    before = _snapshot(project)
    code, output = _generate(project, project)
    assert code != 0 and "folder of the configuration file" in output
    assert _snapshot(project) == before


# A folder holding files Pitchcraft did not write.

def test_a_marked_folder_of_someone_elses_notes_is_refused(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "notes"
    out.mkdir()
    (out / "mine.md").write_text("A person's notes.\n")
    (out / OLD_MARKER).write_text("planted\n")
    before = _snapshot(out)
    code, output = _generate(project, out)
    assert code != 0 and str(out) in output and "mine.md" in output
    assert "nothing was written or deleted" in output
    assert _snapshot(out) == before


def test_a_manifest_copied_from_another_folder_is_not_believed(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "notes"
    (out / "cards").mkdir(parents=True)
    (out / "cards/mine.md").write_text("A person's notes.\n")
    (out / OLD_MARKER).write_text("planted\n")
    (out / ".pitchcraft-manifest.json").write_text(_manifest_for(out, inode=12345))
    before = _snapshot(out)
    code, output = _generate(project, out)
    assert code != 0 and "did not write" in output and "copied" in output
    assert _snapshot(out) == before


def test_a_file_added_to_a_generated_folder_stops_the_next_run(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "pages"
    assert _generate(project, out)[0] == 0
    (out / "cards/mine.md").write_text("Added by a person.\n")
    (out / "notes").mkdir()
    (out / "notes/plan.md").write_text("Our plan.\n")
    before = _snapshot(out)
    code, output = _generate(project, out)
    assert code != 0 and "cards/mine.md" in output and "notes/plan.md" in output
    assert _snapshot(out) == before


def test_a_link_placed_inside_a_generated_folder_stops_the_next_run(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "pages"
    assert _generate(project, out)[0] == 0
    cards = _cards(project)
    (out / "more").symlink_to(project / "content/insights")
    code, output = _generate(project, out)
    assert code != 0 and "more (a link" in output
    assert _cards(project) == cards and (out / "more").is_symlink()


# A generated file edited by hand.

def test_a_page_edited_by_hand_is_kept_when_its_card_is_gone(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "pages"
    assert _generate(project, out)[0] == 0
    card = sorted((project / "content/insights").rglob("*.md"))[0]
    page = out / f"cards/{card.stem}.md"
    page.write_text(page.read_text() + "\nOur own note on this card.\n")
    card.unlink()
    code, output = _generate(project, out)
    assert code == 0, output
    assert page.read_text().endswith("Our own note on this card.\n")
    assert "changed by hand" in output and f"cards/{card.stem}.md" in output
    code, output = _generate(project, out)  # and again: still kept, still said
    assert code == 0 and page.exists() and "changed by hand" in output


def test_write_pages_removes_its_own_stale_page_and_keeps_an_edited_one(tmp_path):
    from pitchcraft.output.page_writer import write_pages
    from pitchcraft.site.pages import Page

    out = tmp_path / "pages"
    pages = [Page("cards/a.md", "# A\n"), Page("cards/b.md", "# B\n"), Page("index.md", "# H\n")]
    write_pages(pages, out)
    (out / "cards/b.md").write_text("# B, with our notes\n")
    result = write_pages(pages[2:], out)
    assert result.removed == ("cards/a.md",) and result.kept == ("cards/b.md",)
    assert (out / "cards/b.md").read_text() == "# B, with our notes\n"
    assert not (out / "cards/a.md").exists()
    assert "changed by hand" in result.summary()


# `generate OUT` inside or around the content.

def test_generate_out_inside_the_content_is_refused(tmp_path):
    project = site_project(tmp_path)
    before = _snapshot(project)
    for out in (project / "content/insights/generated", project / "docs/pages",
                project / "content"):
        code, output = _generate(project, out)
        assert code != 0 and "refusing to write the generated pages" in output, out
    assert _snapshot(project) == before


def test_generate_out_around_the_project_is_refused_whatever_marker_it_holds(tmp_path):
    project = site_project(tmp_path)
    (tmp_path / OLD_MARKER).write_text("planted\n")
    before = _snapshot(tmp_path)
    code, output = _generate(project, tmp_path)
    assert code != 0 and "contains" in output
    assert _snapshot(tmp_path) == before


def test_generate_out_under_a_link_to_the_content_is_refused(tmp_path):
    project = site_project(tmp_path)
    (project / "shortcut").symlink_to(project / "content")
    before = _snapshot(project)
    code, output = _generate(project, project / "shortcut/pages")
    assert code != 0 and "symbolic link" in output
    assert _snapshot(project) == before


# The normal case, and a folder from before the manifest.

def test_generate_twice_replaces_its_own_pages_and_a_stopped_run_is_still_its_own(tmp_path):
    """Each page is noted before its file is written: a run stopped half way (a killed page
    writer) leaves a folder the next run recognises."""
    from pitchcraft.output.pages_manifest import Manifest

    project, out = site_project(tmp_path), tmp_path / "pages"
    assert _generate(project, out)[0] == 0
    manifest = Manifest.claim(out)
    (out / "cards/new-page.md").write_text("half a run\n")
    manifest.record("cards/new-page.md", hashlib.sha256(b"half a run\n").hexdigest())
    manifest.record("cards/never-written.md", "0" * 64)  # stopped before its file was made
    del manifest  # no save: the run was killed
    code, output = _generate(project, out)
    assert code == 0, output
    assert not (out / "cards/new-page.md").exists()  # its own stale page, removed


def test_a_folder_from_before_the_manifest_is_refused_until_deleted(tmp_path):
    """Upgrade: the old marker says whose folder it was, not which files; nothing is taken
    on its word. Deleting the folder (a cache) lets the next run start afresh."""
    project, out = site_project(tmp_path), tmp_path / "pages"
    (out / "cards").mkdir(parents=True)
    (out / OLD_MARKER).write_text("Written by `pitchcraft generate`; rewritten on every build.\n")
    (out / "cards/an-old-card.md").write_text("# An old card\n")
    before = _snapshot(out)
    code, output = _generate(project, out)
    assert code != 0 and "earlier Pitchcraft" in output and "delete it" in output
    assert _snapshot(out) == before
    (out / "cards/an-old-card.md").unlink()
    code, output = _generate(project, out)  # only the marker left: nothing to lose
    assert code == 0, output
    assert not (out / OLD_MARKER).exists()


def test_a_half_written_file_of_its_own_is_cleared_and_anyone_elses_is_refused(tmp_path):
    """A page writer stopped mid-file leaves `.<name>.partial` beside one of its pages: the
    next run clears it. The same name beside a path it never wrote is someone else's."""
    from pitchcraft.output.page_writer import write_pages
    from pitchcraft.output.pages_manifest import NotGenerated
    from pitchcraft.site.pages import Page

    out, pages = tmp_path / "pages", [Page("cards/a.md", "# A\n")]
    write_pages(pages, out)
    (out / "cards/.a.md.partial").write_text("# half")
    assert write_pages(pages, out).unchanged == 1
    assert not (out / "cards/.a.md.partial").exists()
    (out / "cards/.b.md.partial").write_text("# not ours")
    with pytest.raises(NotGenerated, match=r"cards/\.b\.md\.partial"):
        write_pages(pages, out)
    assert (out / "cards/.b.md.partial").read_text() == "# not ours"
