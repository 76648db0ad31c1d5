"""YAML parsing that remembers where every value came from.

PyYAML's composed node tree carries line numbers; the constructed Python values do not. We
compose once, record each node's position by its path, then construct from the same tree, so
every later finding can name the exact line without a second parse.
"""

from __future__ import annotations

import datetime as dt
import re
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
    """Safe loading, except that an impossible date stays text for the schema to report.

    PyYAML raises on `2026-02-30` while building the whole document, which would lose the
    line; as text it reaches the date format check, which names the field and its line.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

_NOT_YAML = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters the YAML spec does not allow in a document."""


class _TooComplex(ValueError):
    """Input nested or expanded beyond what any content file needs."""

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
    """Parse `text`, whose first line is line `first_line` of the file at `path`."""
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, Positions(first_line=first_line)), []
        positions = Positions(first_line=first_line)
        findings: list[Finding] = []
        _walk(node, (), positions, offset, path, findings, [0])
        data = _string_keys(loader.construct_document(node))
        return ParsedYaml(data, positions), findings
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, path, offset)]
    except yaml.reader.ReaderError:
        return None, [_bad_character(text, path, first_line)]
    except _TooComplex as exc:
        return None, [Finding(path, exc.line + offset, exc.col, Severity.ERROR, str(exc),
                              "content files need a few levels of fields and no aliases")]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        problem = " ".join(str(exc).split())  # one line, like every other finding
        return None, [
            Finding(path, first_line, 1, Severity.ERROR, f"YAML value error: {problem}",
                    "check dates are real (YYYY-MM-DD) and numbers are written plainly")
        ]
    finally:
        loader.dispose()


def _bad_character(text: str, path: str, first_line: int) -> Finding:
    """Find the character ourselves: the C reader counts bytes where editors count characters."""
    found = _NOT_YAML.search(text)
    index = found.start() if found else 0
    line = text.count("\n", 0, index) + first_line
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    name = f"U+{ord(found.group()):04X}" if found else "a character"
    return Finding(path, line, col, Severity.ERROR, f"{name} is not allowed in YAML",
                   "delete it: control characters are invisible in most editors")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str, offset: int) -> Finding:
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
    return Finding(path, line + offset, col, Severity.ERROR, f"YAML syntax error: {problem}",
                   hint)


def _walk(
    node: yaml.Node, at: Path_, positions: Positions, offset: int, path: str,
    findings: list[Finding], count: list[int],
) -> None:
    """Record positions and duplicate keys; `count` tallies nodes, aliases included."""
    count[0] += 1
    if len(at) > MAX_DEPTH or count[0] > MAX_NODES:
        too = "deeply nested" if len(at) > MAX_DEPTH else "large once aliases are expanded"
        raise _TooComplex(f"YAML is too {too}", node.start_mark.line + 1,
                          node.start_mark.column + 1)
    positions.values[at] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            where = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
            if key in seen:
                findings.append(Finding(
                    path, *where, Severity.ERROR, f"field '{key}' appears twice",
                    "keep one: YAML silently drops the first",
                ))
            seen.add(key)
            positions.keys[(*at, key)] = where
            _walk(value_node, (*at, key), positions, offset, path, findings, count)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*at, index), positions, offset, path, findings, count)


def _string_keys(value: object) -> object:
    """Mapping keys as text, so `yes:` or `2026:` keys are reported, not crashed on."""
    if isinstance(value, dict):
        return {_key_text(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value


def _key_text(key: object) -> str:
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)

