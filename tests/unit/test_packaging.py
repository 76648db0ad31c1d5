"""Every subpackage of the source folder ships in the wheel: a new folder forgotten in
pyproject.toml would install a Pitchcraft that fails on import at a company."""

from __future__ import annotations

import tomllib

from builders import REPO


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    source = REPO / "generator"
    found = {init.parent.relative_to(source).as_posix().replace("/", ".")
             for init in source.rglob("__init__.py")}
    assert found - listed == set()
