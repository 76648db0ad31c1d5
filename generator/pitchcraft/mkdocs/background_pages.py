"""A large build's pages, rendered and written by a second process while MkDocs reads them.

MkDocs needs a generated page's file only when it reads that page, one page after another, and
reading a page takes MkDocs far longer than rendering and writing it. So once the pitches are
composed and the pages' paths are known, a child process (forked: it starts with the composed
site in memory) renders and writes the pages in the order MkDocs reads them, and counts them.
MkDocs waits for a page only if it catches up (`ready`). On a large build that takes rendering
and writing off the build's path, to the second core (bench/RESULTS.md has the timings).

Used for a full build from `BACKGROUND_FROM_CARDS` published cards, on Linux, where the
process has no other thread to lose in the fork (`wanted`). A preview renders in process: it
keeps what it rendered for the next save. A broken template is reported when MkDocs reaches
the first page it breaks, as a clear error; the build stops there.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from mkdocs.exceptions import PluginError

from ..output.page_writer import Written, failure_message

BACKGROUND_FROM_CARDS = 500
"""Below this many published cards, rendering and writing are a small part of a build and
forking the process is not worth it."""

Work = Callable[[Callable[[str], None]], Written]
"""Renders and writes every page, telling its argument each page's path once written."""

_PR_SET_PDEATHSIG = 1


def wanted(published_cards: int, serving: bool, dirty: bool) -> bool:
    """A full build (a preview keeps its pages for the next save; a `--dirty` build compares
    files before reading them) of a large site, where forking is safe: Linux, and no other
    thread, since a fork copies only the calling one."""
    return (published_cards >= BACKGROUND_FROM_CARDS and not serving and not dirty
            and sys.platform == "linux" and threading.active_count() == 1)


class BackgroundPages:
    """Raises `OSError` if the process cannot be started (the caller writes in process)."""

    def __init__(self, paths: Sequence[str], work: Work) -> None:
        self._place = {path: place for place, path in enumerate(paths)}
        context = multiprocessing.get_context("fork")
        self._count = context.RawValue("q", 0)
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, args=(os.getpid(), paths, work, self._count, send), daemon=True)
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
        self._receive.close()
        return self._result

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()

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


def _child(parent: int, paths: Sequence[str], work: Work, count, send: Connection) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C is for the build, which stops this process; so does the build's end, however it
    ends (Linux's parent-death signal), so no page is written after it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build ended before the signal was asked for
        os._exit(1)

    def written(path: str) -> None:
        place = count.value  # the parent's order is what MkDocs waits on
        if place >= len(paths) or paths[place] != path:
            listed = paths[place] if place < len(paths) else f"the {len(paths)} listed"
            raise PluginError(f"page {path} came where {listed} was expected")
        count.value = place + 1

    try:
        result = work(written)
        if count.value != len(paths):
            raise PluginError(f"{count.value} pages were written, {len(paths)} listed")
        # A line, not the paths: a message larger than the pipe holds would keep this
        # process, and its memory, waiting until MkDocs has read every page.
        _send(send, "done", result.summary())
    except PluginError as exc:
        _send(send, "error", f"generated pages: {exc}")
    except Exception as exc:  # every failure reaches the build as a message, not a traceback
        _send(send, "error", failure_message(exc) or f"generated pages: "
                                                     f"{type(exc).__name__}: {exc}")
    finally:
        send.close()


def _send(send: Connection, outcome: str, value: str) -> None:
    with contextlib.suppress(OSError):  # the build has ended
        send.send((outcome, value))
