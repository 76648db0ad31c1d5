"""Every benchmark script at least imports: a name moved in the package breaks the script here,
not in the middle of an hour-long `bench/run.py`."""

from __future__ import annotations

import importlib
import sys

import pytest

from builders import REPO

BENCH = REPO / "bench"


@pytest.mark.parametrize("name", sorted(p.stem for p in BENCH.glob("*.py")))
def test_the_bench_script_imports(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))  # the bench scripts are files, not a package
    monkeypatch.setattr(sys, "argv", [name])
    module = importlib.import_module(name)
    assert module.__file__ == str(BENCH / f"{name}.py")
