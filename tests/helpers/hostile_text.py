"""Hostile text for the escaping stories: a card title written as raw YAML, a file name that
tries to forge a workflow command, and a pull-request comment read as GitHub reads it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from builders import FRONT
from findings import edit

TITLE = "title: Late payers are a forecasting problem"


def titled(raw_yaml_value: str) -> str:
    """The front matter with a title written as `raw_yaml_value` (quoted, with its escapes)."""
    return edit(FRONT, TITLE, f"title: {raw_yaml_value}")


GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""The comment read as GitHub reads it, in everything that makes its structure."""


FORGED_NAME = "x\n```\n# Fake heading\n::error file=README.md,line=1::forged.md"


def structure(md: str) -> dict[str, list]:
    """What GitHub would make of the comment: headings, raw HTML, images, live mentions,
    code blocks and whether the last one is left open."""
    tokens = GFM.parse(md)
    lines = md.split("\n")
    found: dict[str, list] = {"headings": [], "html": [], "images": [], "mentions": [],
                              "fences": [], "open_fence": []}
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found["headings"].append(tokens[index + 1].content)
        elif token.type == "html_block":
            found["html"].append(token.content)
        elif token.type == "fence":
            found["fences"].append(token.content)
            last = lines[token.map[1] - 1].strip() if token.map[1] <= len(lines) else ""
            if not (token.map[1] - token.map[0] >= 2 and last.startswith(token.markup)
                    and set(last) == {token.markup[0]}):
                found["open_fence"].append(token.content)
        for child in token.children or ():
            if child.type == "image" or (child.type == "html_inline"
                                         and child.content.lower().startswith("<img")):
                found["images"].append(child.content or child.attrs.get("src"))
            elif child.type == "html_inline":
                found["html"].append(child.content)
            elif child.type == "text" and (live := LINKED.findall(child.content)):
                found["mentions"] += live
    return found


LINKED = re.compile(r"(?<!\w)@[A-Za-z0-9][\w/-]*|#\d+")
"""A mention GitHub would link (@ after no letter, then a name, no joiner in between) or an
issue it would link and note the link on."""
