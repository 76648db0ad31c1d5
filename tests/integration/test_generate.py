"""`pitchcraft generate OUT`: the site's pages as Markdown files; a page whose text did not
change keeps its file untouched, a page that is gone loses its file, and a folder of someone
else's files is never cleaned."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from click.testing import CliRunner

from builders import site_project
from pitchcraft.cli import main
from site_server import mkdocs_build


def _generate(project: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["generate", str(out), "-f", str(project / "mkdocs.yml")])
    return result.exit_code, result.output


def _files(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in out.rglob("*.md")}


def test_generate_touches_only_changed_pages_and_removes_gone_ones(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "pages"
    code, output = _generate(project, out)
    assert code == 0, output
    first = _files(out)
    card = sorted((project / "content" / "insights").rglob("*.md"))[0]
    assert f"cards/{card.stem}.md" in first and "index.md" in first and "coverage.md" in first
    assert any(path.startswith("pitches/") for path in first)

    code, output = _generate(project, out)
    assert code == 0 and "0 written" in output and "0 removed" in output
    assert _files(out) == first  # same bytes, same modification times

    card.write_text(card.read_text().replace("## Reframe\n\n", "## Reframe\n\nRewritten. ", 1))
    _generate(project, out)
    second = _files(out)
    changed = {path for path in first if second[path] != first[path]}
    assert f"cards/{card.stem}.md" in changed
    assert len(changed) < len(first) // 2, "an edit of one card rewrote most pages"

    card.unlink()
    code, output = _generate(project, out)
    assert code == 0 and "1 removed" in output
    assert not (out / f"cards/{card.stem}.md").exists()


def test_generate_refuses_a_folder_it_did_not_write(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "notes"
    out.mkdir()
    (out / "mine.md").write_text("A person's notes.")
    code, output = _generate(project, out)
    assert code != 0 and "did not write" in output
    assert (out / "mine.md").read_text() == "A person's notes."


def test_generate_reports_content_errors_and_writes_nothing(tmp_path):
    project, out = site_project(tmp_path), tmp_path / "pages"
    card = sorted((project / "content" / "insights").rglob("*.md"))[0]
    card.write_text(card.read_text().replace("problems:", "problms:", 1))
    code, output = _generate(project, out)
    assert code == 1 and "unknown field 'problms'" in output and "Traceback" not in output
    assert not out.exists()


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Dana Smith", "GIT_AUTHOR_EMAIL": "dana@example.com",
           "GIT_COMMITTER_NAME": "Dana Smith", "GIT_COMMITTER_EMAIL": "dana@example.com"}
    return subprocess.run(["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args],
                          check=True, capture_output=True, text=True, env=env).stdout


def test_the_pages_cache_stays_out_of_the_companys_git_status(tmp_path):
    """A company whose own .gitignore knows nothing of `.pitchcraft/` still sees a clean
    `git status` after a build and after `pitchcraft generate`."""
    project = site_project(tmp_path)
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "Our site")
    assert not (project / ".pitchcraft").exists()

    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert any((project / ".pitchcraft").rglob("*.md")), "the build wrote no generated pages"
    assert _git(project, "status", "--porcelain", "--untracked-files=all") == ""

    result = CliRunner().invoke(main, ["generate", "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert _git(project, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_folder_of_the_companys_own_is_not_hidden_from_git(tmp_path):
    project = site_project(tmp_path)
    own = project / "notes"
    own.mkdir()
    (own / "plan.md").write_text("Our plan.")
    text = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(
        text.replace("  - pitchcraft:\n", "  - pitchcraft:\n      pages_dir: notes\n", 1))
    result = CliRunner().invoke(main, ["generate", "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert not (own / ".gitignore").exists()
