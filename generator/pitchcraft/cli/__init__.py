"""The command line: parse arguments, call the core, print, and set the exit code.

Jinja2, the feed writer and MkDocs are imported by the commands that use them, so `check` (run
on every save and in CI) starts without them (a test imports the CLI and looks).

Exit codes: 0 clean, 1 content problems, 2 usage problems (click's own convention).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import click

from ..engines.engines import CHOICES as ENGINE_CHOICES
from ..engines.engines import MKDOCS
from ..load.schema import SCHEMAS, schema_json
from ..pitch import (
    Combination,
    compose_pitch,
    covered_combinations,
    nearest_combinations,
    serving_cards,
)
from ..render import findings as show
from ..render.report import report_json
from ..review import build_report
from . import pages as cli_pages
from .authoring import init, new
from .common import (
    CONTENT_DIR,
    TEMPLATES,
    existing_file,
    load_for_buyer,
    render_template,
    require_usable_inputs,
    resolve_alternative,
)
from .common import load as _load
from .deck import deck
from .diff import diff
from .prep import ACCOUNTS_DIR, account_findings, prep


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pitchcraft")
def main() -> None:
    """Insight cards in, tailored teaching pitches out."""


@main.command()
@CONTENT_DIR
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="github prints workflow annotations for pull requests.")
@click.option("--accounts", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also check the account files (*.yml) in this folder. Default: accounts/"
                   " beside the content folder, when it exists.")
def check(content_dir: Path, strict: bool, fmt: str, accounts: Path | None) -> None:
    """Validate the taxonomy, the evidence ledger, every card and the account files."""
    content = _load(content_dir)
    if content.taxonomy is not None and not content.has_errors:
        found = account_findings(accounts or content_dir.parent / ACCOUNTS_DIR, content)
        content = dataclasses.replace(content, findings=(*content.findings, *found))
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


@main.command()
@click.option("--industry", required=True, help="Industry id from the taxonomy.")
@click.option("--problem", required=True, help="Customer problem id.")
@click.option("--persona", required=True, help="Persona id: who you are meeting.")
@click.option("--card", "card_id", default=None,
              help="Tell the pitch from this card instead of the best-ranked one.")
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
              show_default=True,
              help="text: the rep's pitch, rep notes shown and labelled. md: a one-pager for"
                   " the buyer (no rep notes, internal figures or instructions to the rep).")
@click.option("--inputs", default="", metavar="QUERY",
              help="The buyer's numbers for the card's cost model, as in the page's link:"
                   " 'annual_spend=2500000&starts=12'. Default: the card's defaults.")
@click.option("--against", default="", metavar="ALT",
              help="Pitch against this alternative (an id from the taxonomy's"
                   " 'alternatives:'): adds its traps, objection answers and, for the rep"
                   " only, where we lose, what to concede and the landmines; prefers the card"
                   " meaningfully different against it.")
@TEMPLATES
@CONTENT_DIR
def pitch(
    industry: str, problem: str, persona: str, card_id: str | None, fmt: str, inputs: str,
    against: str, templates: Path | None, content_dir: Path,
) -> None:
    """Print the tailored teaching pitch for one buyer."""
    content = load_for_buyer(content_dir, industry, problem, persona)
    taxonomy = content.taxonomy
    assert taxonomy is not None  # load_for_buyer exits otherwise
    rival = resolve_alternative(taxonomy, against)
    wanted = Combination(industry, problem, persona)
    today = dt.date.today()
    composed = compose_pitch(content, wanted, today, card_id=card_id, alternatives=0,
                             inputs=inputs, against=against)
    serving = serving_cards(content, wanted, today, against=rival)
    if composed is None and card_id is not None and serving:
        click.echo(f"Card '{card_id}' does not serve this buyer. Cards that do, best first:",
                   err=True)
        for ranked in serving:
            click.echo(f"  --card {ranked.card.id}  ({ranked.card.title})", err=True)
        raise SystemExit(1)
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
    require_usable_inputs(composed, inputs)
    if fmt == "md":
        from ..model.outputs import Output
        from ..render.buyer_pitch import buyer_pitch

        buyer = buyer_pitch(composed, taxonomy.company.name, Output.MARKDOWN_ONE_PAGER)
        _echo_template(templates, "pitch.md.j2", buyer=buyer)
    else:
        from ..render.buyer_pitch import proposal

        _echo_template(templates, "pitch.txt.j2", pitch=composed, proposal=proposal(composed))


def _echo_template(templates: Path | None, name: str, **context: object) -> None:
    click.echo(render_template(templates, name, **context), nl=False)


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The MkDocs configuration.",
              callback=existing_file("site configuration (mkdocs.yml)"))
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the site goes. Default: site_dir from the configuration.")
@click.option("--audience", type=click.Choice(["internal", "public"]),
              help="public: public cards only, no pitches, no owners. Default: the config's.")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on warnings too.")
@click.option("--drafts", is_flag=True,
              help="A preview with drafts, bannered, into <site_dir>-drafts/; never published.")
@click.option("--engine", type=click.Choice(ENGINE_CHOICES), default=MKDOCS, show_default=True,
              help="mkdocs: MkDocs with the plugin. properdocs, zensical: that engine builds "
                   "the generated pages without the plugin (same pages, Pagefind search); "
                   "install it with pip install 'pitchcraft[zensical]' (or [properdocs]).")
def build(
    config_file: Path, site_dir: Path | None, audience: str | None, strict: bool, drafts: bool,
    engine: str,
) -> None:
    """Build the site; the previous site stays in place unless the build succeeds."""
    from ..output.site_folder import BuildFailed

    try:
        if engine == MKDOCS:
            from ..mkdocs.site_build import build_site_dir

            target = build_site_dir(config_file, site_dir, audience, strict, drafts,
                                    on_wait=lambda message: click.echo(message, err=True))
        else:
            target = _engine_build(engine, config_file, site_dir, audience, strict, drafts)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}; the previous site is unchanged.", err=True)
        raise SystemExit(1) from None
    click.echo(f"{'drafts preview' if drafts else 'site'} built in {target}")


def _engine_build(engine: str, config_file: Path, site_dir: Path | None, audience: str | None,
                  strict: bool, drafts: bool) -> Path:
    from ..engines.build import build_with
    from ..mkdocs.config_file import ConfigError, read_site
    from ..output.site_folder import BuildFailed

    try:
        site, plugin, sources = read_site(config_file)
    except ConfigError as exc:
        raise BuildFailed(str(exc)) from None
    if plugin is None:
        raise BuildFailed(f"{config_file} does not enable the pitchcraft plugin, which holds "
                          "the site's Pitchcraft options")
    plugin = {**plugin, "audience": audience or plugin["audience"], "drafts": drafts}
    return build_with(engine, config_file, site, plugin, sources, site_dir, strict,
                      say=lambda text: click.echo(text, err=True),
                      on_wait=lambda text: click.echo(text, err=True))


@main.command()
@click.argument("kind", type=click.Choice(sorted([*SCHEMAS, "account"])), default="card")
def schema(kind: str) -> None:
    """Print the JSON Schema of card front matter, the taxonomy, the evidence ledger or an
    account file (`pitchcraft prep`)."""
    if kind == "account":
        from ..prep.schema import account_schema_json

        click.echo(account_schema_json(), nl=False)
        return
    click.echo(schema_json(kind), nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text",
              show_default=True)
@click.option("--soon", default=30, show_default=True, help="Days ahead that count as soon.")
@TEMPLATES
@CONTENT_DIR
def report(fmt: str, soon: int, templates: Path | None, content_dir: Path) -> None:
    """Reviews due per owner (cards and battlecards), coverage gaps, cards not meaningfully
    different from the status quo, and alternatives no published card answers."""
    content = _load(content_dir)
    built = build_report(content, dt.date.today(), soon)
    if fmt == "json":
        click.echo(report_json(built))
    else:
        _echo_template(templates, f"report.{'md' if fmt == 'md' else 'txt'}.j2",
                       report=built)
    if content.has_errors:
        click.echo(f"{content_dir} has content errors; run `pitchcraft check`.", err=True)
        raise SystemExit(1)


main.add_command(init)
main.add_command(new)
main.add_command(deck)
main.add_command(diff)
main.add_command(prep)
for _command in (cli_pages.generate, cli_pages.serve):
    main.add_command(_command)
