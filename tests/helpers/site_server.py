"""Build the real site with the real `mkdocs`, and serve it on localhost for Chromium; watch a
`mkdocs serve` or `pitchcraft serve` process answer as an author edits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from bench import browser
from bench.browser import CHROMIUM as CHROMIUM
from bench.browser import CHROMIUM_FLAGS as CHROMIUM_FLAGS
from bench.browser import require_chromium as require_chromium


def mkdocs_build(
    project: Path, site_dir: Path, *args: str, **env: str
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a user runs it; returns the finished process."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir), *args],
        capture_output=True, text=True, env=environment, check=False,
    )


ENGINES = ("zensical", "properdocs")
"""The engines `pitchcraft build --engine` runs besides MkDocs with the plugin."""


def engine_build(
    project: Path, site_dir: Path, engine: str, *args: str, **env: str
) -> subprocess.CompletedProcess:
    """`pitchcraft build --engine <engine>` (strict) as a user runs it; `mkdocs` is the
    plugin's own build."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-c", "from pitchcraft.cli import main; main()", "build",
         "--engine", engine, "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *args],
        capture_output=True, text=True, env=environment, check=False,
    )


class QuietHandler(browser.QuietHandler):
    """The bench's quiet server, telling LinkChecker it may go faster than 10 requests a
    second (it does only on a server that says so)."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


def serve(site_dir: Path, handler: type[QuietHandler] = QuietHandler
          ) -> AbstractContextManager[str]:
    """`site_dir` served on a free local port (the bench's server); yields its address."""
    return browser.serve(site_dir, handler)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def until(
    condition: Callable[[], bool], what: str, seconds: float = 45, log: list[str] | None = None
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for: {what}\n" + "".join(log or [])[-3000:])


class Served:
    """A preview server process, its URL and what it has logged so far."""

    def __init__(self, project: Path, process: subprocess.Popen, url: str) -> None:
        self.project, self.process, self.url = project, process, url
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def page(self, path: str) -> tuple[int, str]:
        return http_get(self.url + path)

    def shows(self, path: str, text: str) -> bool:
        status, body = self.page(path)
        return status == 200 and text in body
