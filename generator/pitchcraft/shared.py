"""Helpers more than one stage uses: kept here, so no stage imports another for them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any


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


def kept_for(memo: dict, made_from: Any, make: Callable[[], Any], tag: str = "") -> Any:
    """`make()`, kept in `memo` for the very object `made_from`.

    A preview keeps unchanged cards and pitches as the same objects from one save to the next,
    so what was made from them is found by identity, without comparing them field by field;
    an object made later at a freed object's address does not match."""
    key = (tag, id(made_from))
    kept = memo.get(key)
    if kept is None or kept[0] is not made_from:
        kept = memo[key] = (made_from, make())
    return kept[1]


def forget_gone(memo: dict, live: Iterable[Any]) -> None:
    """Drop what `kept_for` made from objects no longer in use (deleted or changed cards)."""
    ids = {id(obj) for obj in live}
    for key in [key for key in memo if key[1] not in ids]:
        del memo[key]


def rekeyed(memo: dict) -> dict:
    """A `kept_for` memo read back from a file (unpickled): the same entries under the ids of
    the objects as they are now."""
    return {(key[0], id(kept[0])): kept for key, kept in memo.items()}
