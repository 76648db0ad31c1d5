"""Helpers more than one stage uses: kept here, so no stage imports another for them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_cycle_collection() -> Iterator[None]:
    """For work that allocates millions of objects and makes no reference cycles.

    Loading (and composing a site) frees almost nothing until the end, so Python's cycle
    collector would rescan the growing heap again and again (15% of `check` at 10,000 cards)
    to find nothing. Reference counting still frees everything; collection resumes after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
