"""Publishing: a public build leaks nothing internal, builds are reproducible, and a failed
build leaves the last good site in place."""

from __future__ import annotations

import fcntl
import gzip
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import DEMO, REPO, TODAY, site_project
from pitchcraft.cli import main
from pitchcraft.load import load_content
from site_server import mkdocs_build


def _bytes(site: Path) -> dict[str, bytes]:
    files = {}
    for file in sorted(site.rglob("*")):
        if file.is_file():
            raw = file.read_bytes()
            files[file.relative_to(site).as_posix()] = (
                gzip.decompress(raw) if file.suffix == ".gz" else raw)
    return files


def _internal_markers() -> list[str]:
    """Text that only the internal site may contain, taken from the demo content itself."""
    content = load_content(DEMO, today=TODAY)
    markers = ["we can discount up to 18 percent before legal review."]
    for card in content.published_cards:
        if card.audience == "internal":
            markers += [card.title, card.sections["Reframe"].text.split("\n")[0]]
        else:
            markers += [e.claim for e in card.evidence if e.audience == "internal"]
            markers += [o.answer.split("\n")[0] for o in card.objections]
            markers += [q for q in card.sections["Discovery questions"].text.splitlines() if q]
        markers.append(card.owner)
    for persona in content.taxonomy.personas:  # the sales playbook, not the buyer's business
        markers += [persona.next_step, *(c.concern for c in persona.concerns),
                    *(c.answer for c in persona.concerns)]
    return sorted({m.strip("- ") for m in markers})


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("public")
    result = CliRunner().invoke(main, ["build", "-f", str(REPO / "mkdocs.yml"), "-d", str(site),
                                       "--audience", "public"])
    assert result.exit_code == 0, result.output
    return site


def test_public_build_holds_no_internal_text_in_any_byte(public_site, demo_site):
    markers = _internal_markers()
    assert len(markers) > 30
    internal = html.unescape(b"".join(_bytes(demo_site).values()).decode("utf-8", "replace"))
    unseen = [m for m in markers if m not in internal and not m.startswith(tuple("\"'"))]
    assert unseen == [], "the markers must be real text of the internal site"
    files = _bytes(public_site)
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(files)
    for path, raw in files.items():
        text = html.unescape(raw.decode("utf-8", "replace"))
        leaked = [m for m in markers if m in text]
        assert leaked == [], path


def test_public_build_has_the_public_cards_and_nothing_else(public_site):
    content = load_content(DEMO, today=TODAY)
    public = sorted(c.id for c in content.published_cards if c.audience == "public")
    assert sorted(p.name for p in (public_site / "cards").iterdir()) == public
    for gone in ("pitches", "coverage", "meeting-prep", "authoring", "publishing"):
        assert not (public_site / gone).exists()
    home = (public_site / "index.html").read_text()
    assert "Pitch finder" not in home
    sitemap = (public_site / "sitemap.xml").read_text()
    assert sorted(re.findall(r"<loc>[^<]*/cards/([^/<]+)/</loc>", sitemap)) == public


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    epoch = {"SOURCE_DATE_EPOCH": "1796000000"}  # 2026-11-30: after every review date
    first = mkdocs_build(REPO, tmp_path / "one", **epoch)
    second = mkdocs_build(REPO, tmp_path / "two", **epoch)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    one, two = _bytes(tmp_path / "one"), _bytes(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [p for p in one if one[p] != two[p]] == []
    raw_one = (tmp_path / "one/sitemap.xml.gz").read_bytes()
    assert raw_one == (tmp_path / "two/sitemap.xml.gz").read_bytes()


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    project = site_project(tmp_path)
    site = tmp_path / "site"
    runner = CliRunner()
    args = ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    assert runner.invoke(main, args).exit_code == 0
    before = _bytes(site)
    card = project / "content/insights/peak-demand/shift-start-sets-the-bill.md"
    card.write_text(card.read_text().replace("problems: [", "problems: [no-such-problem, "))
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "the previous site is unchanged" in result.output
    assert _bytes(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("site_dir", [".", "content", "content/insights", "docs", "..",
                                      "own-templates", ".git"])
def test_a_build_into_the_sources_refuses_and_deletes_nothing(tmp_path, site_dir):
    project = site_project(tmp_path)
    (project / ".git").mkdir()
    (project / "own-templates").mkdir()
    (project / "own-templates/pitch.md.j2").write_text("{{ pitch }}\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - pitchcraft:\n", "  - pitchcraft:\n      templates: own-templates\n"))
    before = _tree(tmp_path)
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"),
                                       "-d", str(project / site_dir)])
    assert result.exit_code == 1, result.output
    assert "refusing to build into" in result.output
    assert "pass -d with a folder outside the sources" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _tree(tmp_path) == before


def test_a_build_left_by_a_killed_build_is_cleaned_on_the_next_run(tmp_path):
    project = site_project(tmp_path)
    killed = tmp_path / ".site-k1ll3d_x"
    (killed / "cards").mkdir(parents=True)
    (tmp_path / ".site-old").mkdir()
    mine = tmp_path / ".site-notes"  # not a name a build makes: left alone
    mine.mkdir()
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"),
                                       "-d", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-notes", "project", "site"]


def test_two_builds_at_once_wait_for_each_other_and_leave_one_site(tmp_path):
    project = site_project(tmp_path)
    command = [str(Path(sys.executable).parent / "pitchcraft"), "build", "-f",
               str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    held = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # a build is running: both new ones must wait for it
    builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env) for _ in range(2)]
    for build in builds:
        waiting = build.stderr.readline()
        assert waiting.startswith(f"another build is writing into {tmp_path}"), waiting
    os.close(held)
    outputs = [b.communicate() for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    assert not any("Traceback" in out + err for out, err in outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
    assert (tmp_path / "site/index.html").is_file()


def test_a_drafts_build_is_a_preview_that_never_replaces_the_published_site(tmp_path):
    project = site_project(tmp_path)
    runner = CliRunner()
    config = ["-f", str(project / "mkdocs.yml")]
    preview = runner.invoke(main, ["build", *config, "--drafts"])
    assert preview.exit_code == 0, preview.output
    drafts = project / "site-drafts"
    assert (drafts / "cards/tier-one-customers-resource-on-carbon/index.html").is_file()
    assert (drafts / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    assert not (project / "site").exists()
    into_published = runner.invoke(main, ["build", *config, "--drafts", "-d",
                                          str(project / "site")])
    assert into_published.exit_code == 1
    assert "never goes to the published folder" in into_published.output
    public = runner.invoke(main, ["build", *config, "--drafts", "--audience", "public"])
    assert public.exit_code == 1 and "internal preview" in public.output
    published = runner.invoke(main, ["build", *config], env={"PITCHCRAFT_DRAFTS": "true"})
    assert published.exit_code == 0, published.output  # drafts stay out whatever the config
    assert not (project / "site/cards/tier-one-customers-resource-on-carbon").exists()


def test_the_packaged_theme_is_a_source_too(tmp_path):
    """In a checkout the packaged theme is this repository's theme/ folder."""
    from pitchcraft.output.site_guard import project_sources, unsafe_site_dir
    from pitchcraft.theme_files import templates_dir, theme_dir

    sources = project_sources(tmp_path / "mkdocs.yml", tmp_path / "docs",
                              {"Pitchcraft's packaged theme": theme_dir()})
    assert "lies inside Pitchcraft's packaged theme" in unsafe_site_dir(templates_dir(), sources)
    assert "contains Pitchcraft's packaged theme" in unsafe_site_dir(theme_dir().parent, sources)
    assert unsafe_site_dir(tmp_path / "site", sources) is None
