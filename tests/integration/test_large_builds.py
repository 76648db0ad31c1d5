"""What a large build does differently, checked on the demo with its thresholds lowered.

The build runs in a process of its own, as `mkdocs build` does: pages are written by a forked
process only where no other thread runs, and a test runner has its own threads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from builders import REPO

BUILD = textwrap.dedent("""
    import sys
    from mkdocs.__main__ import cli
    from pitchcraft.mkdocs import background_pages, plugin as mkdocs_plugin
    from pitchcraft.site import sanitize

    mkdocs_plugin.WORKER_FROM_PAGES = 1
    background_pages.BACKGROUND_FROM_CARDS = 1
    # This process's sanitiser empties every page: only the worker, a fresh interpreter
    # with its own, can make the site a build cleaning in process makes.
    sanitize.clean_html = lambda html: ""
    sys.argv = ["mkdocs", "build", "--strict", "--verbose", *sys.argv[1:]]
    cli()
""")


def _large_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict --verbose`, with the demo counting as a large site."""
    return subprocess.run([sys.executable, "-c", BUILD, "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_a_large_build_makes_the_same_site_as_a_small_one(demo_site: Path, tmp_path: Path):
    """From `BACKGROUND_FROM_CARDS` cards a second process renders and writes the pages while
    MkDocs reads them, and from `WORKER_FROM_PAGES` pages another cleans their HTML: the site
    is the one a build doing both in process writes, byte for byte."""
    site = tmp_path / "site"
    done = _large_build(REPO, site)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "pages written by a second process" in done.stderr
    pages = sorted(p.relative_to(demo_site) for p in demo_site.rglob("*") if p.is_file())
    assert sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) == pages
    differ = [str(p) for p in pages if (site / p).read_bytes() != (demo_site / p).read_bytes()]
    assert differ == []


def test_a_broken_template_stops_a_large_build_with_its_file_and_line(tmp_path: Path):
    project = tmp_path / "project"
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, project / name)
    templates = project / "templates" / "site"
    templates.mkdir(parents=True)
    (templates / "card.md.j2").write_text("{{ card.title }\n", encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("  - pitchcraft:\n", "  - pitchcraft:\n      templates: templates\n"),
        encoding="utf-8")
    done = _large_build(project, tmp_path / "site")
    assert done.returncode != 0
    assert "pages written by a second process" in done.stderr
    assert "template error" in done.stdout + done.stderr
    assert "card.md.j2:1" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "site" / "index.html").exists()
