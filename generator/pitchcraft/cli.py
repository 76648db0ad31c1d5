"""The command line: parse arguments, call the core, print, and set the exit code.

Jinja2 and MkDocs are imported by the commands that use them, so `check` (run on every save
and in CI) starts without them.

Exit codes: 0 clean, 1 content problems, 2 usage problems (click's own convention).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .load import CARDS_DIR, load_content
from .load.schema import ID_PATTERN, SCHEMAS, schema_json
from .load.validate import unknown_id
from .model import Content
from .pitch import Combination, compose_pitch, covered_combinations, nearest_combinations
from .render import findings as show
from .render.report import report_json
from .review import build_report

CONTENT_DIR = click.argument(
    "content_dir", default="content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


TEMPLATES = click.option(
    "--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Template folder. Default: theme/templates beside the content folder.",
)


ID = re.compile(ID_PATTERN)


def slug(title: str) -> str:
    """A card id from its title: lowercase words joined by hyphens, at most eight."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:8]) or "card"


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
        as_line = show.as_github if fmt == "github" else show.as_text
        for finding in content.findings:
            click.echo(as_line(finding))
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
@TEMPLATES
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
    _echo_template(content_dir, templates, "pitch.md.j2" if fmt == "md" else "pitch.txt.j2",
                   pitch=composed)


def _render(content_dir: Path, templates: Path | None, name: str, **context: object) -> str:
    template_dir = templates or content_dir.resolve().parent / "theme" / "templates"
    if not template_dir.is_dir():
        raise click.UsageError(f"no template folder at {template_dir}; pass --templates DIR")
    from .render.templates import TemplateError, environment, render

    try:
        return render(environment([template_dir]), name, **context)
    except TemplateError as exc:
        click.echo(f"template error: {exc}", err=True)
        raise SystemExit(1) from None


def _echo_template(
    content_dir: Path, templates: Path | None, name: str, **context: object
) -> None:
    click.echo(_render(content_dir, templates, name, **context), nl=False)


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
    from .site_build import BuildFailed, build_site_dir

    try:
        target = build_site_dir(config_file, site_dir, audience, strict, drafts)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}; the previous site is unchanged.", err=True)
        raise SystemExit(1) from None
    click.echo(f"site built in {target}")


@main.command()
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)), default="card")
def schema(kind: str) -> None:
    """Print the JSON Schema of card front matter, the taxonomy or the evidence ledger."""
    click.echo(schema_json(kind))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text",
              show_default=True)
@click.option("--soon", default=30, show_default=True, help="Days ahead that count as soon.")
@TEMPLATES
@CONTENT_DIR
def report(fmt: str, soon: int, templates: Path | None, content_dir: Path) -> None:
    """Reviews due per owner, coverage gaps, and cards that are not meaningfully different."""
    content = _load(content_dir)
    built = build_report(content, dt.date.today(), soon)
    if fmt == "json":
        click.echo(report_json(built))
    else:
        _echo_template(content_dir, templates, f"report.{'md' if fmt == 'md' else 'txt'}.j2",
                       report=built)
    if content.has_errors:
        click.echo(f"{content_dir} has content errors; run `pitchcraft check`.", err=True)
        raise SystemExit(1)


@main.group()
def new() -> None:
    """Start new content from a template."""


def _ids_option(name: str, help_: str) -> Callable:
    return click.option(f"--{name}", "values_" + name, multiple=True, help=help_)


@new.command("card")
@click.option("--title", help="The insight as a headline.")
@_ids_option("industry", "Industry id (repeat for several, or 'all').")
@_ids_option("problem", "Customer problem id (repeat for several).")
@_ids_option("persona", "Persona id (repeat for several).")
@click.option("--owner", help="Who keeps the card true.")
@click.option("--id", "card_id", help="Card id and file name. Default: from the title.")
@click.option("--folder", default="", help="Sub-folder of insights/ to put it in.")
@TEMPLATES
@CONTENT_DIR
def new_card(
    title: str | None, values_industry: tuple[str, ...], values_problem: tuple[str, ...],
    values_persona: tuple[str, ...], owner: str | None, card_id: str | None, folder: str,
    templates: Path | None, content_dir: Path,
) -> None:
    """Write a draft card with every section, ready to fill in; never overwrites."""
    content = _load(content_dir)
    taxonomy = content.taxonomy
    if taxonomy is None:
        raise click.UsageError(f"{content_dir}/taxonomy.yml is missing or broken; run check")
    title = title or _ask("Title (the insight as a headline)")
    industries = _choose("industry", values_industry, [i.id for i in taxonomy.industries],
                         extra=["all"])
    problems = _choose("problem", values_problem, [p.id for p in taxonomy.problems])
    personas = _choose("persona", values_persona, [p.id for p in taxonomy.personas])
    owner = owner or _ask("Owner (a person)")
    card_id = card_id or slug(title)
    if not ID.match(card_id):
        raise click.BadParameter(f"'{card_id}' is not an id: use a-z, 0-9 and -",
                                 param_hint="--id")
    target = content_dir / CARDS_DIR / folder / f"{card_id}.md"
    if target.exists():
        click.echo(f"{target} exists already; not overwriting it.", err=True)
        raise SystemExit(1)
    if any(c.id == card_id for c in content.cards):
        raise click.BadParameter(f"a card with id '{card_id}' exists already",
                                 param_hint="--id")
    text = _render(content_dir, templates, "new_card.md.j2", title=title,
                   industries="all" if industries == ["all"] else industries,
                   problems=problems, personas=personas, owner=owner, today=dt.date.today())
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    click.echo(f"wrote {target}; fill it in, then run `pitchcraft check {content_dir}`.")


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(label: str) -> str:
    if not _interactive():
        raise click.UsageError(f"missing a value for: {label}")
    return click.prompt(label).strip()


def _choose(
    kind: str, given: tuple[str, ...], valid: list[str], extra: list[str] | None = None
) -> list[str]:
    allowed = valid + (extra or [])
    if not given:
        if not _interactive():
            raise click.UsageError(f"--{kind} is required; one of: {', '.join(allowed)}")
        answer = click.prompt(f"{kind.capitalize()} ids, comma-separated ({', '.join(allowed)})")
        given = tuple(a.strip() for a in answer.split(",") if a.strip())
    for value in given:
        _resolve(kind, value, allowed)
    return list(given)
