"""Files outside a content folder, each with a marker no card holds, and the links that point at
them: for the stories where a symbolic link must never be followed."""

from __future__ import annotations

import os
from pathlib import Path

from builders import FRONT, LEDGER, TAXONOMY, card_text

MARKER = "OUTSIDE-7f3c9e-MARKER"
OUTSIDE_CARD = card_text(FRONT.replace("Late payers are a forecasting problem", MARKER)
                         .replace("tags: [cash]", "tags: [cash]\naudience: public"))
OUTSIDE_LEDGER = LEDGER.replace("Distributors collect 11.4 days after terms.", MARKER)
OUTSIDE_TAXONOMY = TAXONOMY.replace("A test vendor.", MARKER)
LINK = "symbolic link"


def outside(where: Path) -> Path:
    """A folder beside the content folder holding card-, ledger- and taxonomy-shaped files."""
    folder = where / "outside"
    (folder / "cards").mkdir(parents=True)
    (folder / "leak.md").write_text(OUTSIDE_CARD)
    (folder / "cards" / "leak-too.md").write_text(OUTSIDE_CARD.replace(MARKER, MARKER + " 2"))
    (folder / "ledger.yml").write_text(OUTSIDE_LEDGER)
    (folder / "taxonomy.yml").write_text(OUTSIDE_TAXONOMY)
    return folder


def link(at: Path, to: Path, relative: bool) -> Path:
    """`at` as a link to `to`, written as the absolute path or relative to `at`'s folder."""
    at.parent.mkdir(parents=True, exist_ok=True)
    if at.exists() or at.is_symlink():
        at.unlink()
    at.symlink_to(os.path.relpath(to, at.parent) if relative else to)
    return at


def tree_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
