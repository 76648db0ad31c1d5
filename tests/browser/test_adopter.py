"""A company adopts Pitchcraft from its wheel alone: install into a fresh virtual environment,
`pitchcraft init` in an empty folder outside this repository, then every command and the built
site in Chromium, with both search engines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from builders import REPO
from site_server import serve

CARD = "Pay corrections are a roster problem, not a payroll problem"
PITCH = "pitches/retail--payroll-errors/"
SECOND_PERSONA = """\
  - id: store-ops
    name: Head of Store Operations
    role: user
    description: Runs the stores and their rosters.
    priorities: [Fully staffed shifts]
    metrics: [Hours scheduled against hours worked]
    concerns:
      - concern: Store managers' time
        answer: Managers see one weekly list of roster changes to confirm; it takes minutes.
    next_step: Walk through last month's roster changes with one regional manager.
"""


@dataclass(frozen=True)
class Adopter:
    """A company's folder and the virtual environment its Pitchcraft is installed in."""

    bin: Path
    site: Path

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=self.site, env=env,
                              capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once per test run the way a company would build it."""
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(out), str(REPO)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    return next(out.glob("pitchcraft-*.whl"))


@pytest.fixture(scope="module")
def adopter(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Adopter:
    root = tmp_path_factory.mktemp("adopter")
    assert not root.is_relative_to(REPO)
    subprocess.run([sys.executable, "-m", "venv", str(root / "env")], check=True)
    pip = subprocess.run([str(root / "env/bin/pip"), "install", "-q", str(wheel)],
                         capture_output=True, text=True, check=False)  # pip's cache is reused
    assert pip.returncode == 0, pip.stderr
    (root / "acme").mkdir()
    return Adopter(root / "env/bin", root / "acme")


def test_the_wheel_carries_templates_overrides_scaffold_and_demo(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("pitchcraft/theme/templates/pitch.md.j2", "pitchcraft/theme/overrides/main.html",
                   "pitchcraft/theme/scaffold/mkdocs.yml",
                   "pitchcraft/theme/scaffold/dot-github/workflows/pitchcraft.yml",
                   "pitchcraft/demo/taxonomy.yml", "pitchcraft/guides/meeting-prep.md"):
        assert needed in names
    cards = {p.relative_to(REPO / "content").as_posix() for p in REPO.glob("content/**/*.md")}
    assert {f"pitchcraft/demo/{c}" for c in cards} <= names


def test_every_command_works_in_a_company_folder(adopter: Adopter):
    steps = [
        ("pitchcraft", "init"),
        ("pitchcraft", "check", "--strict"),
        ("mkdocs", "build", "--strict"),
        ("pitchcraft", "pitch", "--industry", "retail", "--problem", "payroll-errors",
         "--persona", "cfo"),
        ("pitchcraft", "new", "card", "--title", "Rosters drift before payroll sees them",
         "--industry", "retail", "--problem", "payroll-errors", "--persona", "cfo",
         "--owner", "Sam Lee"),
        ("pitchcraft", "check", "--strict"),
        ("pitchcraft", "report"),
    ]
    results = {step: adopter.run(*step) for step in steps}
    failed = {" ".join(s): r.stdout + r.stderr for s, r in results.items() if r.returncode}
    assert failed == {}
    assert (adopter.site / "site/index.html").is_file()
    assert (adopter.site / f"site/{PITCH}index.html").is_file()
    assert "roster" in results[steps[3]].stdout
    assert (adopter.site / "content/insights/rosters-drift-before-payroll-sees-them.md").is_file()
    assert "1 draft" in results[steps[5]].stdout


@pytest.fixture(scope="module")
def sites(adopter: Adopter) -> dict[str, Path]:
    """The company adds a second persona, then builds with each search engine."""
    if not (adopter.site / "mkdocs.yml").exists():
        assert adopter.run("pitchcraft", "init").returncode == 0
    taxonomy = adopter.site / "content/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("\ncompany:", SECOND_PERSONA + "\ncompany:"))
    card = adopter.site / "content/insights/corrections-are-a-roster-problem.md"
    card.write_text(card.read_text().replace("personas: [cfo]", "personas: [cfo, store-ops]"))
    built = {}
    config = adopter.site / "mkdocs.yml"
    plain = config.read_text()
    for engine in ("material", "pagefind"):
        config.write_text(plain.replace("  - pitchcraft\n",
                                        f"  - pitchcraft:\n      search: {engine}\n"))
        result = adopter.run("pitchcraft", "build", "-d", f"built-{engine}")
        assert result.returncode == 0, result.stdout + result.stderr
        built[engine] = adopter.site / f"built-{engine}"
    config.write_text(plain)
    assert (built["pagefind"] / "pagefind/pagefind.js").is_file()
    return built


@pytest.fixture(scope="module")
def material_url(sites: dict[str, Path]) -> Iterator[str]:
    with serve(sites["material"]) as url:
        yield url


def _open_tab(page: Page) -> str:
    checked = page.locator(".tabbed-set > input:checked").get_attribute("id")
    return page.locator(f"label[for='{checked}']").inner_text()


def test_the_finder_opens_a_pitch_and_persona_tabs_switch(page: Page, material_url: str):
    page.goto(material_url)
    page.select_option("#pc-industry", "retail")
    page.select_option("#pc-problem", "payroll-errors")
    page.select_option("#pc-persona", "store-ops")
    page.get_by_role("button", name="Open the pitch").click()
    page.wait_for_url(re.compile(rf"{PITCH}#for-store-ops$"))
    assert _open_tab(page) == "Head of Store Operations"
    page.locator(".tabbed-labels label", has_text="Chief Financial Officer").click()
    assert _open_tab(page) == "Chief Financial Officer"
    heading = page.get_by_role("heading", name="Talk track for the Chief Financial Officer.")
    expect(heading).to_be_visible()


def test_material_search_finds_the_card(page: Page, material_url: str):
    page.goto(material_url)
    page.locator(".md-search__input").click()
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").press_sequentially("roster")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert CARD in titles


def test_pagefind_search_finds_the_card(page: Page, sites: dict[str, Path]):
    with serve(sites["pagefind"]) as url:
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("roster")
        results = page.locator("[data-pc-search] .md-search-result__item")
        expect(results.first).to_be_visible(timeout=15_000)
        titles = page.locator("[data-pc-search] .md-search-result__article h1").all_inner_texts()
        assert f"Card: {CARD}" in titles
