"""Judge: Lighthouse (mobile, its default) on the home page, a card and a pitch: accessibility,
best practices and SEO at 100, and performance at least as good as a plain Material page of
the same size, measured in the same run."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import REPO
from judges import LIGHTHOUSE_DIR, PAGE_TYPES, require_tool
from site_server import CHROMIUM_FLAGS, mkdocs_build, require_chromium, serve

JUDGED = {"home": PAGE_TYPES["home"], "card": PAGE_TYPES["card"], "pitch": PAGE_TYPES["pitch"]}
PLAIN = {"home": "", "card": "card/", "pitch": "pitch/"}
CATEGORIES = ("accessibility", "best-practices", "seo")
ROUNDS = 3
"""Lighthouse's simulated phone scales the CPU time it observes, so a busy machine lowers a
score by a point or two. A page and its plain twin are measured in turn, up to this many
times, and the best of each compared: noise only ever lowers a score."""


def lighthouse(url: str, out: Path) -> dict:
    require_tool("node", "apt-get install nodejs")
    binary = require_tool(LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse",
                          f"cd {LIGHTHOUSE_DIR} && npm ci")
    run = subprocess.run(
        [binary, url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_FLAGS)],
        env={**os.environ, "CHROME_PATH": require_chromium()},
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, f"lighthouse {url}: {run.stderr[-3000:]}"
    report = json.loads(out.read_text())
    assert "runtimeError" not in report, report["runtimeError"]
    return report


def score(report: dict, category: str) -> float:
    value = report["categories"][category]["score"]
    assert value is not None, f"Lighthouse gave no {category} score"
    return value


# A plain Material page of the same size as each judged page ----------------------------------

def _paragraphs(page: Path) -> list[str]:
    """The text of a built page's article, one entry per block."""
    article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
    assert article, page
    text = re.sub(r"<(p|li|h\d|td|th|dt|dd|pre)\b", "\n\\g<0>", article.group(1))
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u00b6", "")
    return [" ".join(line.split()) for line in text.splitlines() if len(line.split()) > 2]


def _write_plain(project: Path, bodies: dict[str, str]) -> None:
    docs = project / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.md"):
        old.unlink()
    (project / "mkdocs.yml").write_text(
        "site_name: Plain Material\nsite_description: A plain Material page.\n"
        "site_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  font: false\n")
    for name, body in bodies.items():
        file = "index.md" if name == "home" else f"{name}.md"
        (docs / file).write_text(f"---\ndescription: A plain page.\n---\n# Plain {name}\n\n{body}")


def _built_size(site: Path, name: str) -> int:
    return (site / PLAIN[name] / "index.html").stat().st_size


def _body(paragraphs: list[str], length: int) -> str:
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < length:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out)


def build_plain_twins(demo_site: Path, project: Path) -> Path:
    """One plain Material site: a page for each judged page, of its text and its size."""
    site = project / "site"
    targets = {name: (demo_site / path / "index.html").stat().st_size
               for name, path in JUDGED.items()}
    texts = {name: _paragraphs(demo_site / path / "index.html") for name, path in JUDGED.items()}
    lengths = {name: 1000 for name in JUDGED}
    for _ in range(4):  # the size of a page grows in step with its text: converge on it
        _write_plain(project, {n: _body(texts[n], lengths[n]) for n in JUDGED})
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr
        sizes = {n: _built_size(site, n) for n in JUDGED}
        if all(abs(sizes[n] - targets[n]) <= 0.03 * targets[n] for n in JUDGED):
            return site
        lengths = {n: max(0, lengths[n] + targets[n] - sizes[n]) for n in JUDGED}
    raise AssertionError(f"plain pages of {sizes} bytes, wanted {targets}")


# The measurements, once for the module ---------------------------------------------------------

@pytest.fixture(scope="module")
def reports(
    demo_site: Path, site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, dict[str, list[dict]]]]:
    project = tmp_path_factory.mktemp("plain-material")
    plain_site = build_plain_twins(demo_site, project)
    out = tmp_path_factory.mktemp("lighthouse")
    found: dict[str, dict[str, list[dict]]] = {}
    with serve(plain_site) as plain_url:
        for name, path in JUDGED.items():
            found[name] = {"ours": [], "plain": []}
            for attempt in range(ROUNDS):
                for side, url in (("plain", plain_url + PLAIN[name]), ("ours", site_url + path)):
                    found[name][side].append(lighthouse(url, out / f"{name}-{side}-{attempt}.json"))
                best = {side: max(score(r, "performance") for r in found[name][side])
                        for side in ("ours", "plain")}
                if best["ours"] >= best["plain"]:
                    break
    for name, sides in found.items():  # shown by `pytest -rP`
        print(name, {side: [round(score(r, "performance") * 100) for r in runs]
                     for side, runs in sides.items()},
              {c: score(sides["ours"][0], c) * 100 for c in CATEGORIES})
    yield found


@pytest.mark.parametrize("name", JUDGED)
def test_accessibility_best_practices_and_seo_score_100(reports: dict, name: str):
    report = reports[name]["ours"][0]
    scores = {category: score(report, category) for category in CATEGORIES}
    failing = sorted(
        audit_ref["id"] for category in CATEGORIES
        for audit_ref in report["categories"][category]["auditRefs"]
        if audit_ref["weight"] and report["audits"][audit_ref["id"]]["score"] not in (None, 1)
    )
    assert scores == dict.fromkeys(CATEGORIES, 1), f"{name}: {scores}, failing {failing}"


@pytest.mark.parametrize("name", JUDGED)
def test_performance_at_least_as_good_as_plain_material(reports: dict, name: str):
    ours = [score(r, "performance") for r in reports[name]["ours"]]
    plain = [score(r, "performance") for r in reports[name]["plain"]]
    assert max(ours) >= max(plain), f"{name}: Pitchcraft {ours}, plain Material {plain}"


def test_every_page_has_a_meta_description_of_its_own(demo_site: Path):
    """Search engines and link previews show it; the site's description is only a fallback."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    site_description = re.search(r"^site_description: (.+)$", config, re.M).group(1).strip()
    generic = []
    for page in sorted(demo_site.rglob("*.html")):
        found = re.search(r'<meta name="description" content="([^"]*)"',
                          page.read_text(encoding="utf-8"))
        assert found and found.group(1).strip(), f"{page} has no meta description"
        if html.unescape(found.group(1)) == site_description and page.name != "404.html":
            generic.append(page.relative_to(demo_site).as_posix())
    assert not generic, f"pages with only the site's description: {generic}"
