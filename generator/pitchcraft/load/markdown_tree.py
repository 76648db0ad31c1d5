"""One parse of a card's Markdown body, shared by the section reader and the unsafe-HTML scan.

markdown-it-py (a CommonMark parser) gives block tokens with their source lines (`.map`), so
fence lengths, indented code, HTML blocks and reference definitions are read the way a
Markdown renderer reads them, not by a second, hand-made scanner that can disagree with it.

Work is bounded on any input: nesting stops at `MAX_NESTING` token levels (the parser does not
recurse further) and the deepest point is reported, because the site's renderer recurses per
level and would crash on what this parser merely stops at. Blocks nested by indentation alone
(admonitions, content tabs, collapsible blocks, footnotes) are no tokens to CommonMark, so the
indentation of each line is bounded too (`MAX_INDENT_LEVELS`). Inline content is parsed only for
blocks that can hold a link, raw HTML or an attribute list, which most paragraphs cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Finding, Severity
from .frontmatter import lines_of

MAX_NESTING = 40
"""Token levels: a list is two (list, item), so about 20 nested lists or 40 nested quotes."""
MAX_INDENT_LEVELS = MAX_NESTING // 2
"""Levels of indentation (four columns each) and quote markers before a line's text: 20
admonitions in one another, each four columns in. Python-Markdown recurses per level and
stops with a RecursionError some hundred levels down."""
MAX_LINE = 20_000
"""Characters on one line; longer lines are pasted data, not card text."""

_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).disable(["inline", "lheading"])
# Setext headings (a line underlined with `===` or `---`) are not sections: authors write `##`.
# Left off, their text is a paragraph with the same lines and the `---` a thematic break, as
# Python-Markdown, the site's renderer, reads a rep note above such a line; and the parse is
# about a fifth faster, since no paragraph is scanned twice for an underline.
# Every link must become a token so the scan can judge it; the parser's own filter would
# otherwise leave `javascript:` links as text that the site's renderer still turns into links.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
_INLINE_MARKS = ("<", "[", "{", "&", "\\")
"""An inline text without any of these has no link, raw HTML, attribute list or entity."""


@dataclass(frozen=True)
class Reference:
    href: str
    line: int
    """0-based line of the definition in the parsed text."""


@dataclass(frozen=True)
class Tree:
    tokens: list[Token]
    lines: list[str]
    references: tuple[Reference, ...]
    too_deep: int | None
    """0-based line where nesting reached `MAX_NESTING`, or None."""
    env: dict
    """The parser's environment: reference definitions that inline links resolve against."""


def parse_markdown(text: str) -> Tree:
    env: dict = {}
    tokens = _PARSER.parse(text, env)
    refs = [*env.get("references", {}).values(), *env.get("duplicate_refs", [])]
    lines = lines_of(text)
    return Tree(
        tokens=tokens,
        lines=lines,
        references=tuple(Reference(r["href"], (r.get("map") or [0])[0]) for r in refs),
        too_deep=_too_deep(tokens, lines),
        env=env,
    )


def _too_deep(tokens: list[Token], lines: list[str]) -> int | None:
    """The first line nested deeper than `MAX_NESTING` tokens or `MAX_INDENT_LEVELS` levels of
    indentation; lines of a fenced code block are its text, however indented."""
    deepest, fenced = None, set()
    line = 0
    for token in tokens:
        if token.map:
            line = token.map[0]
            if token.type == "fence":
                fenced.update(range(token.map[0] + 1, token.map[1]))
        if token.level >= MAX_NESTING - 1 and deepest is None:
            deepest = line
    for number, text in enumerate(lines[:deepest]):
        if number not in fenced and _levels(text) > MAX_INDENT_LEVELS:
            return number
    return deepest


def _levels(line: str) -> int:
    """Quote markers and four-column steps of indentation before the line's text."""
    levels, columns = 0, 0
    for char in line:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        elif char == ">":
            levels, columns = levels + 1 + columns // 4, 0
        else:
            break
    return levels + columns // 4


def inline_children(token: Token, tree: Tree) -> list[Token]:
    """The inline tokens of a block's text, parsed on demand (see the module docstring)."""
    if not token.meta.get("parsed"):
        token.meta["parsed"] = True
        token.children = []
        if any(mark in token.content for mark in _INLINE_MARKS):
            _PARSER.inline.parse(token.content, _PARSER, tree.env, token.children)
    return token.children


def top_headings(tree: Tree) -> dict[int, tuple[int, str]]:
    """0-based line -> (level, title) of each `##`/`###` ATX heading outside any container.

    Setext headings (a line underlined with `---`) are not sections: the parser leaves them out.
    """
    found: dict[int, tuple[int, str]] = {}
    tokens = tree.tokens
    for index, token in enumerate(tokens):
        if (token.type == "heading_open" and token.level == 0 and token.map
                and token.markup in ("##", "###")):
            title = tokens[index + 1].content.strip()
            if title:
                found[token.map[0]] = (len(token.markup), title)
    return found


def limit_findings(tree: Tree, path: str, first_line: int) -> list[Finding]:
    """Input the site's renderer cannot finish in bounded time or stack: refused with a line."""
    findings = [
        Finding(path, first_line + number, MAX_LINE + 1, Severity.ERROR,
                f"line is {len(line):,} characters long (at most {MAX_LINE:,})",
                "break it into shorter lines; a card is text, not pasted data")
        for number, line in enumerate(tree.lines) if len(line) > MAX_LINE
    ]
    if tree.too_deep is not None:
        findings.append(Finding(
            path, first_line + tree.too_deep, 1, Severity.ERROR,
            f"Markdown nested too deep (more than {MAX_INDENT_LEVELS} levels of lists, quotes,"
            " admonitions or tabs)", "flatten it: a pitch is read aloud, not navigated"))
    return findings
