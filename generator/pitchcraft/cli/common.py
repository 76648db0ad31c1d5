"""What every command of the command line shares: the content argument, loading, templates.

Templates come from the package; a folder passed with `--templates` is searched first
(`site.template_order`, the order the plugin's `templates` option follows too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from ..costs.buyer_inputs import input_problems, valid_inputs
from ..load import load_content
from ..load.validate import unknown_id
from ..model import Alternative, Content, Taxonomy
from ..pitch.result import Pitch
from ..site.template_order import template_folders

# --- Outside a site: where a command looked, and what to do instead -------------------------

def outside_site(kind: str, looked: Path) -> str:
    """What a command run outside a site says: where it looked for its `kind` (the content
    folder, mkdocs.yml), and the way out: the site's own folder when one is found above or
    below the current one, else `pitchcraft init`."""
    where = looked.absolute()
    if (Path.cwd() / "mkdocs.yml").is_file() and not (Path.cwd() / "content").exists():
        return (f"No {kind} at {where}. This folder has mkdocs.yml but no content/: name "
                "the folder that holds taxonomy.yml, evidence.yml and insights/ in the "
                "command, or start a site elsewhere with `pitchcraft init`.")
    lines = [f"No {kind} at {where}: this does not look like a Pitchcraft site."]
    site = find_site(Path.cwd())
    if site is not None and site.resolve() != Path.cwd().resolve():
        lines.append(f"A site is at {site}: run the command there (cd {site}).")
    else:
        lines.append("Run the command in your site's folder (the one holding mkdocs.yml and "
                     "content/), name the folder in the command, or start a site with "
                     "`pitchcraft init`.")
    return "\n".join(lines)


def find_site(start: Path) -> Path | None:
    """The nearest site folder (holding mkdocs.yml and content/) at or above `start`, else
    one folder below it (a site just made with `pitchcraft init NAME`)."""
    here = start.absolute()
    for folder in (here, *here.parents):
        if _is_site(folder):
            return folder
    below = sorted(f for f in here.iterdir() if f.is_dir() and _is_site(f)) if here.is_dir() else []
    return below[0] if len(below) == 1 else None


def _is_site(folder: Path) -> bool:
    try:
        return (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir()
    except OSError:  # a folder this user may not read is no site of theirs
        return False


def existing_dir(kind: str) -> Callable[[click.Context, click.Parameter, Path], Path]:
    """A click callback: the folder as given, or exit 2 saying where it looked."""
    def check(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
        if value is not None and not value.is_dir():
            click.echo(outside_site(kind, value), err=True)
            raise SystemExit(2)
        return value
    return check


def existing_file(kind: str) -> Callable[[click.Context, click.Parameter, Path], Path]:
    """A click callback: the file as given, or exit 2 saying where it looked."""
    def check(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
        if value is not None and not value.is_file():
            click.echo(outside_site(kind, value), err=True)
            raise SystemExit(2)
        return value
    return check


CONTENT_DIR = click.argument(
    "content_dir", default="content", callback=existing_dir("content folder"),
    type=click.Path(file_okay=False, path_type=Path),
)

TEMPLATES = click.option(
    "--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Your template folder; its files win over the packaged templates of the same name.",
)


def load(content_dir: Path) -> Content:
    return load_content(content_dir, today=dt.date.today())


def load_for_buyer(content_dir: Path, industry: str, problem: str, persona: str) -> Content:
    """The content, clean, with the buyer's three ids known: what `pitch` and `deck` need
    before composing (a content error exits 1; an unknown id is a usage error, exit 2)."""
    content = load(content_dir)
    if content.taxonomy is None or content.has_errors:
        click.echo(f"{content_dir} has content errors; run `pitchcraft check {content_dir}`.",
                   err=True)
        raise SystemExit(1)
    taxonomy = content.taxonomy
    resolve("industry", industry, [i.id for i in taxonomy.industries])
    resolve("problem", problem, [p.id for p in taxonomy.problems])
    resolve("persona", persona, [p.id for p in taxonomy.personas])
    return content


def resolve(kind: str, value: str, valid: list[str]) -> None:
    if value not in valid:
        finding = unknown_id("", 0, kind, value, valid)
        raise click.BadParameter(f"{finding.message} ({finding.hint})", param_hint=f"--{kind}")


def resolve_alternative(taxonomy: Taxonomy, against: str) -> Alternative | None:
    """The alternative `--against` names, or a usage error (exit 2) naming every valid id."""
    if not against:
        return None
    found = taxonomy.alternative(against)
    if found is not None:
        return found
    valid = sorted(a.id for a in taxonomy.alternatives)
    close = unknown_id("", 0, "alternative", against, valid).hint.split(";")[0]
    said = f"{close}; " if close.startswith("did you mean") else ""
    raise click.BadParameter(
        f"unknown alternative id '{against}' ({said}valid ids: {', '.join(valid)})" if valid
        else f"unknown alternative id '{against}': the taxonomy declares no 'alternatives:'",
        param_hint="--against")


def require_usable_inputs(pitch: Pitch, inputs: str) -> None:
    """Stop with a usage error (exit 2) when the buyer's numbers cannot all be used as typed:
    a pitch or deck with the defaults in place of them would be sent as tailored."""
    model = pitch.ranking[pitch.lead].card.cost_model
    problems = input_problems(model, inputs)
    if not problems:
        return
    lines = ["", *problems, ""]
    if model is None:
        lines.append("Leave out --inputs, or choose a card with a cost model with --card.")
    else:
        lines += ["The inputs of this card's cost model:", *(f"  {v}" for v in valid_inputs(model)),
                  "Write them as name=NUMBER joined by '&', e.g. --inputs "
                  f"'{model.inputs[0].name}=NUMBER'."]
    raise click.BadParameter("\n".join(lines), param_hint="--inputs")


def template_dirs(templates: Path | None) -> list[Path]:
    return template_folders(templates)


def require_template(templates: Path | None, name: str) -> None:
    """Fail before any question is asked when the template cannot be found or compiled."""
    import jinja2

    from ..render.templates import environment

    try:
        environment(template_dirs(templates)).get_template(name)
    except jinja2.TemplateNotFound:
        searched = ", ".join(str(d) for d in template_dirs(templates))
        raise click.UsageError(f"template '{name}' not found in {searched}") from None
    except jinja2.TemplateSyntaxError as exc:
        click.echo(f"template error: {exc.filename or name}:{exc.lineno}: {exc.message}",
                   err=True)
        raise SystemExit(1) from None


def render_template(templates: Path | None, name: str, **context: object) -> str:
    from ..render.templates import TemplateError, environment, render

    try:
        return render(environment(template_dirs(templates)), name, **context)
    except TemplateError as exc:
        click.echo(f"template error: {exc}", err=True)
        raise SystemExit(1) from None
