"""The benchmark stays a working tool: every script imports as part of the `bench` package and
does one cheap thing of its own here, and RESULTS.md is exactly what `bench/run.py` renders
from the committed JSON and notes (a hand edit fails).

A new script needs an entry in `CHECKS`: a script nothing runs breaks unseen, in the middle of
an hour-long measurement.
"""

from __future__ import annotations

import importlib
import json
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import DEMO, FRONT, REPO, TODAY, ContentFolder, alternatives_folder

BENCH = REPO / "bench"


def _help(name: str) -> Callable[[object, Path, pytest.MonkeyPatch], None]:
    """The script's command line parses: `--help` prints its usage and exits 0."""

    def check(module: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(sys, "argv", [name, "--help"])
        with pytest.raises(SystemExit) as done:
            module.main()  # type: ignore[attr-defined]
        assert done.value.code == 0

    return check


def _browser(module, tmp_path, monkeypatch) -> None:
    (tmp_path / "index.html").write_text("<p>served</p>", encoding="utf-8")
    with module.serve(tmp_path) as url, urllib.request.urlopen(url) as response:
        assert b"served" in response.read()


def _build_pairs(module, tmp_path, monkeypatch) -> None:
    kept = json.loads((BENCH / "build_pairs.json").read_text(encoding="utf-8"))
    summary = module.summary(kept["builds"])
    assert summary["before"]["builds"] == summary["after"]["builds"] > 0
    assert set(summary["rounds_after_vs_before"]) == {b["round"] for b in kept["builds"]}


def _buyer_ready(module, tmp_path, monkeypatch) -> None:
    """The four numbers over a one-card folder, every form but LibreOffice's."""
    folder = ContentFolder(tmp_path / "content")
    folder.card("late-payment")
    counts = module.measure(folder.root, tmp_path / "decks", render=False)
    assert counts["pitches"] > 0 and counts["deck_layout"] is None
    assert counts["outputs"]["Markdown one-pager"] == counts["pitches"]
    assert counts["buyer_outputs_holding_rep_only"] == 0, counts["examples"]


def _buyer_forms(module, tmp_path, monkeypatch) -> None:
    assert set(module.FORMS.values()) == {module.REP, module.BUYER}


def _corpus(module, tmp_path, monkeypatch) -> None:
    size = module.sizes(1000)  # the docstring's table
    assert (size.industries, size.problems) == (16, 13)


def _limit(module, tmp_path, monkeypatch) -> None:
    card = next(DEMO.glob("insights/*/*.md")).read_text(encoding="utf-8")
    assert "title:" in module.front_matter(card)
    assert "## " in module.body(card) and "title:" not in module.body(card)


def _libreoffice(module, tmp_path, monkeypatch) -> None:
    """The judge, on a page as Poppler reads one: a word off the slide, two over each other."""
    words = (module.Word("off", -20, 10, 5, 30), module.Word("one", 100, 100, 140, 120),
             module.Word("two", 110, 102, 150, 122), module.Word("fine", 100, 200, 140, 220))
    problems = module.layout_problems(module.Page(1, 720, 405, words, 3))
    assert problems == ["page 1: 'off' runs off the slide", "page 1: 'one' and 'two' overlap"]


def _plain(module, tmp_path, monkeypatch) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert module.PLUGIN_ITEM.search(config, 0) or "pitchcraft" in config
    assert "- pitchcraft" not in module.without_plugin(config, [])


def _pitch_variety(module, tmp_path, monkeypatch) -> None:
    """Issue 31's numbers over the alternatives fixture, plus a card with text for all five
    factors and no `against:`: text alone scores nothing."""
    kept = json.loads((BENCH / "pitch_variety.json").read_text(encoding="utf-8"))
    for row in kept.values():  # what the summary holds is what RESULTS.md shows
        assert set(row["pairs_identical_per_step"]) == set(module.COMPARED)
    folder = alternatives_folder(tmp_path / "content")
    folder.card("text-only", front=FRONT.replace("leads_to:", "  ease: Nothing to install.\n"
                                                 "leads_to:"))
    content = folder.load()
    found = module.alternatives(content, module.engine_pitches(content, TODAY), TODAY)
    assert found["cards"] == 2 and found["five_of_five_no_alternative"] == 0
    # cfo and coo x the status quo and the free option: the card is meaningfully different
    # against the status quo only; every pitch prints its alternative's trap
    assert (found["alternative_pairs"], found["pairs_meaningfully_different"],
            found["pitches_with_trap"]) == (4, 2, 4)
    _help("pitch_variety")(module, tmp_path, monkeypatch)


def _rendered(module, tmp_path, monkeypatch) -> None:
    assert "## " in module.render(json.loads((BENCH / "results.json").read_text()))


def _results_md(module, tmp_path, monkeypatch) -> None:
    assert module.render().startswith("# Benchmark results")


def _serve_stages(module, tmp_path, monkeypatch) -> None:
    spent: dict[str, float] = {}
    timed = module._timed(spent, "compose", lambda: "done")
    assert timed() == "done" and spent["compose"] >= 0


def _stages(module, tmp_path, monkeypatch) -> None:
    assert module.best(lambda: None) >= 0


def _site_compare(module, tmp_path, monkeypatch) -> None:
    for name, tag in (("a", '<nav class="md-tags">t</nav>'), ("b", "")):
        (tmp_path / name / "p").mkdir(parents=True)
        (tmp_path / name / "p/index.html").write_text(
            f"<article>{tag}<p data-search-exclude>x</p></article>")
    assert module.differing(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b/p/index.html").write_text("<article><p>y</p></article>")
    assert module.differing(tmp_path / "a", tmp_path / "b") == ["p/index.html"]


def _timed_build(module, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(module, "spent", {})
    timed = module._timed("on_test", lambda: "done")
    assert timed() == "done" and "on_test" in module.spent


CHECKS: dict[str, Callable] = {
    "__init__": lambda module, tmp_path, monkeypatch: None,
    "browser": _browser,
    "build_pairs": _build_pairs,
    "buyer_forms": _buyer_forms,
    "buyer_ready": _buyer_ready,
    "check_only": _help("check_only"),
    "corpus": _corpus,
    "engines": _help("engines"),
    "libreoffice": _libreoffice,
    "limit": _limit,
    "pagefind_peak": _help("pagefind_peak"),
    "pitch_variety": _pitch_variety,
    "plain": _plain,
    "preview_targets": _help("preview_targets"),
    "report": _rendered,
    "results_md": _results_md,
    "run": _help("run"),
    "search_breakdown": _help("search_breakdown"),
    "search_speed": _help("search_speed"),
    "serve_speed": _help("serve_speed"),
    "serve_stages": _serve_stages,
    "site_compare": _site_compare,
    "stages": _stages,
    "timed_build": _timed_build,
}
"""Each bench script and what it is asked to do here."""


def test_every_bench_script_has_a_check():
    scripts = {p.stem for p in BENCH.glob("*.py")}
    assert scripts - set(CHECKS) == set(), "add the new bench script to CHECKS"
    assert set(CHECKS) - scripts == set(), "a script in CHECKS is gone"


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_the_bench_script_works_as_part_of_the_package(name, tmp_path, monkeypatch):
    module = importlib.import_module("bench" if name == "__init__" else f"bench.{name}")
    assert Path(module.__file__) == BENCH / f"{name}.py"
    CHECKS[name](module, tmp_path, monkeypatch)


def test_no_bench_script_edits_the_import_path():
    edits = [p.name for p in BENCH.glob("*.py") if "sys.path" in p.read_text(encoding="utf-8")]
    assert edits == []


def test_results_md_is_what_run_renders_from_the_committed_json():
    from bench import results_md

    committed = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    assert committed == results_md.render(), (
        "bench/RESULTS.md differs from what the JSON and notes give: run `python bench/run.py`"
        " (never edit RESULTS.md by hand; prose goes in bench/notes/)")


def test_every_note_is_in_results_md():
    from bench import results_md

    notes = {p.stem for p in (BENCH / "notes").glob("*.md")}
    assert notes == results_md.included_notes()


def test_only_the_json_results_md_is_made_from_is_kept():
    """Raw output is not kept: a measurement lives in a JSON file RESULTS.md renders."""
    from bench import results_md

    kept = {p.suffix for p in BENCH.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert kept <= {".py", ".json", ".md"}
    assert {p.name for p in BENCH.glob("*.json")} == results_md.SOURCES
