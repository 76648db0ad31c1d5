"""When the preview server collects its garbage: once nobody has asked for anything for a while.

A preview of a large library keeps millions of objects from one save to the next (cards,
pitches, pages), and Python's cycle collector would look at all of them in each full pass,
which used to fall inside the saves. After the first preparation they are frozen
(`gc.freeze`), out of the collector's sight. What a save leaves behind (the last nav's pages
point to each other) is collected once nobody has asked for anything for half a second; the
frozen objects are looked at again after two seconds of quiet (a save or a page asked for
meanwhile waits for that pass).
"""

from __future__ import annotations

import gc

SAVE_GARBAGE_S = 0.5
ALL_GARBAGE_S = 2.0


class PreviewGarbage:
    def __init__(self) -> None:
        self._frozen = False
        self._young = self._all = False

    def prepared(self) -> None:
        """After a preparation; the first one's objects are frozen."""
        if not self._frozen:
            gc.freeze()
            self._frozen = True
        self._young = self._all = True

    def collect(self, idle_s: float) -> bool:
        """Collect what is due after `idle_s` seconds of quiet; returns whether it did."""
        if self._young and idle_s >= SAVE_GARBAGE_S:
            self._young = False
            gc.collect()  # the frozen heap is not looked at: quick
            return True
        if self._all and idle_s >= ALL_GARBAGE_S:
            self._all = False
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            return True
        return False
