"""YAML parsing that remembers where every value came from.

PyYAML's composed node tree carries line numbers; the constructed Python values do not. We
compose once, record each node's position by its path, then construct from the same tree, so
every later finding can name the exact line without a second parse.
"""

from __future__ import annotations

import bisect
import datetime as dt
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


def _fast_resolution(loader: type) -> tuple[dict[str, tuple], tuple]:
    """Tag resolution with PyYAML's rules, looked up once per first character.

    The C parser asks Python for the tag of every node; PyYAML's `resolve` rebuilds the
    candidate list on each call and walks path resolvers nobody registered. Same answers,
    about a third of the composing time saved on a card.
    """
    if loader.yaml_path_resolvers:  # pragma: no cover - we register none
        raise TypeError("path resolvers are not supported")
    table = loader.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, ()))
    by_first = {first: (*rules, *wildcard) for first, rules in table.items() if first}
    plain_empty = (*table.get("", ()), *wildcard)
    scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
    text, seq, mapping = (loader.DEFAULT_SCALAR_TAG, loader.DEFAULT_SEQUENCE_TAG,
                          loader.DEFAULT_MAPPING_TAG)

    def resolve(self: object, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is scalar:
            if implicit[0]:
                for tag, regexp in by_first.get(value[0], wildcard) if value else plain_empty:
                    if regexp.match(value):
                        return tag
            return text
        return seq if kind is sequence else mapping

    def no_paths(self: object, *args: object) -> None:
        """Path resolvers are not used, so there is no path to follow."""

    loader.resolve = resolve
    loader.descend_resolver = no_paths
    loader.ascend_resolver = no_paths
    return by_first, plain_empty


_RESOLVERS = _fast_resolution(_Loader)
"""Implicit tag rules by first character (with the wildcard ones), and those for ''."""

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
    """Parse `text`, whose first line is line `first_line` of the file at `path`."""
    where = _editor_positions(text, first_line)
    if where is None:
        try:
            return _from_events(text, path, first_line)
        except Exception:
            pass  # anything unusual is parsed again, the careful way
    where = where or _shifted(first_line)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, Positions(first_line=first_line)), []
        positions = Positions(first_line=first_line)
        findings: list[Finding] = []
        _walk(node, (), positions, where, path, findings, [0])
        data = _string_keys(loader.construct_document(node))
        return ParsedYaml(data, positions), findings
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
                    "check dates are real (YYYY-MM-DD) and numbers are written plainly")
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


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Unusual(Exception):
    """Input the one-pass builder leaves to the careful path: anchors, aliases, tags,
    merge keys, complex keys, several documents, or anything PyYAML rejects."""


def _from_events(text: str, path: str, first_line: int) -> tuple[ParsedYaml, list[Finding]]:
    """Values, positions and duplicate keys in one pass over the C parser's events.

    Gives what composing a node tree, walking it (`_walk`), constructing it and making its
    keys text (`_string_keys`) give, without building the tree: a card's YAML is parsed at
    about three quarters of the cost of `yaml.load`. Plain scalars get PyYAML's tags from
    the same resolver table, and any value that is not text is built by PyYAML's own
    constructor. Anything out of the ordinary raises, and `parse_yaml` parses the text
    again the careful way, so every finding is the same.
    """
    offset = first_line - 1
    positions = Positions(first_line=first_line)
    values, keys = positions.values, positions.keys
    findings: list[Finding] = []
    loader = _Loader(text)
    get, construct = loader.get_event, loader.construct_object
    resolvers, empty = _RESOLVERS
    scalar_event, sequence_start, sequence_end, mapping_start, mapping_end = (
        yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent,
        yaml.MappingStartEvent, yaml.MappingEndEvent)
    count = 0
    recurse: list[Callable[[yaml.Event, Path_], object]] = []
    """`build` itself, cleared at the end: a closure naming itself would be a reference cycle
    holding the parser, which only the cycle collector frees, and loading pauses that."""

    def build(event: yaml.Event, at: Path_) -> object:
        nonlocal count
        count += 1
        if count > MAX_NODES or len(at) > MAX_DEPTH or event.anchor is not None \
                or event.tag is not None:
            raise _Unusual
        mark = event.start_mark
        values[at] = (mark.line + 1 + offset, mark.column + 1)
        kind = type(event)
        if kind is scalar_event:
            value = event.value
            if event.implicit[0]:  # plain: PyYAML's implicit rules, looked up inline
                for tag, regexp in resolvers.get(value[0], ()) if value else empty:
                    if regexp.match(value):
                        return construct(yaml.ScalarNode(tag, value, mark, event.end_mark,
                                                         event.style))
            return value
        if kind is sequence_start:
            items = []
            item = get()
            while type(item) is not sequence_end:
                items.append(recurse[0](item, (*at, len(items))))
                item = get()
            return items
        if kind is not mapping_start:
            raise _Unusual  # an alias
        result: dict = {}
        seen: set[str] = set()
        plain_keys = True
        key_event = get()
        while type(key_event) is not mapping_end:
            if type(key_event) is not scalar_event or key_event.anchor is not None \
                    or key_event.tag is not None:
                raise _Unusual
            key = key_event.value
            tag = _STR
            if key_event.implicit[0]:
                for rule, regexp in resolvers.get(key[0], ()) if key else empty:
                    if regexp.match(key):
                        tag = rule
                        break
            if tag != _STR:
                if tag == _MERGE:
                    raise _Unusual
                plain_keys = False
                name = construct(yaml.ScalarNode(tag, key, key_event.start_mark,
                                                 key_event.end_mark, key_event.style))
            else:
                name = key
            mark = key_event.start_mark
            where = (mark.line + 1 + offset, mark.column + 1)
            if key in seen:
                findings.append(Finding(
                    path, *where, Severity.ERROR, f"field '{key}' appears twice",
                    "keep one: YAML silently drops the first",
                ))
            seen.add(key)
            keys[(*at, key)] = where
            result[name] = recurse[0](get(), (*at, key))
            key_event = get()
        # As PyYAML then `_string_keys`: keys equal as values (1, 1.0, true) are one key.
        return result if plain_keys else {_key_text(k): v for k, v in result.items()}

    recurse.append(build)
    try:
        get()  # stream start
        start = get()
        if type(start) is yaml.StreamEndEvent:
            return ParsedYaml(None, positions), findings
        if type(start) is not yaml.DocumentStartEvent:
            raise _Unusual
        data = build(get(), ())
        if type(get()) is not yaml.DocumentEndEvent or type(get()) is not yaml.StreamEndEvent:
            raise _Unusual  # a second document: the careful path reports it
        return ParsedYaml(data, positions), findings
    finally:
        loader.dispose()
        recurse.clear()


def _walk(
    node: yaml.Node, at: Path_, positions: Positions, where: Where, path: str,
    findings: list[Finding], count: list[int],
) -> None:
    """Record positions and duplicate keys; `count` tallies nodes, aliases included."""
    count[0] += 1
    if len(at) > MAX_DEPTH or count[0] > MAX_NODES:
        too = "deeply nested" if len(at) > MAX_DEPTH else "large once aliases are expanded"
        raise _TooComplex(f"YAML is too {too}", node.start_mark.line, node.start_mark.column)
    positions.values[at] = where(node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_at = where(key_node.start_mark.line, key_node.start_mark.column)
            if key in seen:
                findings.append(Finding(
                    path, *key_at, Severity.ERROR, f"field '{key}' appears twice",
                    "keep one: YAML silently drops the first",
                ))
            seen.add(key)
            positions.keys[(*at, key)] = key_at
            _walk(value_node, (*at, key), positions, where, path, findings, count)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*at, index), positions, where, path, findings, count)


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

