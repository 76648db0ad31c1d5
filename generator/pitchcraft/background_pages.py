"""A large build's pages, rendered and written by a second process while MkDocs reads them.

MkDocs needs a generated page's file only when it reads that page, one page after another, at
about 60 ms a page for 10,000 cards; rendering and writing a page takes about 2 ms. So once the
pitches are composed and the pages' paths are known, a child process (forked: it starts with
the composed site in memory) renders and writes the pages in the order MkDocs reads them, and
counts them. MkDocs waits for a page only if it catches up (`ready`). On a 10,000-card build
that takes rendering and writing (about 20 s) off the build's path, to the second core.

Used for a full build from `BACKGROUND_FROM_CARDS` published cards, where the system can fork
a process that has no other threads. A preview renders in process: it keeps what it rendered
for the next save. A broken template is reported when MkDocs reaches the first page it
breaks, as a clear error; the build stops there.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from mkdocs.exceptions import PluginError

from .generate import NotGenerated, Written
from .render.templates import TemplateError

BACKGROUND_FROM_CARDS = 500
"""At 500 cards rendering and writing take about a second of a 50 s build; below, forking
the process is not worth it."""

Work = Callable[[Callable[[str], None]], Written]
"""Renders and writes every page, telling its argument each page's path once written."""


def can_fork() -> bool:
    """Forking copies only the calling thread: a process running others (a test runner, a
    server) keeps its pages in process."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class BackgroundPages:
    def __init__(self, paths: Sequence[str], work: Work) -> None:
        self._place = {path: place for place, path in enumerate(paths)}
        context = multiprocessing.get_context("fork")
        self._count = context.RawValue("q", 0)
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(paths, work, self._count, send),
                                         daemon=True)
        self._process.start()
        send.close()
        self._result: str | None = None

    def ready(self, path: str) -> None:
        """Returns once the page's file is written; raises `PluginError` if it never will be."""
        place = self._place.get(path)
        if place is None:
            return
        while self._count.value <= place:
            if self._receive.poll(0.005):
                self._take_result()

    def finish(self) -> str:
        """What was written (`Written.summary`), once every page is."""
        while self._result is None:
            self._take_result()
        self._process.join()
        return self._result

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()

    def _take_result(self) -> None:
        try:
            outcome, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise PluginError("the process writing the generated pages stopped (exit code "
                              f"{self._process.exitcode}): run the build again") from None
        if outcome == "error":
            raise PluginError(value)
        self._result = value


def _child(paths: Sequence[str], work: Work, count, send: Connection) -> None:  # type: ignore[no-untyped-def]
    gc.freeze()  # the site it was forked with stays as it is: never scanned, never copied

    def written(path: str) -> None:
        if paths[count.value] != path:  # the parent's order is what MkDocs waits on
            raise PluginError(f"page {path} came where {paths[count.value]} was listed")
        count.value += 1

    try:
        result = work(written)
        if count.value != len(paths):
            raise PluginError(f"{count.value} pages were written, {len(paths)} listed")
        # A line, not the paths: a message larger than the pipe holds would keep this
        # process, and its memory, waiting until MkDocs has read every page.
        send.send(("done", result.summary()))
    except TemplateError as exc:
        send.send(("error", f"template error: {exc}"))
    except NotGenerated as exc:
        send.send(("error", f"pages_dir: {exc}"))
    except OSError as exc:
        send.send(("error", f"pages_dir: cannot write the generated pages: {exc}"))
    except PluginError as exc:
        send.send(("error", f"generated pages: {exc}"))
    finally:
        send.close()
