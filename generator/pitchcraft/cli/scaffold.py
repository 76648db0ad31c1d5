"""`pitchcraft init`: the files a company's new site starts from, written only where none exist.

The starter files live in the packaged theme (`theme/scaffold/` in this repository); the JSON
Schemas come from the validator itself, so an editor checks exactly what `pitchcraft check`
checks. `--demo` swaps the example content for the Gridlark demonstration content and its
guides, which ship in the package as `pitchcraft.demo` and `pitchcraft.guides` (the
repository's `content/` and `docs/` folders, mapped at build time).

Nothing is written unless every file can be: a folder that already holds any of them is refused
with their names, so `init` never overwrites a company's work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..load.schema import SCHEMAS, schema_json
from ..theme_files import theme_dir
from .install_source import WHEELS, Source, install_source, recorded_install

TEAM_GUIDES = {
    "authoring.md": "marketing: cards, evidence ledger, cost models",
    "adopting.md": "options, your own templates, upgrades",
    "publishing.md": "CI, hosting, the pitch diff",
}
"""The guides for the team that runs the site, written by every `init` from the package's own
copy (this repository's docs/, shipped as `pitchcraft.guides`): one source for each guide.
The reps' guide (`meeting-prep.md`) is the starter's, or the demo's with `--demo`."""

REPS_GUIDE = "meeting-prep.md"

_SKIP = {"__pycache__", "__init__.py"}


@dataclass(frozen=True)
class Plan:
    """Every file `init` writes: relative path -> its text, and files copied as they are."""

    files: dict[str, str]
    copies: dict[str, Path] = field(default_factory=dict)
    """Relative path -> the file copied there (the Pitchcraft wheel CI installs)."""
    source: Source | None = None
    """Where the starter workflow installs Pitchcraft from."""


class Refused(Exception):
    """The folder already holds some of the files; nothing was written."""

    def __init__(self, existing: list[str]) -> None:
        super().__init__(", ".join(existing))
        self.existing = existing


def scaffold_dir() -> Path:
    return theme_dir() / "scaffold"


def demo_dir() -> Path:
    """The Gridlark demonstration content: taxonomy, ledger and cards."""
    return _shipped("demo", "content")


def guides_dir() -> Path:
    return _shipped("guides", "docs")


def _shipped(packaged: str, in_checkout: str) -> Path:
    """A wheel holds the folder inside the package; a checkout (also an editable install,
    whose import hooks cannot find a package without `__init__.py`) holds it beside theme/."""
    inside = Path(__file__).parents[1] / packaged  # pitchcraft/<packaged>, beside cli/
    return inside if inside.is_dir() else theme_dir().parent / in_checkout


def plan(demo: bool, today: dt.date, source: Source | None = None) -> Plan:
    """What `init` writes. The starter's dates are today's, so it is clean on the day; the
    workflow installs this Pitchcraft from `source` (default: where pip installed it from)."""
    source = source or install_source(_version(), recorded_install())
    starter = _tree(scaffold_dir())
    if demo:
        starter = {path: text for path, text in starter.items()
                   if not path.startswith(("content/", "docs/"))}
        starter["mkdocs.yml"] = starter["mkdocs.yml"].replace(
            "site_name: Teaching pitches", "site_name: Gridlark teaching pitches (demo)")
        starter |= {f"content/{p}": t for p, t in _tree(demo_dir()).items()}
        starter[f"docs/{REPS_GUIDE}"] = (guides_dir() / REPS_GUIDE).read_text(encoding="utf-8")
    starter |= {f"docs/{name}": (guides_dir() / name).read_text(encoding="utf-8")
                for name in TEAM_GUIDES}
    starter |= {f"schema/{kind}.schema.json": schema_json(kind) for kind in sorted(SCHEMAS)}
    values = {"@TODAY@": today.isoformat(), "@VERSION@": _version(),
              "@PITCHCRAFT@": source.requirement}
    for path, text in starter.items():
        for token, value in values.items():
            text = text.replace(token, value)
        starter[path] = text
    copies = {f"{WHEELS}/{source.wheel.name}": source.wheel} if source.wheel else {}
    return Plan(dict(sorted(starter.items())), copies, source)


def guides(planned: Plan) -> dict[str, str]:
    """The guides `planned` writes (path -> who it is for), named in init's closing lines."""
    named = {f"docs/{REPS_GUIDE}": "reps: preparing a meeting"}
    named |= {f"docs/{name}": reader for name, reader in TEAM_GUIDES.items()}
    return {path: reader for path, reader in named.items() if path in planned.files}


def write(target: Path, planned: Plan) -> list[Path]:
    """Write every planned file into `target`, or none of them if any exists already."""
    existing = [p for p in [*planned.files, *planned.copies]
                if (target / p).exists() or (target / p).is_symlink()]
    if existing:
        raise Refused(existing)
    written = []
    for relative, text in planned.files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
            out.write(text)
        written.append(path)
    for relative, source in planned.copies.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:
            out.write(source.read_bytes())
        written.append(path)
    return written


def _tree(root: Path) -> dict[str, str]:
    """Files under `root`; `dot-x/` stands for `.x/` (package data leaves out hidden names)."""
    return {_undot(path.relative_to(root).as_posix()): path.read_text(encoding="utf-8")
            for path in sorted(root.rglob("*"))
            if path.is_file() and not _SKIP & set(path.relative_to(root).parts)}


def _undot(relative: str) -> str:
    return "." + relative.removeprefix("dot-") if relative.startswith("dot-") else relative


def _version() -> str:
    try:
        return version("pitchcraft")
    except PackageNotFoundError:  # a checkout used without installing it
        return "0.1.0"
