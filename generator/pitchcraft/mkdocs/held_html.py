"""Generated pages' HTML from the moment MkDocs renders it until its page is written.

MkDocs renders every page's Markdown before it writes the first page, so at thousands of
pages the HTML of all of them would be in memory at once (most of a large build's peak).
Each generated page's HTML is kept here compressed meanwhile.

Every generated page's HTML is also cleaned by the sanitiser (`site/sanitize.py`) on its way
in. A large build does that in a worker process: MkDocs runs on one core, and cleaning
thousands of pages there would lengthen the build. In the worker it runs while MkDocs renders the
next pages, and what comes back is the compressed page. A small build, or a preview that
renders a page when it is asked for, cleans in process: starting a worker costs more than it
saves there.
"""

from __future__ import annotations

import multiprocessing
import signal
import zlib
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..site.sanitize import clean_compressed

WORKER_FROM_PAGES = 500
"""Generated pages from which a full build cleans them in a worker process; below, starting
the worker costs more than cleaning in process."""


class HeldHtml:
    def __init__(self, in_worker: bool) -> None:
        self._held: dict[str, bytes | Future[bytes]] = {}
        self._pool = _worker() if in_worker else None

    def hold(self, page: Page, html: str) -> str:
        """Keeps the page's cleaned HTML; what MkDocs keeps meanwhile: nothing."""
        held: bytes | Future[bytes] | None = None
        if self._pool is not None:
            try:
                held = self._pool.submit(clean_compressed, html)
            except (OSError, RuntimeError):  # no worker could start: clean here
                self._pool = None
        self._held[page.file.src_uri] = held if held is not None else clean_compressed(html)
        return ""

    def give_back(self, page: Page) -> None:
        """Before any plugin or template reads the page's HTML again."""
        held = self._held.pop(page.file.src_uri, None)
        if held is None:
            return
        if isinstance(held, Future):
            try:
                held = held.result()
            except BrokenProcessPool:
                raise PluginError("the page sanitiser's worker process stopped (out of "
                                  "memory?): run the build again") from None
        page.content = zlib.decompress(held).decode("utf-8")

    def close(self) -> None:
        """Stops the worker, if any, and drops pages not given back; pages held after
        this are cleaned in process."""
        self._held.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _worker() -> ProcessPoolExecutor | None:
    """A process that cleans pages, started at the first page: spawned, a fresh interpreter
    whatever threads or state the build has, importing the sanitiser and what it reads.
    Ctrl-C is for the build, which then stops it. None where the system has no way to run one
    (no working semaphores): pages are then cleaned in process."""
    try:
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=signal.signal,
                                   initargs=(signal.SIGINT, signal.SIG_IGN))
    except (OSError, ImportError, NotImplementedError):
        return None
