"""The order template folders are searched in, for every command and the plugin: a site's
own folder first (`--templates`, or the plugin's `templates` option), then the packaged one,
so one file there replaces one template, file by file, as Material's `custom_dir` does for
the theme. Imports nothing heavy: `pitchcraft check` loads it without Jinja2."""

from __future__ import annotations

from pathlib import Path

from ..theme_files import templates_dir


def template_folders(own: Path | str | None) -> list[Path]:
    return [Path(own), templates_dir()] if own else [templates_dir()]
