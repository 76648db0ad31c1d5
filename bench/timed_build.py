"""`mkdocs build` as the CLI runs it, timing every hook of the pitchcraft plugin.

    python -m bench.timed_build MKDOCS_YML SITE_DIR

prints JSON: the seconds spent in each of the plugin's event handlers (load and check in
`on_pre_build`, compose and render in `on_files`, sanitising in `on_page_content`, search
indexing in `on_post_build`...), in Python's cycle collector, and in the whole build. The
handlers' total is the plugin's overhead measured inside the real build, free of the noise
between two separate builds.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

spent: dict[str, float] = {}
collector = {"seconds": 0.0, "full": 0, "started": 0.0}


def _on_collection(phase: str, info: dict[str, int]) -> None:
    """Time in Python's cycle collector: a heap the plugin grows makes every pass slower."""
    if phase == "start":
        collector["started"] = time.perf_counter()
    else:
        collector["seconds"] += time.perf_counter() - collector["started"]
        collector["full"] += info["generation"] == 2


def _timed(name: str, handler: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(handler)  # keeps `mkdocs_priority` from @event_priority
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return timed


def _instrument() -> None:
    try:
        from pitchcraft.mkdocs.plugin import PitchcraftPlugin
    except ImportError:  # pragma: no cover - a plain build needs no plugin
        return
    for name in dir(PitchcraftPlugin):
        if name.startswith("on_") and callable(getattr(PitchcraftPlugin, name)):
            setattr(PitchcraftPlugin, name, _timed(name, getattr(PitchcraftPlugin, name)))


def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # as `mkdocs build -q`
    _instrument()  # before the config loads the plugin and registers its handlers
    gc.callbacks.append(_on_collection)
    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - start
    print(json.dumps({"build": total, "plugin": sum(spent.values()), "hooks": spent,
                      "gc": collector["seconds"], "gc_full": collector["full"]}))


if __name__ == "__main__":
    main()
