"""Commands that write files: `init` starts a site, `new card` starts a card.

Both check everything they need before they ask or write anything, and neither overwrites:
a person's work is never replaced by a starter file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import click
import yaml

from ..load import CARDS_DIR
from ..load.schema import ID_PATTERN
from . import scaffold
from .common import CONTENT_DIR, TEMPLATES, load, render_template, require_template, resolve

ID = re.compile(ID_PATTERN)
NEW_CARD = "new_card.md.j2"


SLUG_LIMIT = 60
"""Most characters of an id made from a title: a file name that reads whole in a listing."""

_DANGLING = frozenset({
    "a", "an", "and", "are", "as", "at", "before", "but", "by", "for", "from", "in", "into",
    "is", "of", "on", "or", "than", "that", "the", "to", "with",
})
"""Words a phrase cannot end on: an id cut after one reads as cut mid-phrase."""


def slug(title: str) -> str:
    """A card id from its title: lowercase words joined by hyphens.

    A long title is cut at a word boundary within `SLUG_LIMIT` characters, and words such as
    `before` or `the` left dangling at the cut go too, so the id keeps whole phrases
    (`...-fleets-fuel`, never `...-before-the-first-fuel`). Apostrophes join a word rather
    than split it (`last year's` gives `last-years`), and accents fall away.
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", re.sub(r"['\u2019]", "", plain.lower()))
    if len("-".join(words)) <= SLUG_LIMIT:
        return "-".join(words) or "card"
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > SLUG_LIMIT:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _DANGLING:
        kept.pop()
    return "-".join(kept) or words[0][:SLUG_LIMIT]


def as_yaml(value: object) -> str:
    """One YAML value on one line, quoted only where YAML needs it (no `\\u0027`)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                          width=float("inf")).removesuffix("\n...\n").rstrip("\n")
    plain = isinstance(value, str) and value.isprintable() and not {'"', "\\"} & set(value)
    if text.startswith("'") and "''" in text and plain:
        return f'"{value}"'  # `"last year's rules: ..."` reads better than `'last year''s'`
    return text


@click.command()
@click.argument("directory", default=".",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--demo", is_flag=True,
              help="Write the Gridlark demonstration content instead of the starter example.")
def init(directory: Path, demo: bool) -> None:
    """Start a Pitchcraft site in DIRECTORY (new or empty): config, content, guides,
    .gitignore, CI, schemas.

    Refuses, writing nothing, when any of its files exists already.
    """
    planned = scaffold.plan(demo, dt.date.today())
    try:
        written = scaffold.write(directory, planned)
    except scaffold.Refused as refused:
        click.echo(f"{directory} already holds {', '.join(refused.existing)}; nothing was "
                   "written. Run init in a new or empty folder.", err=True)
        raise SystemExit(1) from None
    for line in closing_lines(directory, len(written), scaffold.guides(planned)):
        click.echo(line)
    source = planned.source
    if source is not None:
        click.echo(f"CI installs Pitchcraft from {source.requirement} (PITCHCRAFT in "
                   ".github/workflows/pitchcraft.yml)" + (f"; {source.todo}." if source.todo
                                                          else "."))


def closing_lines(directory: Path, count: int, guides: dict[str, str]) -> list[str]:
    """What `init` says when done: where the files went, the next command, and the guides.
    The current folder is named by its path, and the next command has no `cd .`."""
    here = directory.absolute() == Path.cwd().absolute()
    where = f"the current folder ({Path.cwd()})" if here else str(directory)
    go = "" if here else f"cd {_shell_word(str(directory))} && "
    width = max(len(path) for path in guides) if guides else 0
    return [f"wrote {count} files into {where}. Next:",
            f"  {go}pitchcraft check --strict && mkdocs serve",
            "Guides it wrote (read them in any editor, or on the site once it is served):",
            *(f"  {path.ljust(width)}  {reader}" for path, reader in guides.items())]


def _shell_word(text: str) -> str:
    """`text` as one word for a POSIX shell, quoted only when it needs to be."""
    import shlex

    return shlex.quote(text)


@click.group()
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
    content = load(content_dir)
    taxonomy = content.taxonomy
    if taxonomy is None:
        raise click.UsageError(f"{content_dir}/taxonomy.yml is missing or broken; "
                               f"run `pitchcraft check {content_dir}`")
    require_template(templates, NEW_CARD)
    folder_path = _card_folder(content_dir, folder)
    if card_id is not None:
        _target(folder_path, card_id, content.cards)
    title = title or _ask("Title (the insight as a headline)", "--title")
    industries = _choose("industry", values_industry, [i.id for i in taxonomy.industries],
                         extra=["all"])
    problems = _choose("problem", values_problem, [p.id for p in taxonomy.problems])
    personas = _choose("persona", values_persona, [p.id for p in taxonomy.personas])
    owner = owner or _ask("Owner (a person)", "--owner")
    target = _target(folder_path, card_id or slug(title), content.cards)
    text = render_template(templates, NEW_CARD, yaml=as_yaml, title=title,
                           industries="all" if industries == ["all"] else industries,
                           problems=problems, personas=personas, owner=owner,
                           today=dt.date.today())
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    click.echo(f"wrote {target}; fill it in, then run `pitchcraft check {content_dir}`.")


def _card_folder(content_dir: Path, folder: str) -> Path:
    """The folder a new card goes to, which must lie inside `insights/` and be writable."""
    insights = content_dir / CARDS_DIR
    path = insights / folder
    if insights.is_symlink():  # the check below compares inside the link's target
        raise click.UsageError(f"{insights} is a symbolic link; Pitchcraft writes nothing "
                               "through a link: put the folder itself there")
    if Path(folder).is_absolute() or not path.resolve().is_relative_to(insights.resolve()):
        raise click.BadParameter(f"'{folder}' leads outside {insights}; name a sub-folder "
                                 "of it, such as 'carbon'", param_hint="--folder")
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        raise click.BadParameter(f"{existing} is a file, not a folder", param_hint="--folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise click.UsageError(f"cannot write into {existing}")
    return path


def _target(folder: Path, card_id: str, cards: tuple | list) -> Path:
    if not ID.match(card_id):
        raise click.BadParameter(f"'{card_id}' is not an id: use a-z, 0-9 and -",
                                 param_hint="--id")
    target = folder / f"{card_id}.md"
    if target.exists():
        click.echo(f"{target} exists already; not overwriting it.", err=True)
        raise SystemExit(1)
    if any(c.id == card_id for c in cards):
        raise click.BadParameter(f"a card with id '{card_id}' exists already",
                                 param_hint="--id")
    return target


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(label: str, option: str) -> str:
    if not _interactive():
        raise click.UsageError(f"{option} is required when input is not a terminal "
                               f"(nothing to ask): {label}")
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
        resolve(kind, value, allowed)
    return list(given)
