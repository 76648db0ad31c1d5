"""Build the real site with the real `mkdocs`, and serve it on localhost for Chromium; watch a
`mkdocs serve` or `pitchcraft serve` process answer as an author edits."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


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


class QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker goes faster than 10 requests a second only on a server that says so.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> str:
    """The browser tests need Debian's Chromium; its absence is an error, never a skip."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        raise RuntimeError("Chromium not found at /usr/bin/chromium: apt-get install chromium")
    return str(CHROMIUM)


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
