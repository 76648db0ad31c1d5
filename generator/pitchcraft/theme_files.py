"""Where the packaged theme lives: templates, Material overrides and scaffolding.

The repository keeps them in the top-level `theme/` folder; the build maps that folder into the
package as `pitchcraft.theme`, so an installed Pitchcraft finds them the same way as a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def theme_dir() -> Path:
    """The packaged theme folder, as a real directory (Jinja2 and MkDocs read files by path)."""
    return Path(str(files("pitchcraft.theme")))


def templates_dir() -> Path:
    return theme_dir() / "templates"


def overrides_dir() -> Path:
    return theme_dir() / "overrides"
