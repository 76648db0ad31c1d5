"""The comparison projects: the plugin's own pages written out as plain Markdown files.

`write_project(repo, content, out, plugin=True)` copies the repository's `mkdocs.yml`,
`docs/` and `theme/` into `out` with the content folder beside them: the project a user
builds. With `plugin=False` it instead runs the plugin's page generation once (the same
functions `mkdocs.plugin.py` calls, with its default options), writes every page into
`out/docs/`, and writes a `mkdocs.yml` without the pitchcraft plugin: same theme, search
and tags, and the generated pages kept out of the nav with `not_in_nav`, as the plugin
does. Building the two gives the same site; the difference in time is the generator.

`python -m bench.plain generate CONTENT` times the generator's work alone (load, compose,
render every page) in a fresh process and prints it as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

PLUGIN_ITEM = re.compile(r"^(?P<indent>\s*)- pitchcraft\b")


def today() -> dt.date:
    """The build date the plugin uses: SOURCE_DATE_EPOCH when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def generate(content: Path) -> list:
    """The plugin's pages for `content`, made the way `PitchcraftPlugin.on_files` makes them."""
    from pitchcraft.load import load_content
    from pitchcraft.site.pages import SiteOptions, build_site, site_pages
    from pitchcraft.theme_files import templates_dir

    loaded = load_content(content, today=today())
    if loaded.has_errors:
        raise SystemExit(f"{content} has content errors; run `pitchcraft check {content}`")
    site = build_site(loaded, SiteOptions(), today())
    # The before/after comparison renders old code with the templates of its own commit.
    templates = os.environ.get("PITCHCRAFT_BENCH_TEMPLATES")
    return site_pages(site, [Path(templates) if templates else templates_dir()])


def without_plugin(config: str, not_in_nav: list[str]) -> str:
    """`mkdocs.yml` text without the pitchcraft plugin entry, with `not_in_nav` patterns."""
    lines = config.splitlines()
    kept: list[str] = []
    skip_deeper_than: int | None = None
    for line in lines:
        if skip_deeper_than is not None:
            indent = len(line) - len(line.lstrip())
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        match = PLUGIN_ITEM.match(line)
        if match:
            skip_deeper_than = len(match.group("indent"))
            continue
        kept.append(line)
    if len(kept) == len(lines):
        raise ValueError("mkdocs.yml has no '- pitchcraft' plugin entry")
    if any(line.startswith("not_in_nav:") for line in kept):
        raise ValueError("mkdocs.yml already sets not_in_nav")
    block = ["", "not_in_nav: |", *(f"  {pattern}" for pattern in not_in_nav)]
    return "\n".join(kept + block) + "\n"


def not_in_nav_patterns(paths: list[str], in_nav: set[str]) -> list[str]:
    """gitignore-style patterns matching exactly the generated pages that are not in nav."""
    folders: dict[str, list[str]] = {}
    for path in paths:
        folder = path.rpartition("/")[0]
        folders.setdefault(folder, []).append(path)
    patterns = []
    for folder, members in sorted(folders.items()):
        listed = sorted(p for p in members if p in in_nav)
        if not folder:
            patterns += [f"/{p}" for p in sorted(members) if p not in in_nav]
        elif not listed:
            patterns.append(f"/{folder}/")
        else:
            patterns.append(f"/{folder}/*")
            patterns += [f"!/{p}" for p in listed]
    return patterns


def write_project(repo: Path, content: Path, out: Path, *, plugin: bool) -> int:
    """A buildable project in `out`; returns how many pages were written (0 for plugin)."""
    out.mkdir(parents=True)
    shutil.copytree(repo / "theme", out / "theme")
    shutil.copytree(repo / "docs", out / "docs")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    if plugin:
        (out / "content").symlink_to(content.resolve(), target_is_directory=True)
        (out / "mkdocs.yml").write_text(config, encoding="utf-8")
        return 0
    from pitchcraft.site.page_groups import NAV_PAGES

    (out / "content").symlink_to(content.resolve(), target_is_directory=True)
    pages = generate(out / "content")
    for page in pages:
        target = out / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    patterns = not_in_nav_patterns([p.path for p in pages], set(NAV_PAGES))
    (out / "mkdocs.yml").write_text(without_plugin(config, patterns), encoding="utf-8")
    (out / "content").unlink()  # the plain build must not see the content at all
    return len(pages)


def main() -> None:
    if sys.argv[1:2] == ["generate"]:
        content = Path(sys.argv[2])
        start, cpu = time.perf_counter(), time.process_time()
        pages = generate(content)
        print(json.dumps({"wall": time.perf_counter() - start,
                          "cpu": time.process_time() - cpu, "pages": len(pages)}))
    else:
        raise SystemExit("usage: python -m bench.plain generate CONTENT_DIR")


if __name__ == "__main__":
    main()
