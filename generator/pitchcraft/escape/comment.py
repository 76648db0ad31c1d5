"""Text for a pull-request comment, in each place GitHub's Markdown puts it.

The comment (`pitchcraft diff --format md`) quotes what a pull request wrote: file names,
card titles and card text. Each value is escaped for where it lands, so it shows as written
and cannot close the fence, fold or table around it, mention a person or team, or load an
image from someone else's server when a reviewer opens the pull request. Control characters
and non-characters become U+FFFD (`xml_text`), as in feeds and decks.

- `inline`: one line of Markdown (a list entry, a heading, a table cell);
- `code_span`: one line shown verbatim, in backticks (an id, a file name);
- `html_text`: text inside the template's own HTML (`<summary>`, `<code>`);
- `block`: a card's Markdown, shown rendered, between the template's HTML;
- `code_block`: lines shown verbatim, in a fence longer than any backtick run in them.

The comment template is rendered with `finalize`: a value the template prints without one of
these filters goes through `inline`, so a template a company overrides cannot forget. Each
filter returns `Safe`, which `finalize` passes on as it is.

`fit` cuts a comment that is too long at a whole entry, closes what is open and says how much
it left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from markdown_it import MarkdownIt

from .xml_text import xml_text

_PARSER = MarkdownIt("commonmark").enable("table")
"""Parses as GitHub does in the ways that matter here: fences, HTML blocks, lists, tables."""

_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
"""`@user` and `@org/team`: every @ before a name, whatever comes before it. GitHub links an
@ after no letter, and Markdown can put one there that the source does not show (`_@x_` is
emphasis around `@x`), so an e-mail address's @ is neutralised too: it reads the same."""
_AT_REFERENCE = re.compile(r"&(?:#0*64|#[xX]0*40|commat);")
"""`&#64;` and its kin: Markdown turns them into an @ that GitHub would then link."""
_ISSUE = re.compile(r"#(?=\d)")
"""`#12` and `org/repo#12`: a link that also puts a note on that issue's timeline."""
_JOINER = "\u200d"
"""After the @ or #, a zero-width joiner: the text reads the same and notifies no one."""
_INLINE = re.compile(r"[\\`\[\]|<]")
_BACKTICKS = re.compile(r"`+")


class Safe(str):
    """Text already escaped for where the template puts it."""


def mentions(text: str) -> str:
    """`@name`, `@org/team` and `#12` that show as written and notify no one."""
    text = _MENTION.sub("@" + _JOINER, _AT_REFERENCE.sub("@", text))
    return _ISSUE.sub("#" + _JOINER, text)


def _one_line(text: object) -> str:
    return " ".join(xml_text(str(text)).split())


def inline(text: object) -> Safe:
    """One line of Markdown that shows `text` as written: no line break, link, image, code
    span, raw HTML or table cell border comes from it."""
    escaped = _INLINE.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(),
                          _one_line(text))
    return Safe(mentions(escaped))


def code_span(text: object) -> Safe:
    """`text` as inline code, between backtick runs longer than any inside it. GitHub shows
    code as written: no HTML, image or mention comes from it."""
    shown = _one_line(text)
    longest = max((len(run) for run in _BACKTICKS.findall(shown)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if longest or shown.startswith(" ") or shown.endswith(" ") else ""
    return Safe(f"{ticks}{pad}{shown}{pad}{ticks}")


def html_text(text: object) -> Safe:
    """One line of text inside the template's HTML."""
    return Safe(mentions(html.escape(_one_line(text), quote=True)))


def code_block(lines: Iterable[object], info: str = "") -> Safe:
    """`lines` in a fenced block that nothing in them can close: each is one line, and the
    fence is longer than the longest run of backticks among them. No trailing line break."""
    shown = [_one_line_keep_spaces(line) for line in lines]
    longest = max((len(run) for line in shown for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return Safe("\n".join([f"{fence}{info}", *shown, fence]))


def _one_line_keep_spaces(text: object) -> str:
    return xml_text(str(text)).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def block(text: object) -> Safe:
    """A card's Markdown shown rendered, that stays inside the HTML around it.

    Raw HTML shows as text (so `</details>`, `</table>` and `<img>` close and load nothing),
    images become the text they were written as, headings become plain lines, mentions
    notify no one and a fence left open is closed. Code shows as written: GitHub neither
    links mentions nor loads images there. (`<` inside an inline code span shows as `&lt;`:
    the price of escaping without a position map of every span.)

    Escaping changes the structure (`<pre>` written out no longer hides the fence marks
    inside it), so the text is parsed again until every line outside code is escaped.
    """
    lines = xml_text(str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped: set[int] = set()
    while True:
        shown = [_text_line(line) if n in escaped else line for n, line in enumerate(lines)]
        tokens = _PARSER.parse("\n".join(shown))
        code = _code_lines(tokens)
        outside = set(range(len(lines))) - code
        if outside <= escaped:
            break
        escaped |= outside
    for token in tokens:  # `# Approved` or a setext underline: a line, not a heading
        if token.type == "heading_open" and token.map is not None:
            at = token.map[0] if token.markup.startswith("#") else token.map[1] - 1
            stripped = shown[at].lstrip(" ")
            shown[at] = shown[at][: len(shown[at]) - len(stripped)] + "\\" + stripped
    close = [t.markup for t in tokens
             if t.type == "fence" and t.level == 0 and not _closed(shown, t)]
    return Safe("\n".join([*shown, *close[-1:]]))


def _code_lines(tokens: list) -> set[int]:
    return {n for t in tokens if t.type in ("fence", "code_block") and t.map is not None
            for n in range(*t.map)}


def _closed(lines: list[str], fence: object) -> bool:
    start, end = fence.map  # type: ignore[attr-defined]
    markup: str = fence.markup  # type: ignore[attr-defined]
    last = lines[end - 1] if end - 1 < len(lines) else ""
    return end - start >= 2 and re.fullmatch(
        rf" {{0,3}}{re.escape(markup[0])}{{{len(markup)},}}[ \t]*", last) is not None


def _text_line(line: str) -> str:
    return mentions(line.replace("<", "&lt;").replace("![", "!\\["))


def finalize(value: object) -> object:
    """Jinja's `finalize` for the comment: what no filter escaped is escaped as one line."""
    return value if isinstance(value, Safe) else inline("" if value is None else value)


# --- cutting a comment that is too long ----------------------------------------------------


def fit(text: str, limit: int, note: str) -> str:
    """`text` if it fits in `limit` characters; else its first whole entries with every fence
    and fold closed, then `note`, formatted with `left` (how many entries were left out) and
    `entries` ("entry" or "entries").

    An entry is a top-level block, an item of a top-level list or a line of a fenced block,
    so hundreds of findings or cards are cut between two of them; a `<table>` and what is
    in it are never cut.
    """
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    tokens = _PARSER.parse(text)
    starts = _entry_starts(tokens)
    folds, tables = _html_deltas(tokens, "details"), _html_deltas(tokens, "table")
    room = limit - len(note) - 200
    sizes = [0]
    for line in lines:
        sizes.append(sizes[-1] + len(line) + 1)
    open_table = {line: depth > 0 for line, depth in _running(tables, starts).items()}
    first = min((line for line in starts if line > 0), default=len(lines))
    cut = max((line for line in starts  # the first entry (the marker) stays, always
               if sizes[line] <= room and not open_table[line]), default=first)
    cut = max(cut, first)
    left = sum(1 for line in starts
               if line >= cut and not open_table[line] and _counts(lines[line]))
    closing = [starts.get(cut, "")] if starts.get(cut) else []
    closing += ["", "</details>"] * _running(folds, [cut])[cut]
    said = note.format(left=left, entries="entry" if left == 1 else "entries")
    return "\n".join([*lines[:cut], *closing, "", said, ""])


def _entry_starts(tokens: list) -> dict[int, str]:
    """First line of each entry, with the fence that is open there ("" outside a fence)."""
    starts: dict[int, str] = {}
    for token in tokens:
        if token.map is None:
            continue
        if token.level == 0 and token.nesting >= 0:
            starts.setdefault(token.map[0], "")
            if token.type == "fence":  # its opening line goes with its first line
                starts.update({n: token.markup for n in range(token.map[0] + 2, token.map[1])})
        elif token.level == 1 and token.type == "list_item_open":
            starts.setdefault(token.map[0], "")
    return starts


def _html_deltas(tokens: list, tag: str) -> dict[int, int]:
    """Where the template's HTML opens (+1) and closes (-1) `tag`. Only raw HTML blocks
    count: card text cannot make one (its `<` are escaped), and a fence shows its text."""
    deltas: dict[int, int] = {}
    for token in tokens:
        if token.type == "html_block" and token.map is not None:
            change = token.content.count(f"<{tag}") - token.content.count(f"</{tag}>")
            deltas[token.map[0]] = deltas.get(token.map[0], 0) + change
    return deltas


def _running(deltas: dict[int, int], lines: Iterable[int]) -> dict[int, int]:
    """For each of `lines`, the sum of the changes on the lines before it."""
    changes = sorted(deltas.items())
    depth, index, found = 0, 0, {}
    for line in sorted(lines):
        while index < len(changes) and changes[index][0] < line:
            depth += changes[index][1]
            index += 1
        found[line] = depth
    return found


def _counts(line: str) -> bool:
    """Whether an entry starting with `line` is one a reader would miss."""
    shown = line.strip()
    return bool(shown) and not _BACKTICKS.fullmatch(shown) and shown != "</details>"
