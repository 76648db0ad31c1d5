"""MkDocs' log, shown on the terminal the way MkDocs' own command shows it.

`pitchcraft build` and `pitchcraft serve` call MkDocs as a library, which prints nothing but
warnings until a handler is set up; both set it up here, once per process.
"""

from __future__ import annotations

import logging

PLUGIN_LOG = "mkdocs.plugins.pitchcraft.mkdocs.plugin"
"""The plugin's logger (`get_plugin_logger(__name__)` in `plugin.py`)."""


def log_to_terminal() -> None:
    """MkDocs' messages from INFO up on standard error, as `mkdocs build` prints them."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_pitchcraft", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.INFO)
        handler._pitchcraft = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
