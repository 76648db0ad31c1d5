"""A real git repository whose content goes through the edits a reviewer and a rep care about,
one commit (and one tag) each: a ledger figure change (with an internal figure on a public
card), a persona variant added, a card retired, a card that starts winning a combination; plus
a branch where a card is broken. `golden` compares what `diff` and the Changes page make of it
with the files in tests/golden/changes; `diff_workflow` reads the workflow that comments that
diff on a pull request."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml
from click.testing import CliRunner

from builders import BODY, FRONT, LEDGER, REPO, TAXONOMY, card_text
from golden_files import assert_golden
from pitchcraft.cli import main

GOLDEN = REPO / "tests" / "golden" / "changes"
TAGS = ("start", "figure", "variant", "retired", "winning")

A_FRONT = (FRONT.replace("tags: [cash]", "tags: [cash]\naudience: public")
           .replace("  - ref: dso-gap", "  - ref: dso-gap\n  - ref: write-offs"))
B_FRONT = (FRONT.replace("Late payers are a forecasting problem", "Chasing costs more")
           .replace("reviewed: 2026-10-01", "reviewed: 2026-09-01")
           .replace("  - ref: dso-gap", "  - ref: chase-cost")
           .replace("tags: [cash]", "tags: [cash]\naudience: public"))
C_FRONT = (FRONT.replace("Late payers are a forecasting problem",
                         "Logistics tenders hide late cash")
           .replace("industries: [retail]", "industries: [logistics]")
           .replace("personas: [cfo, coo]", "personas: [cfo]")
           .replace("tags: [cash]", "tags: [cash]\naudience: internal"))
CHASE_COST = """\
  - id: chase-cost
    figure: 12 minutes
    claim: Each reminder call takes 12 minutes.
    source: Testco time study 2026
    as_of: 2026-02-28
    kind: fact
    whose: research
  - id: write-offs
    figure: 2.1%
    claim: Share of bad debt written off each year.
    source: Testco customer survey
    as_of: 2025-12-01
    kind: estimate
    audience: internal
    whose: internal
"""
VARIANT = "Predict who will pay late before the invoice goes out.\n"
COO_VARIANT = (VARIANT + "\n### For: coo\n"
               "Know which shipments will be paid late before they leave.\n")


def _git(repo: Path, *args: str, when: str = "2026-11-01T09:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Dana Smith", "GIT_AUTHOR_EMAIL": "dana@example.com",
           "GIT_COMMITTER_NAME": "Dana Smith", "GIT_COMMITTER_EMAIL": "dana@example.com",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args],
                          check=True, capture_output=True, text=True, env=env).stdout


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_repo(where: Path, *, site: bool = False) -> Path:
    """The repository; with `site`, also the demo's mkdocs.yml, docs/ and theme/ so it builds."""
    repo = where / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    if site:  # committed on its own: the Changes page reads content-only commits
        for name in ("docs", "theme"):
            shutil.copytree(REPO / name, repo / name)
        shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "The site", when="2026-10-31T09:00:00+00:00")
    content = repo / "content"
    _write(content / "taxonomy.yml",
           TAXONOMY.replace("review_interval_days: 180", "review_interval_days: 3650"))
    _write(content / "evidence.yml", LEDGER + CHASE_COST)
    _write(content / "insights/late-payers.md", card_text(A_FRONT))
    _write(content / "insights/chasing-costs.md", card_text(B_FRONT))
    _write(content / "insights/logistics-tenders.md", card_text(C_FRONT))

    def commit(message: str, tag: str | None, day: int) -> None:
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", message, when=f"2026-11-{day:02d}T09:00:00+00:00")
        if tag:
            _git(repo, "tag", tag)

    commit("Three cards for late cash", "start", 1)
    _write(repo / "README.md", "Our pitches.\n")
    commit("Readme", None, 2)
    _write(content / "evidence.yml",
           (LEDGER + CHASE_COST).replace("11.4 days", "12.1 days").replace("2.1%", "2.4%"))
    body = BODY.replace("11.4 days", "12.1 days")  # the cards say the figure they cite
    for name, front in (("late-payers", A_FRONT), ("chasing-costs", B_FRONT),
                        ("logistics-tenders", C_FRONT)):
        _write(content / f"insights/{name}.md", card_text(front, body))
    commit("Benchmark 2026 update: distributors collect 12.1 days late", "figure", 3)
    _write(content / "insights/late-payers.md", card_text(A_FRONT, body.replace(VARIANT,
                                                                               COO_VARIANT)))
    commit("A new way, told for the COO", "variant", 4)
    _write(content / "insights/logistics-tenders.md",
           card_text(C_FRONT.replace("status: published", "status: retired"), body))
    commit("Retire the logistics card", "retired", 5)
    _write(content / "insights/chasing-costs.md",
           card_text(B_FRONT.replace("  - ref: chase-cost",
                                     "  - ref: chase-cost\n  - ref: dso-gap\n  - ref: write-offs"),
                     body))
    commit("Chasing costs more quotes the benchmark too", "winning", 6)
    _git(repo, "checkout", "-q", "-b", "broken")
    _write(content / "insights/late-payers.md", card_text(A_FRONT.replace(
        "personas: [cfo, coo]", "personas: [cfo, coo"), body))
    commit("Broken front matter", None, 7)
    _git(repo, "checkout", "-q", "main")
    return repo


def golden(name: str, actual: str, update: bool) -> None:
    """`actual` is what tests/golden/changes/`name` holds; --update-golden writes it there."""
    assert_golden(GOLDEN / name, actual, update, name)


def diff_workflow(which: str, where: Path) -> dict:
    """The workflow that comments the pitch diff: this repository's ("repository") or the one
    `pitchcraft init` writes for a company ("starter", initialised under `where`)."""
    if which == "repository":
        path = REPO / ".github" / "workflows" / "pitch-diff.yml"
    else:
        assert CliRunner().invoke(main, ["init", str(where / "company")]).exit_code == 0
        path = where / "company" / ".github" / "workflows" / "pitchcraft.yml"
    return yaml.safe_load(path.read_text())


def steps(workflow: dict) -> dict[str, dict]:
    """The pitch-diff job's steps by name (or by the action they use)."""
    return {s.get("name", s.get("uses", "")): s for s in workflow["jobs"]["pitch-diff"]["steps"]}
