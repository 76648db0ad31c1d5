"""The unit tier stays fast and honest: nothing under tests/unit opens a browser or builds a site.

Three tiers, one folder each: tests/unit (logic: no build, no server, no browser, no
Playwright import, not even through a conftest or a helper), tests/integration (real MkDocs and
ProperDocs builds, servers, git repositories, CLI subprocesses) and tests/browser (Chromium,
Lighthouse, LinkChecker, axe). Helpers every tier shares live in tests/helpers; no test file
imports another.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import REPO

TESTS = REPO / "tests"
HELPERS = TESTS / "helpers"
UNIT = TESTS / "unit"
TIERS = ("unit", "integration", "browser")

BROWSER_MODULES = ("playwright", "axe_playwright_python")
BUILD_MODULES = ("mkdocs.commands.build", "mkdocs.commands.serve", "mkdocs.livereload",
                 "properdocs", "zensical", "pitchcraft.engines.build")
BUILD_HELPERS = {"mkdocs_build", "engine_build", "Served"}
"""Helpers that run a real build or a preview server (tests/helpers/site_server.py)."""
BROWSER_FIXTURES = {"browser", "page", "demo_site", "site_url", "engine_sites", "corpus_sites"}
COMMANDS_THAT_BUILD = {"build", "serve", "gh-deploy"}
PROGRAMS_THAT_BUILD = ("mkdocs", "properdocs", "zensical", "pitchcraft", "lighthouse",
                       "linkchecker", "chromium")


def unit_modules() -> list[Path]:
    """Every module pytest loads for `pytest tests/unit`: its files and the conftests above."""
    conftests = [TESTS / "conftest.py", *sorted(UNIT.rglob("conftest.py"))]
    return [*conftests, *sorted(UNIT.rglob("test_*.py"))]


def helpers_imported(tree: ast.Module) -> Iterator[Path]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            path = HELPERS / f"{name.split('.')[0]}.py"
            if path.is_file():
                yield path


def with_helpers(modules: list[Path]) -> list[Path]:
    """`modules` and every helper they import, directly or through another helper."""
    seen: dict[Path, None] = {}
    todo = list(modules)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        todo.extend(helpers_imported(ast.parse(path.read_text(encoding="utf-8"))))
    return list(seen)


def strings_in(node: ast.AST) -> list[str]:
    return [c.value for c in ast.walk(node) if isinstance(c, ast.Constant)
            and isinstance(c.value, str)]


def problems(path: Path, *, is_helper: bool) -> list[str]:
    """What in this module would make the unit tier open a browser or build a site."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                       else [alias.name for alias in node.names])
            for module in modules:
                if module.startswith(BROWSER_MODULES):
                    found.append(f"{where} imports {module}")
                if module.startswith(BUILD_MODULES):
                    found.append(f"{where} imports {module}")
            if isinstance(node, ast.ImportFrom) and not is_helper and path.name != "conftest.py":
                for alias in node.names:
                    if alias.name in BUILD_HELPERS:
                        found.append(f"{where} imports {alias.name} from {node.module}")
        if is_helper or path.name == "conftest.py":
            continue  # a helper may define a build; only a unit test may not run one
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if (isinstance(node.func.value, ast.Name) and node.func.value.id == "subprocess"
                    and any(word in text.lower() for arg in node.args
                            for text in strings_in(arg) for word in PROGRAMS_THAT_BUILD)):
                found.append(f"{where} runs a build, a server or a browser in a subprocess")
            if node.func.attr == "invoke" and len(node.args) >= 2:
                command = node.args[1]
                if (isinstance(command, ast.List | ast.Tuple) and command.elts
                        and isinstance(command.elts[0], ast.Constant)
                        and command.elts[0].value in COMMANDS_THAT_BUILD):
                    found.append(f"{where} invokes `pitchcraft {command.elts[0].value}`")
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            used = {arg.arg for arg in node.args.args} & BROWSER_FIXTURES
            if used:
                found.append(f"{where} {node.name} takes {', '.join(sorted(used))}")
    return found


def test_no_unit_module_imports_a_browser_or_builds_a_site():
    modules = with_helpers(unit_modules())
    found = [problem for path in modules
             for problem in problems(path, is_helper=path.parent == HELPERS)]
    assert found == [], ("tests/unit must run with no build, server or browser; move these "
                         "tests to tests/integration or tests/browser:\n" + "\n".join(found))


PROBE = """
import importlib.util, json, sys
sys.path[:0] = [sys.argv[1]]
for index, path in enumerate(sys.argv[2:]):
    sys.path.insert(1, str(__import__("pathlib").Path(path).parent))
    spec = importlib.util.spec_from_file_location(f"unit_probe_{index}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import does: dataclasses look their module up
    spec.loader.exec_module(module)
print(json.dumps(sorted(name for name in sys.modules
                        if name.split(".")[0] in ("playwright", "axe_playwright_python"))))
"""


def test_loading_the_unit_tier_loads_no_playwright():
    """What the imports above cannot see: a package a unit test imports that loads Playwright."""
    paths = [str(p) for p in unit_modules()]
    result = subprocess.run([sys.executable, "-c", PROBE, str(HELPERS), *paths],
                            capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded == [], f"loading tests/unit loads {', '.join(loaded[:3])} and {len(loaded)} more"


def test_every_test_file_is_in_one_tier_and_no_test_file_imports_another():
    loose = sorted(p.name for p in TESTS.glob("test_*.py"))
    assert loose == [], f"put these in tests/{{{','.join(TIERS)}}}: {loose}"
    files = [p for tier in TIERS for p in (TESTS / tier).rglob("test_*.py")]
    names = [p.name for p in files]
    assert len(names) == len(set(names)), "two test files share a name across the tiers"
    stems = {p.stem for p in files}
    imports = [f"{p.relative_to(REPO)} imports {node.module}" for p in files
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.ImportFrom) and node.module in stems]
    assert imports == [], "shared helpers belong in tests/helpers:\n" + "\n".join(imports)


@pytest.mark.parametrize("tier", ["integration", "browser"])
def test_the_other_tiers_are_where_the_builds_and_the_browser_are(tier):
    """A guard that passes on a tier of nothing proves nothing: the rules above do find the
    builds and the browser in the tiers that have them."""
    modules = sorted((TESTS / tier).rglob("test_*.py"))
    assert modules
    assert any(problems(path, is_helper=False) for path in modules)
