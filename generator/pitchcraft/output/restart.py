"""What a preview started again takes over from the one before it: the generator's state.

`pitchcraft serve` keeps a `SiteGenerator` for its whole life, so a save recomposes only the
pitches and re-renders only the pages whose inputs changed. Without this, a restart on the same
content would compose every pitch and render every page again before its first page. The state
is stored with the parsed cards (`load.card_cache`), in one pickle, so a pitch or page made from
a card is, once read back, made from the very card object the store gives for it; from there
every part is judged as a running preview judges it after a save (the cards by their bytes, the
pitches by their candidate cards, the pages by the objects and inputs they were made from, all
of it against the taxonomy, ledger, day, options and templates as they are now).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratorState:
    """The memos of one `SiteGenerator` (`output.incremental`), as of its last build."""

    resolved: dict
    """The cards with the ledger's evidence put in, by the card read (`CardCache`)."""
    checked_in: tuple | None
    """The taxonomy, ledger and day the cards were last checked and resolved with."""
    pitches: dict
    """Each combination's candidate cards and pitch (`PitchMemo`)."""
    pitched_in: tuple | None
    """The taxonomy, ledger and day the pitches were composed for."""
    views: dict
    """The audience's view of each card."""
    pages: dict
    """Each generated page's inputs, text and the objects it was made from (`site.page_memo`)."""
    made_in: tuple | None
    """The taxonomy, day, options and team templates the pages were made with."""
    template_dirs: tuple[Path, ...]
    """The template folders the pages were rendered from."""
