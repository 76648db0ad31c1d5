"""The engines that build the generated folder, and how each is run.

Each is a separate program reading a MkDocs-style configuration; it runs in its own process,
from the same Python as Pitchcraft, so the engine installed beside Pitchcraft (an optional
extra) is the one used.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MKDOCS = "mkdocs"
"""The plugin's own engine: `pitchcraft build` without `--engine` (mkdocs/site_build.py)."""


@dataclass(frozen=True)
class Engine:
    name: str
    module: str
    """Run as `python -m <module> build`."""
    extra: str
    """The optional extra of Pitchcraft that installs it."""
    search_plugin: bool
    """Whether the configuration keeps the engine's `search` plugin: Zensical's header shows
    the search box (Pitchcraft's Pagefind box, `partials/search.html`) only while it is on."""
    own_index: tuple[str, ...]
    """The engine's own search index, removed after the build: Pagefind is the search."""


ENGINES = {
    "properdocs": Engine("properdocs", "properdocs", "properdocs", False,
                         ("search/search_index.json",)),
    "zensical": Engine("zensical", "zensical", "zensical", True, ("search.json",)),
}
CHOICES = (MKDOCS, *ENGINES)


class EngineFailed(Exception):
    """The engine is missing or stopped; the message says which and why."""


def run(engine: Engine, config: Path, strict: bool) -> str:
    """Build the site `config` describes (its `site_dir`, in the config's folder); the
    engine's log. Zensical's own cache goes in that folder too."""
    if importlib.util.find_spec(engine.module) is None:
        raise EngineFailed(f"{engine.name} is not installed: pip install "
                           f"'pitchcraft[{engine.extra}]'")
    command = [sys.executable, "-m", engine.module, "build", "-f", config.name]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=config.parent, capture_output=True, text=True,
                          check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise EngineFailed(f"{engine.name} build failed:\n{_tail(log)}")
    return log


def _tail(log: str, lines: int = 30) -> str:
    return "\n".join(log.splitlines()[-lines:])
