"""`pitchcraft serve`: MkDocs' live-reload server in front of a `PreviewSite`.

MkDocs' server watches the files, waits for a save to settle, reloads the browser and injects
its reload script; the only change here is that a request first renders its page when that
page is stale, and that the start serves as soon as the site is prepared, before any page is
rendered. Pages nobody asked for are rendered while the author is idle, so search (which needs
every page) is ready without holding up the page being edited.
"""

from __future__ import annotations

import logging
import posixpath
import shutil
import tempfile
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from watchdog import events

from .site import PreviewSite

log = logging.getLogger("mkdocs.commands.serve")


CHANGES = [getattr(events, name) for name in (
    "FileCreatedEvent", "FileModifiedEvent", "FileMovedEvent", "FileDeletedEvent",
    "FileClosedEvent", "FileAttribEvent") if hasattr(events, name)]
"""The file events that start a rebuild. Watchdog also reports a file being opened and closed
unwritten: MkDocs' server takes those as changes too, so the rebuild's own reading of the saved
card started a second rebuild, doubling every save. An attribute change counts: an editor that
saves by renaming leaves the watched `mkdocs.yml` with nothing else (its own event from
watchdog 7 on; earlier releases report it as a modification)."""


class PreviewServer(LiveReloadServer):
    site: PreviewSite

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.observer.schedule = partial(self.observer.schedule, event_filter=CHANGES)  # type: ignore[method-assign]

    def _serve_request(self, environ, start_response) -> Iterable[bytes] | None:  # type: ignore[no-untyped-def]
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if not path.startswith("/livereload/") and (path + "/").startswith(self.mount_path):
            output = path[len(self.mount_path):] + ("index.html" if path.endswith("/") else "")
            try:
                self.site.ensure(posixpath.normpath("/" + output).lstrip("/"))
            except MkDocsException as error:  # MkDocs has logged which page; the rest serves
                log.error(f"{error}")
        return super()._serve_request(environ, start_response)


def serve(config_file: str, dev_addr: str | None) -> None:
    """Prepare the site, then serve it until interrupted. Raises MkDocs' own exceptions when
    the first preparation fails (a content or configuration error): there is nothing to serve."""
    site_dir = tempfile.mkdtemp(prefix="pitchcraft_")
    site = PreviewSite(config_file, site_dir, dev_addr)
    stop = threading.Event()
    try:
        site.prepare()
        config = site.config()
        host, port = config.dev_addr
        server = PreviewServer(builder=site.prepare, host=host, port=port, root=site_dir,
                               mount_path=site.mount_path)
        server.site = site
        server.error_handler = lambda code: _error_page(Path(site_dir), code)
        server.watch(config.docs_dir)
        server.watch(config_file)
        server = config.plugins.on_serve(server, config=config, builder=server.builder)
        for item in config.watch:
            server.watch(item)
        threading.Thread(target=_render_ahead, args=(site, stop), daemon=True).start()
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            stop.set()
            server.shutdown()
    finally:
        stop.set()
        site.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _render_ahead(site: PreviewSite, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            busy = site.idle_step()
        except MkDocsException as error:  # that page is left out until its next change
            log.error(f"{error}")
            busy = True
        if not busy:
            stop.wait(0.25)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def notified_of_saves() -> None:
    """MkDocs looks at every watched file every half second, which adds up to that long to
    each save and grows with the number of cards; the system's own file notifications
    (inotify on Linux) report a save at once. MkDocs names its observer class at the moment
    it starts serving, so it is replaced for the process, before (`mkdocs.internals`)."""
    import watchdog.observers
    import watchdog.observers.polling

    def observer(timeout: float = 0.5) -> watchdog.observers.api.BaseObserver:
        return watchdog.observers.Observer(timeout=min(timeout, 0.1))

    watchdog.observers.polling.PollingObserver = observer  # type: ignore[assignment,misc]
