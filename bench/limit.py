"""The floor for `pitchcraft check`: read the same files and parse their YAML, nothing else.

No validation, no positions, no Markdown sections: any checker must at least do this much.
It uses the fastest loader PyYAML offers (the C one), so the ratio against it is honest.

With `--markdown`, also the Markdown block parse of each body that the checks need (issue 15:
sections, notes and the unsafe-HTML scan come from one parse with source lines): markdown-it's
CommonMark block rules, inline parsing left off as `check` leaves it off for most text. This is
a second floor, printed beside the first, never in its place.

Usage: `python -m bench.limit [--markdown] CONTENT_DIR`; prints how many cards it parsed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(text: str) -> str:
    """The text between the opening '---' line and the next '---' line."""
    if not text.startswith("---"):
        return ""
    end = text.find("\n---", 3)
    return text[3:end] if end != -1 else ""


def body(text: str) -> str:
    """The text after the line that closes the front matter."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end == -1:
        return ""
    after = text.find("\n", end + 4)
    return text[after + 1:] if after != -1 else ""


def read_and_parse(root: Path, markdown: bool = False) -> int:
    yaml.load((root / "taxonomy.yml").read_text(encoding="utf-8"), Loader=Loader)
    if (root / "evidence.yml").is_file():
        yaml.load((root / "evidence.yml").read_text(encoding="utf-8"), Loader=Loader)
    blocks = MarkdownIt("commonmark").disable("inline") if markdown else None
    count = 0
    for file in sorted((root / "insights").rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        yaml.load(front_matter(text), Loader=Loader)
        if blocks is not None:
            blocks.parse(body(text))
        count += 1
    return count


if __name__ == "__main__":
    args = sys.argv[1:]
    with_markdown = "--markdown" in args
    folder = Path(next(a for a in args if a != "--markdown"))
    print(f"{read_and_parse(folder, with_markdown)} cards parsed")
