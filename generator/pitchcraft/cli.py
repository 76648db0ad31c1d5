"""The command line: parse arguments, call the core, print, and set the exit code.

Exit codes: 0 clean, 1 content problems, 2 usage problems (click's own convention).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .load import load_content
from .load.validate import unknown_id
from .model import Content
from .pitch import Combination, compose_pitch, covered_combinations, nearest_combinations
from .render import findings as show
from .render.templates import TemplateError, environment, render
from .site_build import BuildFailed, build_site_dir

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


def _resolve(kind: str, value: str, valid: list[str]) -> None:
    if value not in valid:
        finding = unknown_id("", 0, kind, value, valid)
        raise click.BadParameter(f"{finding.message} ({finding.hint})", param_hint=f"--{kind}")


@main.command()
@click.option("--industry", required=True, help="Industry id from the taxonomy.")
@click.option("--problem", required=True, help="Customer problem id.")
@click.option("--persona", required=True, help="Persona id: who you are meeting.")
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
              show_default=True, help="md prints Markdown, for notes or a one-pager.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Template folder. Default: theme/templates beside the content folder.")
@CONTENT_DIR
def pitch(
    industry: str, problem: str, persona: str, fmt: str, templates: Path | None,
    content_dir: Path,
) -> None:
    """Print the tailored teaching pitch for one buyer."""
    content = _load(content_dir)
    if content.taxonomy is None or content.has_errors:
        click.echo(f"{content_dir} has content errors; run `pitchcraft check {content_dir}`.",
                   err=True)
        raise SystemExit(1)
    taxonomy = content.taxonomy
    _resolve("industry", industry, [i.id for i in taxonomy.industries])
    _resolve("problem", problem, [p.id for p in taxonomy.problems])
    _resolve("persona", persona, [p.id for p in taxonomy.personas])
    wanted = Combination(industry, problem, persona)
    composed = compose_pitch(content, wanted, dt.date.today())
    if composed is None:
        names = (taxonomy.industry(industry), taxonomy.problem(problem), taxonomy.persona(persona))
        click.echo(f"No published card covers {' x '.join(n.name for n in names if n)}.",
                   err=True)
        nearest = nearest_combinations(covered_combinations(content), wanted)
        if nearest:
            click.echo("Nearest covered combinations:", err=True)
            for c in nearest:
                click.echo(f"  --industry {c.industry} --problem {c.problem}"
                           f" --persona {c.persona}", err=True)
        raise SystemExit(1)
    template_dir = templates or content_dir.resolve().parent / "theme" / "templates"
    if not template_dir.is_dir():
        raise click.UsageError(f"no template folder at {template_dir}; pass --templates DIR")
    name = "pitch.md.j2" if fmt == "md" else "pitch.txt.j2"
    try:
        click.echo(render(environment([template_dir]), name, pitch=composed), nl=False)
    except TemplateError as exc:
        click.echo(f"template error: {exc}", err=True)
        raise SystemExit(1) from None


@main.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The MkDocs configuration.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the site goes. Default: site_dir from the configuration.")
@click.option("--audience", type=click.Choice(["internal", "public"]),
              help="public: public cards only, no pitches, no owners. Default: the config's.")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on warnings too.")
@click.option("--drafts", is_flag=True, help="Show drafts, bannered. Never publish this build.")
def build(
    config_file: Path, site_dir: Path | None, audience: str | None, strict: bool, drafts: bool
) -> None:
    """Build the site; the previous site stays in place unless the build succeeds."""
    try:
        target = build_site_dir(config_file, site_dir, audience, strict, drafts)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}; the previous site is unchanged.", err=True)
        raise SystemExit(1) from None
    click.echo(f"site built in {target}")
