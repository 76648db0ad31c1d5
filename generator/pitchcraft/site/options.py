"""What one build shows, read from the pitchcraft plugin's options.

The MkDocs plugin and `pitchcraft generate` both build a site from those options; reading them
here, once, keeps a page from existing in one and not the other: the site's options, the page
groups built, the team's pages left out and the order template folders are searched in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..changes.history import site_changes
from . import page_groups
from .pages import SiteOptions
from .template_order import template_folders


def options_for(plugin: Mapping[str, Any], site_url: str, today: dt.date) -> SiteOptions:
    return SiteOptions(
        plugin["audience"], plugin["drafts"],
        groups(plugin),
        decks=plugin["decks"],
        changes=site_changes(plugin["changes"], Path(plugin["content"]), today,
                             plugin["changes_commits"], site_url),
    )


def groups(plugin: Mapping[str, Any]) -> tuple[str, ...]:
    """The page groups this build makes."""
    return page_groups.groups_built(plugin["pages"], plugin["audience"])


def docs_left_out(plugin: Mapping[str, Any]) -> set[str]:
    """The team's own pages (under docs/) this build leaves out."""
    return page_groups.docs_left_out(plugin["internal_docs"], plugin["audience"])


def template_dirs(plugin: Mapping[str, Any]) -> list[Path]:
    """Template folders in the order they are searched: the site's own (the `templates`
    option), then the packaged ones, so one file there replaces one template."""
    return template_folders(plugin.get("templates"))
