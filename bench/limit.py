"""The floor for `pitchcraft check`: read the same files and parse their YAML, nothing else.

No validation, no positions, no Markdown sections: any checker must at least do this much.
It uses the fastest loader PyYAML offers (the C one), so the ratio against it is honest.

Usage: `python bench/limit.py CONTENT_DIR`; prints how many cards it parsed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(text: str) -> str:
    """The text between the opening '---' line and the next '---' line."""
    if not text.startswith("---"):
        return ""
    end = text.find("\n---", 3)
    return text[3:end] if end != -1 else ""


def read_and_parse(root: Path) -> int:
    yaml.load((root / "taxonomy.yml").read_text(encoding="utf-8"), Loader=Loader)
    if (root / "evidence.yml").is_file():
        yaml.load((root / "evidence.yml").read_text(encoding="utf-8"), Loader=Loader)
    count = 0
    for file in sorted((root / "insights").rglob("*.md")):
        yaml.load(front_matter(file.read_text(encoding="utf-8")), Loader=Loader)
        count += 1
    return count


if __name__ == "__main__":
    print(f"{read_and_parse(Path(sys.argv[1]))} cards parsed")
