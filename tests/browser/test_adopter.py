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


TITLE = "Idle engines burn a fifth of the fleet's fuel before the first fuel card statement"


def test_the_first_hour_in_an_empty_folder_says_what_to_do_at_each_step(adopter: Adopter,
                                                                         wheel: Path):
    """A fleet-telematics vendor's first hour, from the wheel, each message as a person reads
    it: outside a site, init in the current folder, the guides, git, a new card, a public
    build with nothing public yet."""
    fleet = Adopter(adopter.bin, adopter.site.parent / "fleet")
    fleet.site.mkdir()
    outside = {cmd: fleet.run("pitchcraft", cmd) for cmd in ("check", "build", "report")}
    for cmd, result in outside.items():
        assert result.returncode == 2, (cmd, result.stderr)
        assert "`pitchcraft init`" in result.stderr, cmd
        assert "does not exist" not in result.stderr, cmd
    assert f"No content folder at {fleet.site / 'content'}" in outside["check"].stderr
    assert f"No site configuration (mkdocs.yml) at {fleet.site / 'mkdocs.yml'}" in (
        outside["build"].stderr)

    init = fleet.run("pitchcraft", "init")
    assert init.returncode == 0, init.stderr
    said = init.stdout.splitlines()
    assert said[0].endswith(f"files into the current folder ({fleet.site}). Next:")
    assert said[1] == "  pitchcraft check --strict && mkdocs serve"
    for guide in ("meeting-prep", "authoring", "adopting", "publishing"):
        assert any(line.lstrip().startswith(f"docs/{guide}.md") for line in said), guide
        assert (fleet.site / f"docs/{guide}.md").is_file()
    assert said[-1] == (f"CI installs Pitchcraft from ./wheels/{wheel.name} (PITCHCRAFT in "
                        ".github/workflows/pitchcraft.yml).")
    assert (fleet.site / "wheels" / wheel.name).read_bytes() == wheel.read_bytes()
    workflow = (fleet.site / ".github/workflows/pitchcraft.yml").read_text()
    assert f'PITCHCRAFT: "./wheels/{wheel.name}"' in workflow
    assert "cost_model:" in (fleet.site / "docs/authoring.md").read_text()
    assert "docs/adopting.md" in (fleet.site / "mkdocs.yml").read_text()

    piped = subprocess.run([str(fleet.bin / "pitchcraft"), "new", "card"], cwd=fleet.site,
                           input="A title\n", capture_output=True, text=True, check=False)
    assert piped.returncode == 2
    assert "--title is required when input is not a terminal" in piped.stderr
    new = fleet.run("pitchcraft", "new", "card", "--title", TITLE, "--industry", "retail",
                    "--problem", "payroll-errors", "--persona", "cfo", "--owner", "Sam Lee")
    assert new.returncode == 0, new.stderr
    assert (fleet.site / "content/insights/idle-engines-burn-a-fifth-of-the-fleets-fuel.md"
            ).is_file()

    inside = subprocess.run([str(fleet.bin / "pitchcraft"), "check"],
                            cwd=fleet.site / "content/insights", capture_output=True,
                            text=True, check=False)
    assert inside.returncode == 2
    assert f"A site is at {fleet.site}: run the command there (cd {fleet.site})." in (
        inside.stderr)

    public = fleet.run("pitchcraft", "build", "--audience", "public")
    assert public.returncode == 1
    assert "no published card has `audience: public`" in public.stderr
    built = fleet.run("pitchcraft", "build")
    assert built.returncode == 0, built.stderr

    git = ["git", "-c", "user.name=Sam Lee", "-c", "user.email=sam@example.com"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Start"]):
        done = subprocess.run([*git, *args], cwd=fleet.site, capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stderr
    tracked = subprocess.run(["git", "ls-files"], cwd=fleet.site, capture_output=True,
                             text=True, check=True).stdout.splitlines()
    assert not [f for f in tracked if f.startswith(("site/", ".pitchcraft/"))]
    assert f"wheels/{wheel.name}" in tracked
    status = subprocess.run(["git", "status", "--porcelain"], cwd=fleet.site,
                            capture_output=True, text=True, check=True).stdout
    assert status == ""


def test_init_demo_from_the_wheel_writes_the_demo_and_every_guide(adopter: Adopter):
    result = adopter.run("pitchcraft", "init", "--demo", str(adopter.site.parent / "demo"))
    assert result.returncode == 0, result.stderr
    demo = adopter.site.parent / "demo"
    for guide in ("meeting-prep", "authoring", "adopting", "publishing"):
        assert f"docs/{guide}.md" in result.stdout
        assert (demo / f"docs/{guide}.md").is_file()
    assert (demo / "content/taxonomy.yml").read_text() == (REPO / "content/taxonomy.yml"
                                                           ).read_text()
