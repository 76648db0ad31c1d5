"""`pitchcraft prep`: a meeting pack for a named account; `prep new` scaffolds an account file;
`account_findings` is what `check --accounts` reports.

Account files can hold personal data: one kept inside the content, docs or site folder is
refused, and the pack is never written into them.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

import click

from ..model import Content, Finding
from ..prep.account import Account
from ..render import findings as show
from .common import TEMPLATES, existing_dir
from .common import load as _load

ACCOUNTS_DIR = "accounts"
"""Where `check` looks for account files when not told: beside the content folder."""


class _PackByDefault(click.Group):
    """`prep ACCOUNT.yml` makes a pack; `prep new FILE` scaffolds one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["pack", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_PackByDefault)
def prep() -> None:
    """Prepare for a named account: `prep ACCOUNT.yml -o FOLDER` writes a meeting pack,
    `prep new ACCOUNT.yml` starts an account file."""


def _site(config_file: Path) -> dict[str, Any]:
    if not config_file.is_file():
        return {}
    from ..mkdocs.config_file import ConfigError, read_site

    try:
        return read_site(config_file)[0] or {}
    except (ConfigError, OSError, ValueError):
        return {}


def protected_folders(content_dir: Path, config_file: Path) -> dict[str, Path]:
    """The folders a build reads or writes: content, and the site's docs and site folders."""
    site = _site(config_file)
    root = config_file.parent
    return {"content": content_dir, "docs": root / str(site.get("docs_dir", "docs")),
            "site": root / str(site.get("site_dir", "site"))}


def _refuse(path: Path, folders: dict[str, Path], what: str) -> None:
    from ..prep.pack import refused

    if reason := refused(path, folders, what):
        raise click.UsageError(reason)


def read_checked(account_file: Path, content: Content) -> tuple[Account | None, list[Finding]]:
    from ..prep.read import read_account

    return read_account(account_file, account_file.as_posix(), content, dt.date.today())


def account_findings(accounts: Path, content: Content) -> list[Finding]:
    """Findings of every `*.yml` account file in `accounts` (none when it does not exist)."""
    found: list[Finding] = []
    for file in sorted(accounts.glob("*.yml")) if accounts.is_dir() else []:
        found += read_checked(file, content)[1]
    return found


@prep.command("pack")
@click.argument("account_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("content_dir", default="content", callback=existing_dir("content folder"),
                type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="The folder the pack goes into (outside the site).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True,
              help="The site's configuration: its docs and site folders are refused.")
@click.option("--site-url", default=None,
              help="The site's address for the links. Default: site_url of the configuration.")
@click.option("--reference-deck", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .pptx of your company's: its layouts, fonts and colours are used.")
@TEMPLATES
def pack(account_file: Path, content_dir: Path, output: Path, config_file: Path,
         site_url: str | None, reference_deck: Path | None, templates: Path | None) -> None:
    """Write the meeting pack for ACCOUNT_FILE: brief, pitches, decks (a presenter copy and a
    leave-behind per attendee), links."""
    from ..deck.pptx_file import DeckError
    from ..prep.brief import build_brief
    from ..prep.meeting import plan_meeting
    from ..prep.pack import account_deck, deck_file, write_pack
    from .deck import write_copies

    folders = protected_folders(content_dir, config_file)
    _refuse(account_file, folders, "the account file")
    _refuse(output, folders, "the pack folder")
    content = _load(content_dir)
    if content.taxonomy is None or content.has_errors:
        click.echo(f"{content_dir} has content errors; run `pitchcraft check {content_dir}`.",
                   err=True)
        raise SystemExit(1)
    account, findings = read_checked(account_file, content)
    for finding in findings:
        click.echo(show.as_text(finding), err=True)
    if account is None or any(f.is_error for f in findings):
        raise SystemExit(1)
    url = site_url if site_url is not None else str(_site(config_file).get("site_url") or "")
    meeting = plan_meeting(account, content, dt.date.today(), url)
    decks: list[Path] = []  # first, so a reference deck that cannot be used stops it all
    for seat in (s for s in meeting.seats if s.pitch is not None):
        try:
            decks += [path for _, path in write_copies(
                partial(account_deck, meeting, seat), deck_file(output, seat), meeting.vendor,
                reference_deck)]
        except DeckError as exc:
            raise click.BadParameter(str(exc), param_hint="--reference-deck") from None
    written = write_pack(meeting, build_brief(meeting, content), output, templates) + decks
    click.echo(f"meeting pack for {account.company} written to {output}"
               f" ({len(written)} files; confidential):")
    for path in written:
        click.echo(f"  {path}")
    if meeting.against is not None:
        click.echo(f"Pitched against {meeting.against.name} ({meeting.against.id}): its traps,"
                   " answers and where we lose are in the brief, never in a deck.")
    click.echo("Links to each pitch on the site:")
    for seat in meeting.seats:
        click.echo(f"  {seat.attendee.name}: {seat.link or '(no pitch serves them)'}")


STARTER = """\
# yaml-language-server: $schema={schema}
# CONFIDENTIAL: an account file names people and holds the account's own figures.
# Keep it outside the content, docs and site folders; `pitchcraft prep` refuses it there.
company: {company}
industry: {industry}          # an industry id from the taxonomy
problems: [{problem}]         # problem ids in play, the one to teach first
meeting:
  date: {date}
  goal: Agree the next step with the people who decide.
attendees:
  - name: Full Name
    title: Their job title
    persona: {persona}         # a persona id from the taxonomy
    # role: champion           # default: the persona's role
    # card: a-card-id          # default: the best-ranked card for them
    # cares_about: [What they told you they care about]
# numbers:                    # cost-model inputs by name; `pitchcraft check` names them
#   annual_spend: 2400000
# facts:                      # their own figures, cited as theirs
#   - figure: $2.4 million
#     claim: Electricity spend of the plant in 2025.
#     source: the plant's 2025 utility bills   # the attendees read it on their deck
# alternative: {alternative}   # what they weigh instead: an alternative id from the taxonomy
# last_meeting:
#   date: YYYY-MM-DD
#   notes: [What was said]
# questions:
#   - ask: A question to ask.
#     answers:
#       - if: an answer they might give
#         figure: an_output_name   # or card: a-card-id, or concern: a concern to answer
# next_step:
#   proposal: We propose ...
#   date: YYYY-MM-DD
#   attendees: [Full Name]
#   we_bring: [...]
#   they_bring: [...]
"""


@prep.command("new")
@click.argument("account_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("content_dir", default="content", callback=existing_dir("content folder"),
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--company", default="Company name", show_default=True)
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True)
def new(account_file: Path, content_dir: Path, company: str, config_file: Path) -> None:
    """Start an account file with every field named and the taxonomy's first ids filled in
    (and schema/account.schema.json, for editors, when the project has none)."""
    import json

    _refuse(account_file, protected_folders(content_dir, config_file), "the account file")
    if account_file.exists():
        raise click.UsageError(f"{account_file} exists; choose another name")
    content = _load(content_dir)
    taxonomy = content.taxonomy
    if taxonomy is None:
        raise click.UsageError(f"{content_dir} has no readable taxonomy.yml")
    schema = Path("schema/account.schema.json")
    relative = Path(*([".."] * len(account_file.parent.parts)), schema) \
        if not account_file.is_absolute() else schema.resolve()
    if not schema.exists():  # a project made before account files: editors need the schema
        from ..prep.schema import account_schema_json

        schema.parent.mkdir(exist_ok=True)
        schema.write_text(account_schema_json(), encoding="utf-8")
    account_file.parent.mkdir(parents=True, exist_ok=True)
    account_file.write_text(STARTER.format(
        schema=relative.as_posix(), company=json.dumps(company),
        industry=taxonomy.industries[0].id, problem=taxonomy.problems[0].id,
        persona=taxonomy.personas[0].id, date=dt.date.today().isoformat(),
        alternative=taxonomy.alternatives[0].id if taxonomy.alternatives else "an-alternative-id"),
        encoding="utf-8")
    click.echo(f"account file written to {account_file}; fill it in, then run"
               f" `pitchcraft check --accounts {account_file.parent}` and"
               f" `pitchcraft prep {account_file} -o PACK_FOLDER`.")
