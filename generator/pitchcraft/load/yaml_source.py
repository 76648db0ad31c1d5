"""YAML parsing that remembers where every value came from.

PyYAML's composed node tree carries line numbers; the constructed Python values do not. We
compose once, record each node's position by its path, then construct from the same tree, so
every later finding can name the exact line without a second parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml

from ..model import Finding, Severity

Path_ = tuple[str | int, ...]

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


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
        _walk(node, (), positions, offset, path, findings)
        data = _string_keys(loader.construct_document(node))
        return ParsedYaml(data, positions), findings
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else first_line
        col = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [
            Finding(
                path, line, col, Severity.ERROR, f"YAML syntax error: {problem}",
                "check the indentation, and quote text that contains ': ' or starts with"
                " a special character such as *, &, [ or {",
            )
        ]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        return None, [
            Finding(path, first_line, 1, Severity.ERROR, f"YAML value error: {exc}",
                    "check dates are real (YYYY-MM-DD) and numbers are written plainly")
        ]
    finally:
        loader.dispose()


def _walk(
    node: yaml.Node, at: Path_, positions: Positions, offset: int, path: str,
    findings: list[Finding],
) -> None:
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
            _walk(value_node, (*at, key), positions, offset, path, findings)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*at, index), positions, offset, path, findings)


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

