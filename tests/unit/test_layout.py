"""The package's folders are its pipeline: each imports only the folders below it, and only the
MkDocs adapter (`mkdocs/`) and the preview (`preview/`) touch MkDocs, Material, livereload or
watchdog, whose private names are listed in one table (`pitchcraft.mkdocs.internals`).

The graph is read from the source (every import, at module level or inside a function), so an
import moved into a function to dodge a cycle is still an import.
"""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import pitchcraft
from pitchcraft.mkdocs.internals import INTERNALS, missing

SOURCE = Path(pitchcraft.__file__).parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("shared", "theme_files", "escape"),
    ("model",),
    ("costs",),
    ("load",),
    ("pitch",),
    ("review",),
    ("render",),
    ("changes",),
    ("deck",),
    ("site",),
    ("prep",),
    ("output",),
    ("engines",),
    ("mkdocs",),
    ("preview",),
    ("cli",),
)
"""Lowest first, as in ARCHITECTURE.md: a folder (or top-level module) may import only those on
an earlier line. The package's own `__init__.py` imports nothing."""

ADAPTERS = ("mkdocs", "preview")
ENGINES = ("mkdocs", "material", "livereload", "watchdog")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, below pitchcraft
    line: int
    target: str  # the imported module (or module.name), absolute
    names: tuple[str, ...]  # for `from X import a, b`

    @property
    def where(self) -> str:
        return f"pitchcraft.{self.module} line {self.line}: {self.target}"


def modules() -> Iterator[tuple[str, bool, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts = parts[:-1]
        yield ".".join(parts), package, ast.parse(path.read_text(encoding="utf-8"))


def imports() -> list[Import]:
    found = []
    for module, package, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [Import(module, node.lineno, a.name, ()) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = tuple(a.name for a in node.names)
                if node.level:
                    base = module.split(".") if module else []
                    if not package:
                        base = base[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    tail = [node.module] if node.module else []
                    target = ".".join(["pitchcraft", *base, *tail])
                    if node.module is None:  # `from . import a`: each name may be a module
                        found += [Import(module, node.lineno, f"{target}.{n}", ()) for n in names]
                        continue
                else:
                    target = node.module or ""
                found.append(Import(module, node.lineno, target, names))
    return found


def unit(module: str) -> str:
    """The folder (or top-level module) a module below pitchcraft belongs to."""
    return module.split(".")[0] if module else "__init__"


def own_imports() -> list[tuple[str, str, Import]]:
    """(importing unit, imported unit, import) for every import of one unit by another."""
    edges = []
    for imp in imports():
        if imp.target == "pitchcraft" or imp.target.startswith("pitchcraft."):
            here, there = unit(imp.module), unit(imp.target.removeprefix("pitchcraft")
                                                 .removeprefix("."))
            if imp.target == "pitchcraft":  # `from pitchcraft import x`
                there = imp.names[0] if len(imp.names) == 1 else "__init__"
            if here != there:
                edges.append((here, there, imp))
    return edges


def test_no_import_cycle_between_folders() -> None:
    graph: dict[str, dict[str, Import]] = {}
    for here, there, imp in own_imports():
        graph.setdefault(here, {}).setdefault(there, imp)
    cycles = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == "open":
                loop = [*path[path.index(nxt):], nxt]
                cycles.append(" -> ".join(loop) + "\n    " + "\n    ".join(
                    graph[a][b].where for a, b in itertools.pairwise(loop)))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == [], "import cycles between folders:\n" + "\n".join(cycles)


def test_every_folder_has_a_place_in_the_layers() -> None:
    placed = {name for layer in LAYERS for name in layer}
    units = {unit(module) for module, _, _ in modules()} - {"__init__"}
    assert units - placed == set(), "add the new folder to LAYERS and to ARCHITECTURE.md"


def test_folders_import_only_downward() -> None:
    rank = {name: i for i, layer in enumerate(LAYERS) for name in layer}
    upward = [f"{here} (layer {rank.get(here)}) imports {there} (layer {rank.get(there)}): "
              f"{imp.where}"
              for here, there, imp in own_imports()
              if here == "__init__" or rank.get(there, len(LAYERS)) >= rank.get(here, -1)]
    assert upward == []


def _adapter(module: str) -> bool:
    return unit(module) in ADAPTERS


def test_only_the_adapters_import_mkdocs_material_livereload_or_watchdog() -> None:
    outside = [imp.where for imp in imports()
               if imp.target.split(".")[0] in ENGINES and not _adapter(imp.module)]
    assert outside == [], "move these into pitchcraft/mkdocs/ or pitchcraft/preview/"


PRIVATE = {entry.name for entry in INTERNALS if entry.name.startswith("_")}


def test_no_private_engine_name_outside_the_adapters() -> None:
    """No `_name` of MkDocs, Material, livereload or watchdog outside the adapters, whether
    imported from them, taken from the adapters, or reached as an attribute."""
    found = []
    for imp in imports():
        if _adapter(imp.module):
            continue
        adapter_target = unit(imp.target.removeprefix("pitchcraft.")) in ADAPTERS \
            and imp.target.startswith("pitchcraft.")
        if (imp.target.split(".")[0] in ENGINES or adapter_target) and any(
                n.startswith("_") for n in imp.names):
            found.append(imp.where)
    for module, _, tree in modules():
        if _adapter(module):
            continue
        for node in ast.walk(tree):
            name = (node.attr if isinstance(node, ast.Attribute)
                    else node.id if isinstance(node, ast.Name) else None)
            if name in PRIVATE:
                found.append(f"pitchcraft.{module} line {node.lineno}: {name}")
    assert found == []


def test_every_private_engine_name_the_adapters_import_is_in_the_table() -> None:
    listed = {(entry.owner.partition(":")[0], entry.name) for entry in INTERNALS}
    unlisted = [f"{imp.where} import {name}" for imp in imports()
                if _adapter(imp.module) and imp.target.split(".")[0] in ENGINES
                for name in imp.names
                if name.startswith("_") and (imp.target, name) not in listed]
    assert unlisted == [], "list each in pitchcraft/mkdocs/internals.py"


def test_every_listed_internal_is_still_in_the_installed_engines() -> None:
    assert missing() == [], ("MkDocs, Material or watchdog changed a name Pitchcraft relies "
                             "on; see pitchcraft/mkdocs/internals.py for where it is used")


@pytest.mark.parametrize("entry", INTERNALS, ids=lambda e: f"{e.owner}.{e.name}")
def test_each_listed_internal_is_used_where_the_table_says(entry) -> None:  # type: ignore[no-untyped-def]
    for user in entry.used_in.split(", "):
        text = (SOURCE / (user.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        assert entry.name in text, f"{entry.name} is no longer used in {user}: drop it"


def test_the_plugin_log_name_is_the_plugins_own() -> None:
    from pitchcraft.mkdocs.logs import PLUGIN_LOG
    from pitchcraft.mkdocs.plugin import PitchcraftPlugin, log

    assert f"mkdocs.plugins.{PitchcraftPlugin.__module__}" == PLUGIN_LOG
    assert log.logger.name == PLUGIN_LOG


def test_the_cli_starts_without_jinja2_feeds_or_mkdocs() -> None:
    """`pitchcraft check` runs on every save and in CI: importing the CLI loads none of the
    libraries only other commands need."""
    probe = ("import sys, pitchcraft.cli; print(' '.join(sorted({m.split('.')[0] for m in "
             "sys.modules} & {'jinja2', 'feedgen', 'lxml', 'mkdocs', 'material', 'pptx'})))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == []
