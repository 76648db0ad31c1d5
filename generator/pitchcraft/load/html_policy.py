"""Raw HTML in cards: Markdown passes it through, so anything that can run code is refused.

Cards are written by many people and read on every rep's browser; a script, an inline event
handler or a `javascript:` link would run with the site's origin. Harmless HTML such as
`<br>` or `<sup>` stays allowed. The scan reads the body from the one Markdown parse the
section reader uses (`markdown_tree`), so code blocks and code spans, shown as text, are not
scanned, while links of every form (inline, reference, autolink) and attribute lists are.
Tags are read as a browser reads them (`html_scan`), including in text Markdown would not call
HTML, because the site's renderer is more lenient than CommonMark.

The same rules apply to every text field of cards, the taxonomy and the ledger
(`unsafe_fields`): those are also escaped wherever they are printed (see site/pages.py), and
this check tells the author early, with the field's line.

Names the site's scripts look up are refused too, so card text cannot replace them (DOM
clobbering): Material's elements are all `__...`, and Pitchcraft's pages use `finder`,
`pc-...` and `for-...` (persona tab anchors), and `data-md-`, `data-pc-` and `data-pagefind`
attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from ..model import Finding, Severity
from .characters import field_findings
from .html_scan import Attribute, attribute_list, scheme, tags
from .markdown_tree import Tree, inline_children, parse_markdown
from .yaml_positions import Positions

_TAGS = frozenset({"script", "iframe", "object", "embed", "style", "frame", "frameset",
                   "base", "meta", "link"})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                             "poster", "background", "cite"})
_SCHEMES = frozenset({"javascript", "vbscript", "data"})
_SCRIPT_DATA = ("data-md-", "data-pc-", "data-pagefind")
HINT = ("cards are text: remove it; Pitchcraft refuses scripts, event handlers and"
        " javascript: links so a card can never run code in a rep's browser")
CLOBBER_HINT = ("the site's scripts read elements by this name, and card text must not"
                " replace them: rename it (ids starting with '_', 'finder', 'pc-' and 'for-'"
                " are taken)")


_MARKDOWN_MADE = re.compile(r"__(tabbed|codelineno|code|fn|fnref)[_\-]")
"""Ids pymdownx itself gives content tabs and code lines; their labels and links use them."""


def theme_reserved(name: str) -> bool:
    """Names the theme (Material) reads: all start with '_' (`__config`, `__search`)."""
    return name.startswith("_") and not _MARKDOWN_MADE.match(name)


def clobbers(name: str) -> bool:
    return theme_reserved(name) or name == "finder" or name.startswith(("pc-", "for-"))


@dataclass(frozen=True)
class Problem:
    needle: str
    """Text to look for in the source to place the finding; the column is its first match."""
    message: str
    """What was found, without where: the caller adds 'in a card' or the field's name."""
    hint: str = HINT
    url: str = ""
    """For a Markdown link, its target: one resolved through a reference definition is
    reported once, at the definition."""


def _may_match(text: str) -> bool:
    """Whether `text` can hold anything the rules look for: raw HTML and autolinks need '<',
    links and reference definitions '[', attribute lists '{'. Most fields have none."""
    return "<" in text or "[" in text or "{" in text


def unsafe_html(text: str, path: str, first_line: int = 1,
                tree: Tree | None = None) -> list[Finding]:
    """Findings for the Markdown `text` whose first line is `first_line` of `path`."""
    if tree is None and not _may_match(text):
        return []
    tree = tree or parse_markdown(text)
    defined = {ref.href for ref in tree.references}
    findings: list[Finding] = []
    for token in tree.tokens:
        if token.type == "html_block":
            problems = list(_in_html(token.content))
        elif token.type == "inline" and token.map:
            problems = list(_in_inline(inline_children(token, tree)))
        else:
            continue
        for problem in problems:
            if problem.url and problem.url in defined:
                continue
            line, col = _locate(tree.lines, token.map, problem.needle)
            findings.append(Finding(path, first_line + line, col, Severity.ERROR,
                                    f"{problem.message} in a card", problem.hint))
    for ref in tree.references:
        if (bad := scheme(ref.href)) in _SCHEMES:
            line, col = _locate(tree.lines, [ref.line, ref.line + 1], bad)
            findings.append(Finding(path, first_line + line, col, Severity.ERROR,
                                    f"'{bad}:' link in a card", HINT))
    return findings


def unsafe_value(value: str) -> list[Problem]:
    """Problems in one text field; fields are printed as Markdown on pages, so the same rules."""
    if not _may_match(value):
        return []
    tree = parse_markdown(value)
    problems = []
    for token in tree.tokens:
        if token.type == "html_block":
            problems += _in_html(token.content)
        elif token.type == "inline":
            problems += _in_inline(inline_children(token, tree))
        elif token.type in ("fence", "code_block"):  # a field is never a code block
            problems += _in_html(token.content)
    problems += [Problem(s, f"'{s}:' link") for ref in tree.references
                 if (s := scheme(ref.href)) in _SCHEMES]
    return problems


def unsafe_fields(data: object, positions: Positions, path: str) -> list[Finding]:
    """The policy on every text value of a YAML file, each finding on its value's line."""
    findings = field_findings(data, positions, path)
    texts: list[tuple[tuple, str]] = []
    _strings(data, (), texts)
    for at, value in texts:
        for problem in unsafe_value(value):
            line, col = positions.at(at)
            field = ".".join(str(k) for k in at)
            findings.append(Finding(path, line, col, Severity.ERROR,
                                    f"{problem.message} in '{field}'", problem.hint))
    return findings


def _strings(node: object, at: tuple, found: list[tuple[tuple, str]]) -> None:
    """Each text in `node` that may hold what the rules look for, with its path (a key is
    reported at its mapping); one list, not nested generators: front matter is mostly text."""
    if isinstance(node, str):
        if _may_match(node):
            found.append((at, node))
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and _may_match(key):
                found.append((at, key))
            _strings(value, (*at, key), found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _strings(value, (*at, index), found)


def _in_inline(children: list[Token]) -> Iterator[Problem]:
    """Links by their resolved target; raw HTML and attribute lists in the text around them."""
    text: list[str] = []
    for child in children:
        if child.type in ("link_open", "image"):
            target = str(child.attrs.get("href") or child.attrs.get("src") or "")
            if (bad := scheme(target)) in _SCHEMES:
                yield Problem(bad, f"'{bad}:' link", url=target)
        if child.type in ("text", "html_inline"):
            text.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            text.append("\n")
        else:  # code spans, escaped and entity characters: shown as text
            text.append(" ")
    joined = "".join(text)
    yield from _in_html(joined)
    yield from _in_attribute_lists(joined)


def _in_html(text: str) -> Iterator[Problem]:
    if "<" not in text:
        return
    for tag in tags(text):
        if tag.name in _TAGS:
            yield Problem(f"<{tag.name}", f"raw <{tag.name}>")
        yield from _attribute_problems(tag.attributes)


def _in_attribute_lists(text: str) -> Iterator[Problem]:
    """`{: onclick="..." #__config }`: Markdown's attribute lists put these on elements."""
    i = text.find("{")
    while i >= 0:
        attributes, end = attribute_list(text, i + 1, stop="}")
        yield from _attribute_problems(
            [Attribute("id", a.name[1:], a.offset) if a.name.startswith("#") else a
             for a in attributes])
        i = text.find("{", max(end, i + 1))


def _attribute_problems(attributes: Iterable[Attribute]) -> Iterator[Problem]:
    for attribute in attributes:
        name = attribute.name.lstrip(":")
        if name.startswith("on") and len(name) > 2:
            yield Problem(name, f"inline event handler '{name}='")
        elif name in _URL_ATTRIBUTES and (bad := scheme(attribute.value)) in _SCHEMES:
            yield Problem(bad, f"'{bad}:' link")
        elif name in ("id", "name") and clobbers(attribute.value.strip()):
            yield Problem(attribute.value.strip() or name,
                          f"{name} '{attribute.value.strip()}' would replace a name the"
                          " site's scripts read", CLOBBER_HINT)
        elif name.startswith(_SCRIPT_DATA):
            yield Problem(name, f"attribute '{name}' is read by the site's scripts",
                          CLOBBER_HINT)


def _locate(lines: list[str], span: list[int] | None, needle: str) -> tuple[int, int]:
    """0-based line and 1-based column of `needle` in the block's source lines."""
    start, end = (span or [0, 1])[:2]
    needle = needle.lower()
    for number in range(start, min(end, len(lines))):
        col = lines[number].lower().find(needle)
        if col >= 0:
            return number, col + 1
    return start, 1
