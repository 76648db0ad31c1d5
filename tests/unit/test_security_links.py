"""Nothing outside the content folder, ever: a symbolic link under the content folder is a
finding and is never followed.

Each story puts a file with a unique marker outside the content folder, links to it from
inside (absolutely and relatively) and checks that the marker reaches no card, ledger or
taxonomy, and that the reader is told which file to fix. Links in git history:
tests/integration/test_security_links_history.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import ContentFolder
from outside_links import LINK, MARKER, link, outside, tree_of
from pitchcraft.cli import main
from pitchcraft.model import Content, Severity

# --- helpers ---------------------------------------------------------------------------------


def link_findings(content: Content) -> dict[str, str]:
    return {f.path: f.hint for f in content.findings if LINK in f.message}


def assert_no_marker(content: Content) -> None:
    assert MARKER not in repr(content.cards) + repr(content.ledger) + repr(content.taxonomy)
    root = os.path.realpath(content.root)
    for card in content.cards:
        assert os.path.realpath(card.path).startswith(root + os.sep), card.path


def check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(root)])
    assert isinstance(result.exception, SystemExit | None), result.output
    return result.exit_code, result.output


def assert_refused(folder: ContentFolder, at: Path, *, what: str = "file") -> Content:
    """One error at `at` with what to do; `pitchcraft check` says so and exits 1."""
    content = folder.load()
    found = [f for f in content.findings if f.path == at.as_posix()]
    assert len(found) == 1, content.findings
    finding = found[0]
    assert finding.severity is Severity.ERROR and (finding.line, finding.col) == (1, 1)
    assert LINK in finding.message and what in finding.message
    assert "in place of the link" in finding.hint and "delete the link" in finding.hint
    assert_no_marker(content)
    code, output = check(folder.root)
    assert code == 1 and f"{at.as_posix()}:1:1: error:" in output and MARKER not in output
    return content


@pytest.fixture
def away(tmp_path: Path) -> Path:
    return outside(tmp_path)


@pytest.fixture
def content(folder: ContentFolder) -> ContentFolder:
    folder.card("late-payers")
    return folder


# --- the working tree: cards, folders, insights/, the ledger and the taxonomy ----------------


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_card_linked_to_a_file_outside_is_a_finding_and_not_read(content, away, relative):
    at = link(content.root / "insights" / "leak.md", away / "leak.md", relative)
    loaded = assert_refused(content, at)
    assert [c.id for c in loaded.cards] == ["late-payers"]


def test_a_card_linked_to_another_card_inside_is_a_finding_too(content):
    """A link is refused for what it is, not for where it points today."""
    at = link(content.root / "insights" / "again.md", content.root / "insights/late-payers.md",
              relative=True)
    assert_refused(content, at)


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_linked_folder_inside_insights_is_a_finding_and_not_walked(content, away, relative):
    at = link(content.root / "insights" / "partners" / "shared", away, relative)
    loaded = assert_refused(content, at, what="folder")
    assert [c.id for c in loaded.cards] == ["late-payers"]


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_insights_as_a_link_is_a_finding_and_not_walked(folder, away, relative):
    insights = folder.root / "insights"
    insights.rmdir()
    link(insights, away, relative)
    loaded = assert_refused(folder, insights, what="folder")
    assert loaded.cards == ()


def test_insights_linked_to_the_root_of_the_disk_reads_nothing(folder):
    """The reported case: every `*.md` on the machine was read."""
    insights = folder.root / "insights"
    insights.rmdir()
    insights.symlink_to("/")
    assert_refused(folder, insights, what="folder")


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_evidence_linked_to_a_ledger_outside_is_a_finding_and_not_read(content, away, relative):
    at = link(content.root / "evidence.yml", away / "ledger.yml", relative)
    loaded = assert_refused(content, at)
    assert loaded.ledger == {}
    assert len(loaded.findings) == 1  # no knock-on "unknown ref" per citing card


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_taxonomy_linked_to_a_file_outside_is_a_finding_and_not_read(content, away, relative):
    at = link(content.root / "taxonomy.yml", away / "taxonomy.yml", relative)
    loaded = assert_refused(content, at)
    assert loaded.taxonomy is None


@pytest.mark.parametrize("name", ["taxonomy.yml", "evidence.yml"])
def test_a_data_file_linked_to_nothing_is_named_as_a_link(content, tmp_path, name):
    """Not "taxonomy.yml not found", and not a ledger silently taken as empty."""
    at = link(content.root / name, tmp_path / "gone.yml", relative=False)
    assert_refused(content, at)


def test_every_link_is_reported_at_once_and_the_rest_still_loads(content, away):
    links = [link(content.root / "insights/leak.md", away / "leak.md", False),
             link(content.root / "insights/shared", away / "cards", True),
             link(content.root / "evidence.yml", away / "ledger.yml", False)]
    loaded = content.load()
    assert sorted(link_findings(loaded)) == sorted(p.as_posix() for p in links)
    assert [c.id for c in loaded.cards] == ["late-payers"]
    assert_no_marker(loaded)


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_new_card_is_never_written_through_a_linked_insights_folder(content, away, relative):
    (content.root / "insights/late-payers.md").unlink()
    (content.root / "insights").rmdir()
    link(content.root / "insights", away / "cards", relative)
    before = tree_of(away)
    result = CliRunner().invoke(main, [
        "new", "card", "--title", "Written elsewhere", "--industry", "retail", "--problem",
        "late-cash", "--persona", "cfo", "--owner", "Dana Smith", "--folder", "shared",
        str(content.root)])
    assert result.exit_code == 2 and LINK in result.output, result.output
    assert tree_of(away) == before


# --- a real public build ---------------------------------------------------------------------


