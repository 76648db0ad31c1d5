"""A site's `mkdocs.yml` read for the commands that run no MkDocs build (`generate`, `serve`).

`ConfigError` is MkDocs' own error for a configuration it cannot use (and for a content error
the plugin raises while a preview starts); the CLI catches it by this name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException as ConfigError
from mkdocs.utils.yaml import yaml_load

from ..output.site_guard import Source, sources_of

__all__ = ["ConfigError", "read_site"]


def read_site(config_file: Path) -> tuple[dict[str, Any], dict[str, Any] | None, list[Source]]:
    """The site's YAML, the validated options of its pitchcraft plugin (None when it does not
    use the plugin), and the folders nothing may write into (`site_guard`)."""
    with open(config_file, encoding="utf-8") as handle:
        site = yaml_load(handle)
    config = load_config(str(config_file))
    plugin = config.plugins.get("pitchcraft")
    if plugin is None:
        return site, None, []
    return site, dict(plugin.config), sources_of(config_file, config, plugin.config)
