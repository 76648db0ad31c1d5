"""`pitchcraft serve` renders only what a save changed and `mkdocs serve --dirty` is made a full
rebuild; after every kind of edit each page either serves is the page a clean build of the same
content makes: nav and search (made by Pitchcraft while serving) included, and a page whose
card is gone is gone. Plain `mkdocs serve` is `test_serve.py`."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from builders import site_project
from site_server import Served, free_port, mkdocs_build, until

EPOCH = "1796000000"  # 2026-11-30: after every review date in the demo
LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>", re.S)


SERVERS = {
    # pages rendered when asked for (preview/site.py)
    "pitchcraft serve": [sys.executable, "-c", "from pitchcraft.cli import main; main()",
                         "serve"],
    # MkDocs' own server; the plugin empties the site folder, so each build is a full one
    "mkdocs serve --dirty": [sys.executable, "-m", "mkdocs", "serve", "--dirty",
                             "--livereload"],
}


@pytest.fixture(params=list(SERVERS))
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Served]:
    with _serving(site_project(tmp_path), SERVERS[request.param]) as server:
        yield server


@contextlib.contextmanager
def _serving(project: Path, command: list[str], port: int | None = None) -> Iterator[Served]:
    port = port or free_port()
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/",
                             config.read_text()))
    process = subprocess.Popen(
        [*command, "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
    )
    server = Served(project, process, f"http://127.0.0.1:{port}/")
    try:
        until(lambda: server.page("")[0] == 200, "the first build", 120, server.log)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=20)


def _clean_build(project: Path, site: Path) -> dict[str, str]:
    result = mkdocs_build(project, site, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stderr
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in site.rglob("*.html")}


def _url(path: str) -> str:
    return path.removesuffix("index.html")


def _assert_same_site(served: Served, tmp_path: Path, step: str) -> dict[str, str]:
    clean = _clean_build(served.project, tmp_path / f"clean-{step}")
    for path, html in clean.items():
        status, body = served.page(_url(path))
        assert status == 200, f"after {step}: {path} is not served"
        assert LIVERELOAD.sub("", body) == html, f"after {step}: {path} differs from a clean build"
    index = json.loads((tmp_path / f"clean-{step}" / "search/search_index.json").read_text())
    status, body = served.page("search/search_index.json")
    assert status == 200 and json.loads(body) == index, f"after {step}: search index differs"
    sitemap = (tmp_path / f"clean-{step}" / "sitemap.xml").read_text(encoding="utf-8")
    assert served.page("sitemap.xml") == (200, sitemap), f"after {step}: sitemap differs"
    return clean


def _edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def _once(pattern: str, replacement: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.M)


def test_every_served_page_equals_a_clean_build_after_each_edit(served: Served, tmp_path):
    content = served.project / "content"
    card = sorted((content / "insights").rglob("*.md"))[0]
    card_url = f"cards/{card.stem}/"
    before = _assert_same_site(served, tmp_path, "start")

    _edit(card, _once(r"^title: (.*)$", r"title: Edited \1"))
    until(lambda: served.shows(card_url, "Edited "), "the edited card", log=served.log)
    _assert_same_site(served, tmp_path, "edit")

    added = card.with_name("a-brand-new-card.md")
    added.write_text(re.sub(r"(?m)^title: Edited (.*)$", r"title: Added \1", card.read_text()))
    until(lambda: served.shows("cards/a-brand-new-card/", "Added "), "the added card")
    _assert_same_site(served, tmp_path, "add")

    renamed = added.with_name("renamed-card.md")
    added.rename(renamed)
    until(lambda: served.shows("cards/renamed-card/", "Added "), "the renamed card")
    assert served.page("cards/a-brand-new-card/")[0] == 404
    _assert_same_site(served, tmp_path, "rename")

    renamed.unlink()
    until(lambda: served.page("cards/renamed-card/")[0] == 404, "the deleted card to go")
    _assert_same_site(served, tmp_path, "delete")

    _edit(content / "taxonomy.yml", _once(r"^(  - id: .*\n    name: )(.*)$", r"\1Renamed \2"))
    until(lambda: served.shows("industries/", "Renamed "), "the renamed industry")
    _assert_same_site(served, tmp_path, "taxonomy")

    _edit(content / "evidence.yml", _once(r"^(    claim: )(.*)$", r"\1Restated, \2"))
    until(lambda: any(served.shows(_url(p), "Restated, ") for p in before if "cards/" in p),
           "the restated evidence")
    good = _assert_same_site(served, tmp_path, "ledger")

    text = card.read_text()
    card.write_text(text.replace("problems:", "problms:", 1))
    until(lambda: any("unknown field 'problms'" in line for line in served.log),
           "the finding in the server log")
    for path, html in good.items():  # the last good site, whole
        assert LIVERELOAD.sub("", served.page(_url(path))[1]) == html, path

    card.write_text(text.replace("title: Edited ", "title: Fixed "))
    until(lambda: served.shows(card_url, "Fixed "), "the fixed card")
    _assert_same_site(served, tmp_path, "fix")
    assert served.process.poll() is None
    assert not any("Traceback" in line for line in served.log)


def test_a_restarted_preview_serves_a_clean_build_and_follows_saves(tmp_path):
    """`pitchcraft serve` started again takes over the last run's pitches and pages
    (`output.restart`): what it serves, after a save and after an edit made while no preview
    ran, is still a clean build's."""
    project, port = site_project(tmp_path), free_port()  # its feeds hold the address
    command = SERVERS["pitchcraft serve"]
    with _serving(project, command, port):
        pass
    card = sorted((project / "content" / "insights").rglob("*.md"))[0]
    with _serving(project, command, port) as again:
        _assert_same_site(again, tmp_path, "restart")
        _edit(card, _once(r"^title: (.*)$", r"title: Edited \1"))
        until(lambda: again.shows(f"cards/{card.stem}/", "Edited "), "the edited card",
              log=again.log)
        _assert_same_site(again, tmp_path, "save after a restart")
    _edit(card, _once(r"^title: Edited (.*)$", r"title: Offline \1"))
    with _serving(project, command, port) as third:
        assert third.shows(f"cards/{card.stem}/", "Offline ")
        _assert_same_site(third, tmp_path, "restart after an edit")
        assert not any("Traceback" in line for line in third.log + again.log)
