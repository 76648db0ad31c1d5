"""Card Markdown made readable in a terminal, rendered from a real parse (markdown-it-py).

Authors hard-wrap at their own widths, so paragraphs and list items are re-wrapped; what is
laid out by line (code blocks, tables, quotes, nested lists) keeps its lines and indentation.
Emphasis marks go, the words stay (`max_demand_kw` is a word, not emphasis); links read
'text (url)'. Card text has passed `check`, whose nesting limit bounds the recursion here.
Rep-only notes leave the text a rep reads aloud: they follow it in a marked block.
"""

from __future__ import annotations

import re
import textwrap

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..load.markdown_tree import MAX_NESTING
from ..load.rep_notes import TITLE, split_notes

_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
_CODE_INDENT = "    "


def plain(markdown: str, width: int = 72, indent: int = 0) -> str:
    split = split_notes(markdown)
    root = SyntaxTreeNode(_PARSER.parse(split.buyer))
    pad = " " * indent
    blocks = [_block(node, width, pad, pad) for node in root.children]
    blocks += [_note_block(note.text, width, pad) for note in split.notes]
    return "\n\n".join(blocks)


def _note_block(text: str, width: int, pad: str) -> str:
    """A rep-only note, boxed off below the spoken text so nobody reads it out by mistake."""
    head = f"{pad}+-- {TITLE.upper()}, NOT TO BE READ ALOUD "
    body = [f"{pad}| {line}".rstrip() for line in plain(text, width - len(pad) - 2).split("\n")]
    return "\n".join([head + "-" * max(3, width - len(head)), *body,
                      pad + "+" + "-" * max(3, width - len(pad) - 1)])


def _block(node: SyntaxTreeNode, width: int, first: str, rest: str, soft: str = " ") -> str:
    """`node` laid out with `first` before its first line and `rest` before the others.

    `soft` is what a line break inside a paragraph becomes: a space where text is re-wrapped,
    a line break inside a quote, which keeps the lines its author gave it.
    """
    kind = node.type
    if kind in ("paragraph", "heading"):
        text = _inline(node.children[0], soft) if node.children else ""
        return _fill(text.upper() if kind == "heading" else text, width, first, rest)
    if kind in ("bullet_list", "ordered_list"):
        start = int(node.attrs.get("start", 1)) if kind == "ordered_list" else 1
        items = []
        for number, item in enumerate(node.children, start=start):
            marker = "- " if kind == "bullet_list" else f"{number}. "
            lead = first if number == start else rest
            items.append(_item(item, width, lead + marker, rest + " " * len(marker)))
        return "\n".join(items)
    if kind == "blockquote":
        return f"\n{rest}>\n".join(_block(child, width, first + "> ", rest + "> ", "\n")
                                    for child in node.children)
    if kind in ("fence", "code_block", "html_block"):
        lines = node.content.rstrip("\n").split("\n")
        extra = "" if kind == "html_block" else _CODE_INDENT
        return "\n".join((first if n == 0 else rest) + extra + line
                         for n, line in enumerate(lines))
    if kind == "table":
        rows = [" | ".join(_inline(cell.children[0]) if cell.children else ""
                           for cell in row.children)
                for section in node.children for row in section.children]
        return "\n".join((first if n == 0 else rest) + row for n, row in enumerate(rows))
    if kind == "hr":
        return first + "---"
    return _fill(node.content, width, first, rest)


def _item(item: SyntaxTreeNode, width: int, first: str, rest: str) -> str:
    """A list item: its first block after the marker, later blocks aligned under its text."""
    blocks = [_block(child, width, first if n == 0 else rest, rest)
              for n, child in enumerate(item.children)]
    return "\n".join(blocks) if blocks else first.rstrip()


def _fill(text: str, width: int, first: str, rest: str) -> str:
    """Re-wrap each hard-broken line of `text`; the words are never split."""
    return "\n".join(
        textwrap.fill(line, width, initial_indent=first if n == 0 else rest,
                      subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
        for n, line in enumerate(text.split("\n"))
    )


def _inline(node: SyntaxTreeNode, soft: str = " ") -> str:
    parts: list[str] = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(soft)
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link":
            text, href = _inline(child, soft), str(child.attrs.get("href", ""))
            parts.append(text if text == href or not href else f"{text} ({href})")
        elif kind == "image":
            parts.append(_inline(child, soft) or str(child.attrs.get("alt", "")))
        else:  # emphasis and strong: the words without the marks
            parts.append(_inline(child, soft))
    return "".join(parts)


_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+\S+(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)')
_ATTRIBUTES = re.compile(r"[ \t]*\{[ \t]*:?[ \t]*[#.][^}\n]*\}[ \t]*$")


def text_lines(markdown: str) -> list[str]:
    """Each paragraph, list item and heading as one line of words, with no markup, raw HTML
    or link addresses: the text of a slide or a speaker note, from the same parse as `plain`.
    An admonition keeps its title and its words; code, tables and rules are not slide text."""
    lines: list[str] = []

    def walk(node: SyntaxTreeNode) -> None:
        for child in node.children:
            if child.type in ("paragraph", "heading"):
                text = _words(child.children[0]) if child.children else ""
                admonition = _ADMONITION.match(text)
                if admonition:
                    lines.append(admonition[1] or "")
                    text = text[admonition.end():]
                lines.append(" ".join(_ATTRIBUTES.sub("", text).split()))
            elif child.type in ("bullet_list", "ordered_list", "list_item", "blockquote"):
                walk(child)

    walk(SyntaxTreeNode(_PARSER.parse(markdown)))
    return [line for line in lines if line]


def _words(node: SyntaxTreeNode) -> str:
    parts: list[str] = []
    for child in node.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")  # keeps an admonition's marker line apart; folded later
        elif child.type != "html_inline":  # emphasis, strong, links, images: their words
            parts.append(_words(child))
    return "".join(parts)
