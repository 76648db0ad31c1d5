"""`mkdocs serve` while an author edits: every change shows up, and a broken card reports its
finding without killing the server; the next good edit recovers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from builders import site_project

CARD = "content/insights/peak-demand/shift-start-sets-the-bill.md"
TITLE = "Your demand charge is set in fifteen minutes at shift start-up"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def _until(
    condition: Callable[[], bool], what: str, seconds: float = 45, log: list[str] | None = None
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for: {what}\n" + "".join(log or [])[-3000:])


class Served:
    def __init__(self, project: Path, process: subprocess.Popen, url: str) -> None:
        self.project, self.process, self.url = project, process, url
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def page(self, path: str) -> tuple[int, str]:
        return _get(self.url + path)

    def shows(self, path: str, text: str) -> bool:
        status, body = self.page(path)
        return status == 200 and text in body


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    project = site_project(tmp_path)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
         "-f", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    server = Served(project, process, f"http://127.0.0.1:{port}/")
    try:
        _until(lambda: server.page("")[0] == 200, "the first build", 90)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_edit_add_rename_delete_and_recover(served: Served):
    card = served.project / CARD
    card_url = "cards/shift-start-sets-the-bill/"
    assert served.shows(card_url, TITLE)

    card.write_text(card.read_text().replace(TITLE, "Edited, the demand charge is set at start-up"))
    _until(lambda: served.shows(card_url, "Edited, the demand charge is set at start-up"),
           "the edited title", log=served.log)

    added = card.with_name("a-brand-new-card.md")
    added.write_text(card.read_text().replace("Edited, the", "Added, the"))
    _until(lambda: served.shows("cards/a-brand-new-card/", "Added, the demand charge"),
           "the added card")

    renamed = card.with_name("renamed-card.md")
    added.rename(renamed)
    _until(lambda: served.shows("cards/renamed-card/", "Added, the demand charge"),
           "the renamed card")
    assert served.page("cards/a-brand-new-card/")[0] == 404

    renamed.unlink()
    _until(lambda: served.page("cards/renamed-card/")[0] == 404, "the deleted card to go")

    good = card.read_text()
    card.write_text(good.replace("problems:", "problms:"))
    _until(lambda: any("unknown field 'problms'" in line for line in served.log),
           "the finding in the server log")
    status, body = served.page(card_url)  # answered, not held until the next good build
    assert status == 200 and "Edited, the demand charge is set at start-up" in body
    assert served.process.poll() is None, "the server must survive a broken card"
    assert any("still serving the last good site" in line for line in served.log)
    assert not any("Traceback" in line for line in served.log)

    card.write_text(good.replace("Edited, the", "Recovered, the"))
    _until(lambda: served.shows(card_url, "Recovered, the demand charge"), "recovery")
