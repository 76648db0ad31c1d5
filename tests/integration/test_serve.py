"""`mkdocs serve` while an author edits: every change shows up, and a broken card reports its
finding without killing the server; the next good edit recovers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import site_project
from site_server import Served, free_port, until

CARD = "content/insights/peak-demand/shift-start-sets-the-bill.md"
TITLE = "Your demand charge is set in fifteen minutes at shift start-up"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    project = site_project(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
         "-f", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    server = Served(project, process, f"http://127.0.0.1:{port}/")
    try:
        until(lambda: server.page("")[0] == 200, "the first build", 90)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_edit_add_rename_delete_and_recover(served: Served):
    card = served.project / CARD
    card_url = "cards/shift-start-sets-the-bill/"
    assert served.shows(card_url, TITLE)

    card.write_text(card.read_text().replace(TITLE, "Edited, the demand charge is set at start-up"))
    until(lambda: served.shows(card_url, "Edited, the demand charge is set at start-up"),
           "the edited title", log=served.log)

    added = card.with_name("a-brand-new-card.md")
    added.write_text(card.read_text().replace("Edited, the", "Added, the"))
    until(lambda: served.shows("cards/a-brand-new-card/", "Added, the demand charge"),
           "the added card")

    renamed = card.with_name("renamed-card.md")
    added.rename(renamed)
    until(lambda: served.shows("cards/renamed-card/", "Added, the demand charge"),
           "the renamed card")
    assert served.page("cards/a-brand-new-card/")[0] == 404

    renamed.unlink()
    until(lambda: served.page("cards/renamed-card/")[0] == 404, "the deleted card to go")

    good = card.read_text()
    card.write_text(good.replace("problems:", "problms:"))
    until(lambda: any("unknown field 'problms'" in line for line in served.log),
           "the finding in the server log")
    status, body = served.page(card_url)  # answered, not held until the next good build
    assert status == 200 and "Edited, the demand charge is set at start-up" in body
    assert served.process.poll() is None, "the server must survive a broken card"
    assert any("still serving the last good site" in line for line in served.log)
    assert not any("Traceback" in line for line in served.log)

    card.write_text(good.replace("Edited, the", "Recovered, the"))
    until(lambda: served.shows(card_url, "Recovered, the demand charge"), "recovery")
