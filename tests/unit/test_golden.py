"""Golden tests: what users read, in full, for small content folders.

Each case under `tests/golden/<case>/` is a tiny content folder (`content/`) and what Pitchcraft
makes of it (`expected/`): the terminal and Markdown pitch and the `check` readout as the CLI
prints them, and one generated page of each kind as the site build hands it to MkDocs. A change
to a template, the composer or a check shows up here as a diff a reviewer can read.

After an intended change, rewrite the expected files and review the diff:

    .venv/bin/python -m pytest tests/unit/test_golden.py --update-golden
    git diff tests/golden
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import REPO, TODAY
from golden_files import assert_golden
from pitchcraft.cli import main
from pitchcraft.load import load_content
from pitchcraft.site.pages import INTERNAL, PUBLIC, SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir

GOLDEN = REPO / "tests" / "golden"
PITCH = ["pitch", "--templates", str(templates_dir())]
CFO_RETAIL = ["--industry", "retail", "--problem", "late-cash", "--persona", "cfo"]
DECK = ["deck"]
UNCOVERED = ["--industry", "logistics", "--problem", "stock-outs", "--persona", "cfo"]

CASES: dict[str, dict[str, list[str]]] = {
    # expected file -> the command line that prints it; `site/...` and `site-public/...` are
    # pages of an internal and of a public site build
    "late-payers": {
        "pitch.txt": [*PITCH, *CFO_RETAIL, "content"],
        "pitch.md": [*PITCH, *CFO_RETAIL, "--format", "md", "content"],
        "pitch-uncovered.txt": [*PITCH, *UNCOVERED, "content"],
        "deck/presenter.txt": [*DECK, *CFO_RETAIL, "content"],
        "deck/leave-behind.txt": [*DECK, *CFO_RETAIL, "content"],
        "site/index.md": [],
        "site/industries/index.md": [],
        "site/industries/retail.md": [],
        "site/cards/late-payers-are-a-forecast.md": [],
        "site/cards/chasing-costs-more.md": [],
        "site/pitches/retail--late-cash.md": [],
        "site/coverage.md": [],
        "site-public/index.md": [],
        "site-public/cards/late-payers-are-a-forecast.md": [],
    },
    "battlecards": {  # late-payers with alternatives, and a public card addressing them
        "site/battlecards/index.md": [],
        "site/battlecards/status-quo.md": [],
        "site/cards/late-payers-are-a-forecast.md": [],
        "site/pitches/retail--late-cash.md": [],
        "site-public/cards/late-payers-are-a-forecast.md": [],
    },
    "broken-folder": {
        "check.txt": ["check", "content"],
    },
    "alternatives": {
        "pitch.txt": [*PITCH, *CFO_RETAIL, "content"],
        "pitch-against.txt": [*PITCH, *CFO_RETAIL, "--against", "erp-dunning", "content"],
        "pitch-against.md": [*PITCH, *CFO_RETAIL, "--against", "erp-dunning", "--format",
                             "md", "content"],
        "pitch-against-unknown.txt": [*PITCH, *CFO_RETAIL, "--against", "erp", "content"],
        "on-today/check.txt": [],
        "on-today/report.txt": [],
        "on-today/report.md": [],
        "site/pitches/retail--late-cash.md": [],
        "site-public/cards/late-payers-are-a-forecast.md": [],
    },
    "broken-alternatives": {
        "check.txt": ["check", "content"],
    },
}


def _cli(args: list[str]) -> str:
    """What a user sees in the terminal (stdout and stderr as they interleave) and the exit
    code. Paths in it are relative: the command runs inside the case folder."""
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return f"{result.output}[exit {result.exit_code}]\n"


def _on_today(case: Path, name: str) -> str:
    """`check` or `report` as the CLI prints them, on TODAY: their words about staleness
    count days from today."""
    from pitchcraft.render import findings as show
    from pitchcraft.render.templates import environment, render
    from pitchcraft.review import build_report

    content = load_content(case / "content", today=TODAY)
    if name == "check.txt":
        return "".join(f"{show.as_text(f)}\n" for f in content.findings) + \
            show.summary(content.findings, content.cards) + "\n"
    return render(environment([templates_dir()]), f"report.{name.rsplit('.', 1)[1]}.j2",
                  report=build_report(content, TODAY))


def _deck_outline(args: list[str], copy: str, folder: Path) -> str:
    """One copy of a deck as its reader meets it: document title and subject, then each slide's
    title, lines and speaker notes, read back from the .pptx."""
    from pptx import Presentation

    result = CliRunner().invoke(main, [*args[:-1], "-o", str(folder / "deck.pptx"), args[-1]])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(folder / f"deck-{copy}.pptx"))
    out = [f"{deck.core_properties.title}", f"{deck.core_properties.subject}", ""]
    for number, slide in enumerate(deck.slides, start=1):
        out.append(f"--- slide {number}: {slide.shapes.title.text}")
        out += [f"- {p.text}" for shape in slide.placeholders if shape.placeholder_format.idx
                for p in shape.text_frame.paragraphs]
        if slide.has_notes_slide:
            out += ["  notes: " + line for line in
                    slide.notes_slide.notes_text_frame.text.split("\n") if line]
    return "\n".join(out) + "\n"


def _site_page(case: Path, audience: str) -> Callable[[str], str]:
    """Pages of a build on a fixed date, as the MkDocs plugin receives them."""
    content = load_content(case / "content", today=TODAY)
    site = build_site(content, SiteOptions(audience=audience), TODAY)
    pages = {page.path: page.markdown for page in site_pages(site, [templates_dir()])}
    return lambda path: pages[path]


@pytest.mark.parametrize(("case", "name"), [
    (case, name) for case, outputs in CASES.items() for name in outputs
])
def test_output_matches_the_golden_file(
    case: str, name: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool, tmp_path: Path,
):
    folder = GOLDEN / case
    monkeypatch.chdir(folder)
    if name.startswith("deck/"):
        actual = _deck_outline(CASES[case][name], name.removeprefix("deck/").removesuffix(".txt"),
                               tmp_path)
    elif name.startswith("on-today/"):
        actual = _on_today(Path("."), name.removeprefix("on-today/"))
    elif name.startswith("site"):
        build, path = name.split("/", 1)
        actual = _site_page(folder, PUBLIC if build == "site-public" else INTERNAL)(path)
    else:
        actual = _cli(CASES[case][name])
    assert_golden(folder / "expected" / name, actual, update_golden, f"{case}/{name}")


def test_every_golden_file_belongs_to_a_case():
    """A golden file no test produces would go stale unnoticed."""
    known = {GOLDEN / case / "expected" / name for case, outputs in CASES.items()
             for name in outputs}
    found = {path for path in GOLDEN.glob("*/expected/**/*") if path.is_file()}
    assert found - known == set()
