"""`pitchcraft diff`: which pitches an edit changes, for a reviewer or a pull-request comment.

Exit codes: 0 the diff was printed (content errors at either revision are part of it), 2 usage
problems (a revision that does not exist or cannot be read, a folder outside git).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .common import TEMPLATES, existing_dir, template_dirs


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              callback=existing_dir("content folder"),
              help="The content folder, inside a git repository.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text",
              show_default=True, help="md: a pull-request comment; json: for tools.")
@TEMPLATES
def diff(base: str, head: str | None, content_dir: Path, fmt: str,
         templates: Path | None) -> None:
    """Pitches whose text changes between git revisions BASE and HEAD (default: the working
    tree), grouped by card, with before and after."""
    from ..changes import diff as model_diff
    from ..changes.git_read import GitError, resolve
    from ..changes.report import Labels, as_json, as_template
    from ..changes.revision import at_commit, at_worktree, place
    from ..render.templates import TemplateError

    today = dt.date.today()
    try:
        where = place(content_dir)
        base_sha = resolve(where.repo, base)
        head_sha = resolve(where.repo, head) if head else None
        before = at_commit(where, base_sha, today)
        after = at_commit(where, head_sha, today) if head_sha else at_worktree(content_dir, today)
    except GitError as exc:
        raise click.UsageError(str(exc)) from None
    labels = Labels(_label(base, base_sha),
                    _label(head, head_sha) if head and head_sha else "the working tree")
    change = model_diff(before, after)
    if fmt == "json":
        click.echo(as_json(change, labels), nl=False)
        return
    try:
        click.echo(as_template(change, labels, fmt, template_dirs(templates)), nl=False)
    except TemplateError as exc:
        click.echo(f"template error: {exc}", err=True)
        raise SystemExit(1) from None


def _label(revision: str, sha: str) -> str:
    """`main (1a2b3c4d)`, or the short id alone when the revision was a commit id."""
    return sha[:8] if sha.startswith(revision.lower()) else f"{revision} ({sha[:8]})"
