"""What one build shows, read from the pitchcraft plugin's options.

The MkDocs plugin and `pitchcraft generate` both build a site from those options; reading them
here, once, keeps a page from existing in one and not the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..changes.history import site_changes
from . import page_groups
from .pages import SiteOptions


def options_for(plugin: Mapping[str, Any], site_url: str, today: dt.date) -> SiteOptions:
    return SiteOptions(
        plugin["audience"], plugin["drafts"],
        page_groups.groups_built(plugin["pages"], plugin["audience"]),
        decks=plugin["decks"],
        changes=site_changes(plugin["changes"], Path(plugin["content"]), today,
                             plugin["changes_commits"], site_url),
    )
