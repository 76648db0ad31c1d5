"""Build the real site with the real `mkdocs`, and serve it on localhost for Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
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
