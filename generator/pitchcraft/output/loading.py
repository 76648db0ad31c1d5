"""Loading the content for a site, reporting its findings and stopping on errors: one rule
for the MkDocs plugin and `pitchcraft generate`, which differ only in where a finding is shown
(MkDocs' log or the terminal) and how they stop (a `PluginError` or exit 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..model import Content
from ..render.findings import as_text
from .incremental import SiteGenerator


class ContentErrors(Exception):
    """The content has errors: nothing is built; the message says how to see them again."""


def load_checked(generator: SiteGenerator, content_dir: Path | str, today: dt.date,
                 report: Callable[[str, bool], None]) -> Content:
    """The content, each finding told to `report` (its text, whether it is an error) in the
    order found; raises `ContentErrors` when any is an error."""
    content = generator.load(content_dir, today)
    for finding in content.findings:
        report(as_text(finding), finding.is_error)
    if content.has_errors:
        raise ContentErrors(
            f"{sum(f.is_error for f in content.findings)} content error(s) in {content_dir}; "
            f"run `pitchcraft check {content_dir}`")
    return content
