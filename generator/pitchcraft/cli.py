"""The command line: parse arguments, call the core, print, and set the exit code.

Exit codes: 0 clean, 1 content problems, 2 usage problems (click's own convention).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .load import load_content
from .model import Content
from .render import findings as show

CONTENT_DIR = click.argument(
    "content_dir", default="content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


def _load(content_dir: Path) -> Content:
    return load_content(content_dir, today=dt.date.today())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pitchcraft")
def main() -> None:
    """Insight cards in, tailored teaching pitches out."""


@main.command()
@CONTENT_DIR
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="github prints workflow annotations for pull requests.")
def check(content_dir: Path, strict: bool, fmt: str) -> None:
    """Validate the taxonomy, the evidence ledger and every card."""
    content = _load(content_dir)
    line = show.summary(content.findings, content.cards)
    if fmt == "json":
        click.echo(show.as_json(content.findings, line))
    else:
        render = show.as_github if fmt == "github" else show.as_text
        for finding in content.findings:
            click.echo(render(finding))
        click.echo(line, err=fmt == "github")
    failed = content.has_errors or (strict and bool(content.findings))
    raise SystemExit(1 if failed else 0)
