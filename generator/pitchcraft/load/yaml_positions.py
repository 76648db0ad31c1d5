"""YAML text to values that remember where they came from: front matter and data files.

PyYAML's composed node tree carries line numbers; the constructed Python values do not. We
compose once and walk the tree once, building each value and recording its position by its
path, so every later finding can name the exact line without a second parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from ..model import Finding, Severity

Path_ = tuple[str | int, ...]

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

MAX_DEPTH = 32
"""Content nests three or four levels; deeper input is a mistake and would exhaust the stack."""
MAX_NODES = 100_000
"""Aliases (`*name`) repeat whole subtrees; a few lines can expand to millions of values."""


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loading, except that a date stays the text the author wrote.

    Dates are read in one place (`coerce.date`), after the schema has checked them like any
    other text: as a `date` object, `2026-02-30` would fail the whole document and lose its
    line, and every step after this one would have to accept two kinds of date.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)

_NOT_YAML = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters the YAML spec does not allow in a document."""


class _TooComplex(ValueError):
    """Input nested or expanded beyond what any content file needs; 0-based mark."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.line, self.col = line, col


@dataclass(frozen=True)
class Positions:
    """1-based (line, column) of each value and each mapping key, by path from the root."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    first_line: int = 1

    def at(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of `path` (its key if asked and known), or of its nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (self.first_line, 1))


@dataclass(frozen=True)
class ParsedYaml:
    data: object
    positions: Positions


def parse_yaml(
    text: str, path: str, first_line: int = 1
) -> tuple[ParsedYaml | None, list[Finding]]:
    """Parse `text`, whose first line is line `first_line` of the file at `path`.

    PyYAML composes the node tree, which carries line numbers; one walk over it then builds
    the values and records where each came from, so later findings name the exact line.
    """
    where = _editor_positions(text, first_line) or _shifted(first_line)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, Positions(first_line=first_line)), []
        walk = _Walk(loader, where, path, first_line)
        data = walk.value(node, ())
        return ParsedYaml(data, walk.positions), walk.findings
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, path, where)]
    except yaml.reader.ReaderError:
        return None, [_bad_character(text, path, first_line)]
    except _TooComplex as exc:
        return None, [Finding(path, *where(exc.line, exc.col),
                              Severity.ERROR, str(exc),
                              "content files need a few levels of fields and no aliases")]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        problem = " ".join(str(exc).split())  # one line, like every other finding
        return None, [
            Finding(path, first_line, 1, Severity.ERROR, f"YAML value error: {problem}",
                    "check that numbers are written plainly")
        ]
    finally:
        loader.dispose()


Where = Callable[[int, int], tuple[int, int]]
"""A YAML mark's 0-based (line, column) -> the file's 1-based (line, column)."""

_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile("\r\n|[\r\n]")


def _shifted(first_line: int) -> Where:
    return lambda line, col: (line + first_line, col + 1)


def _editor_positions(text: str, first_line: int) -> Where | None:
    """None when YAML and editors agree on the lines of `text`, as they almost always do.

    YAML also ends lines at NEL (U+0085) and the Unicode line and paragraph separators, which
    editors and Markdown show inside a line; marks are then translated to editor lines.
    """
    if not _YAML_ONLY_BREAK.search(text):
        return None
    editor_starts = [0, *(m.end() for m in _EDITOR_BREAK.finditer(text))]
    yaml_lines = []
    for start in (0, *(m.end() for m in _YAML_BREAK.finditer(text))):
        line = bisect.bisect_right(editor_starts, start) - 1
        yaml_lines.append((line, start - editor_starts[line]))

    def where(line: int, col: int) -> tuple[int, int]:
        if not 0 <= line < len(yaml_lines):
            return line + first_line, col + 1
        editor_line, shift = yaml_lines[line]
        return editor_line + first_line, col + shift + 1
    return where


def _bad_character(text: str, path: str, first_line: int) -> Finding:
    """Find the character ourselves: the C reader counts bytes where editors count characters."""
    found = _NOT_YAML.search(text)
    index = found.start() if found else 0
    *earlier, current = _EDITOR_BREAK.split(text[:index])
    name = f"U+{ord(found.group()):04X}" if found else "a character"
    return Finding(path, len(earlier) + first_line, len(current) + 1, Severity.ERROR,
                   f"{name} is not allowed in YAML",
                   "delete it: control characters are invisible in most editors")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str, where: Where) -> Finding:
    """Point at the cause inside the parsed text, with a hint for the common slips."""
    mark = exc.problem_mark or exc.context_mark
    lines = text.splitlines()
    if mark is not None and mark.line >= len(lines) and exc.context_mark is not None:
        # Reached the end still inside a '[' or '{': the opener is what needs closing, and
        # the end of front matter is the fence line, which is not YAML at all.
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = exc.problem or exc.context or "invalid YAML"
    at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    if at == "\t":
        hint = "indent with spaces, not tabs"
    elif "']'" in problem or "'}'" in problem:
        hint = "close the list or mapping with its ']' or '}', and quote items that contain ','"
    else:
        hint = ("check the indentation, and quote text that contains ': ' or starts with"
                " a special character such as *, &, [ or {")
    return Finding(path, *where(line - 1, col - 1), Severity.ERROR,
                   f"YAML syntax error: {problem}", hint)


_TEXT = "tag:yaml.org,2002:str"
_SEQUENCE = "tag:yaml.org,2002:seq"
_MAPPING = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_AS_WRITTEN = frozenset({_TEXT, _MERGE, *(f"tag:yaml.org,2002:{kind}" for kind in (
    "int", "float", "bool", "null", "timestamp"))})
"""Keys of these types are named as written; any other tag (`!!binary`) is built by PyYAML,
which rejects the tags safe loading does not know."""


class _Walk:
    """Values, positions and duplicate keys from one pass over a composed node tree.

    Text, lists and mappings are built here; every other scalar (numbers, booleans, null,
    and dates, which stay text) by PyYAML's constructor. So are collections with a tag of
    their own and mappings with merge keys (`<<: *base`), after their positions are taken.
    Mapping keys are the text the author wrote, so `yes:` or `2026:` are reported by name,
    not crashed on.
    """

    def __init__(self, loader: _Loader, where: Where, path: str, first_line: int) -> None:
        self.construct = loader.construct_object
        self.where, self.path = where, path
        self.positions = Positions(first_line=first_line)
        self.findings: list[Finding] = []
        self.count = 0
        """Nodes visited, aliases counted each time they are expanded."""

    def value(self, node: yaml.Node, at: Path_) -> object:
        self.count += 1
        mark = node.start_mark
        if len(at) > MAX_DEPTH or self.count > MAX_NODES:
            too = "deeply nested" if len(at) > MAX_DEPTH else "large once aliases are expanded"
            raise _TooComplex(f"YAML is too {too}", mark.line, mark.column)
        self.positions.values[at] = self.where(mark.line, mark.column)
        kind = type(node)
        if kind is yaml.ScalarNode:
            return node.value if node.tag == _TEXT else self.construct(node)
        if kind is yaml.SequenceNode:
            items = [self.value(item, (*at, index)) for index, item in enumerate(node.value)]
            return items if node.tag == _SEQUENCE else self._by_pyyaml(node)
        return self._mapping(node, at)

    def _mapping(self, node: yaml.MappingNode, at: Path_) -> object:
        result: dict[str, object] = {}
        plain = node.tag == _MAPPING
        keys = self.positions.keys
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key",
                    key_node.start_mark)
            key = key_node.value if key_node.tag in _AS_WRITTEN else str(self.construct(key_node))
            plain = plain and key_node.tag != _MERGE
            mark = key_node.start_mark
            key_at = self.where(mark.line, mark.column)
            if key in result:
                self.findings.append(Finding(
                    self.path, *key_at, Severity.ERROR, f"field '{key}' appears twice",
                    "keep one: YAML silently drops the first",
                ))
            keys[(*at, key)] = key_at
            result[key] = self.value(value_node, (*at, key))
        return result if plain else self._by_pyyaml(node)

    def _by_pyyaml(self, node: yaml.Node) -> object:
        """What PyYAML builds for a tagged collection or a merge, with keys as text."""
        return _string_keys(self.construct(node, deep=True))


def _string_keys(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value
