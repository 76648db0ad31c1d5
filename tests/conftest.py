"""Fixtures every tier shares; the content builders live in `helpers/builders.py`.

Nothing here imports a browser: Playwright's fixtures live in `browser/conftest.py`, so
`pytest tests/unit` never loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from builders import REPO, ContentFolder
from site_server import engine_build, mkdocs_build, serve

ENGINES = ("properdocs", "zensical")
"""The engines `pitchcraft build --engine` runs besides MkDocs with the plugin."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*/expected from what Pitchcraft prints now")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def folder(tmp_path: Path) -> ContentFolder:
    return ContentFolder(tmp_path / "content")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once per test run by the real `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def engine_sites(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The demo built by `pitchcraft build --engine <name>`, once per engine per test run."""
    built: dict[str, Path] = {}

    def site(engine: str) -> Path:
        if engine not in built:
            site_dir = tmp_path_factory.mktemp(f"site-{engine}")
            result = engine_build(REPO, site_dir, engine)
            assert result.returncode == 0, result.stderr
            built[engine] = site_dir
        return built[engine]

    return site


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as url:
        yield url
