"""Random and mutated cards never crash `check`: every failure is a finding on a file and line.

Hypothesis writes cards from random front matter (YAML-ish text, mappings with right and
wrong types, unknown keys), random bodies (headings, persona variants, fences), random
bytes, and mutations of valid cards (lines deleted, duplicated, swapped, characters
inserted, files cut short). The two validators and the YAML walk are also held to the
libraries they rest on: fastjsonschema's verdict to jsonschema's, `parse_yaml` to PyYAML.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import string
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from builders import BODY, DEMO, FRONT, LEDGER, TAXONOMY, TODAY, card_text
from pitchcraft.cli import main
from pitchcraft.load import html_policy, load_content, schema_check, yaml_positions
from pitchcraft.load.frontmatter import split
from pitchcraft.load.schema import CARD_SCHEMA, LEDGER_SCHEMA, TAXONOMY_SCHEMA

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(SETTINGS, max_examples=60)

DEMO_CARDS = sorted((DEMO / "insights").rglob("*.md"))
FIELDS = sorted(CARD_SCHEMA["properties"])
EVIDENCE_FIELDS = ["ref", "figure", "claim", "source", "as_of", "kind", "url", "audience"]
IDS = ["retail", "logistics", "late-cash", "cfo", "coo", "predictive", "dso-gap", "all", "Retail"]
LINE_BREAKS = re.compile(r"\r\n|\r|\n")


# ---------------------------------------------------------------------------------------
# Folders: one with the test taxonomy, one with the demo taxonomy, each holding one card.


class Folder:
    def __init__(self, root: Path, taxonomy: str, ledger: str) -> None:
        self.root = root
        (root / "insights").mkdir(parents=True)
        (root / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
        (root / "evidence.yml").write_text(ledger, encoding="utf-8")
        self.card = root / "insights" / "card.md"

    def write(self, raw: bytes) -> Path:
        self.card.write_bytes(raw)
        return self.card


@pytest.fixture(scope="module")
def folders() -> Iterator[dict[str, Folder]]:
    root = Path(tempfile.mkdtemp(prefix="pitchcraft-properties-"))
    try:
        yield {
            "test": Folder(root / "test", TAXONOMY, LEDGER),
            "demo": Folder(root / "demo", (DEMO / "taxonomy.yml").read_text(encoding="utf-8"),
                           (DEMO / "evidence.yml").read_text(encoding="utf-8")),
        }
    finally:
        shutil.rmtree(root)


def editor_lines(raw: bytes) -> int:
    """Lines as an editor shows them: an empty file has one, a final newline opens another."""
    return len(LINE_BREAKS.split(raw.decode("utf-8", errors="replace")))


def assert_located(folder: Folder, raw: bytes) -> None:
    """Loading never raises, and every finding names the card, a real line and a message."""
    path = folder.write(raw)
    content = load_content(folder.root, today=TODAY)
    lines = editor_lines(raw)
    for finding in content.findings:
        assert finding.path == path.as_posix(), finding
        assert 1 <= finding.line <= lines, (finding, lines)
        assert finding.col >= 1, finding
        assert finding.message.strip(), finding
        assert isinstance(finding.hint, str)


# ---------------------------------------------------------------------------------------
# Strategies


SPECIAL = ":-[]{}#&*!|>'\"%@`,?~\t\\"
yaml_ish = st.text(alphabet=st.sampled_from(list(string.ascii_letters[:8] + "09 \n" + SPECIAL)),
                   max_size=160)
odd_chars = st.sampled_from(["\x00", "\t", "\ufeff", "\x85", "\u2028", "\u2029", "\x0b", "\x0c",
                             "\r", "\x1c", "\x7f", "\ud7ff", "é", "💡", "\\", "<script>",
                             "{{ x }}", "&a", "*a", "!!python/object", "<<: *a"])
scalars = st.one_of(
    st.text(max_size=20), st.integers(-5, 10**20), st.floats(), st.booleans(), st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(IDS), st.sampled_from(["published", "draft", "public", "internal", "fact"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from([*EVIDENCE_FIELDS, "offering", "risk"]) | st.text(max_size=6),
        inner, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(FIELDS) | st.text(min_size=1, max_size=12)
mappings = st.dictionaries(field_names, values, max_size=14)
VALID = yaml.safe_load(FRONT)


@st.composite
def near_valid(draw: st.DrawFn) -> dict:
    """The valid front matter with a few fields dropped, replaced or added."""
    data = dict(VALID)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["drop", "replace", "add"]))
        if action == "drop" and data:
            data.pop(draw(st.sampled_from(sorted(data))))
        else:
            data[draw(field_names)] = draw(values)
    return data


def dumped(data: object, flow: bool | None) -> str:
    return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, sort_keys=False)


heading = st.one_of(
    st.sampled_from(["## Reframe", "## Rational drowning", "## Cost of doing nothing",
                     "## Emotional impact", "## A new way", "## Our solution",
                     "## Discovery questions", "## Objections", "## Warmer", "## Next step",
                     "## reframe ##", "##", "## ", "###", "### ", "# Title", "## Reframes",
                     "## Unknown section", "### For: cfo", "### For: coo", "### For:",
                     "### For: nobody", "### for:  CFO", "### We already have a team.",
                     "```", "~~~", "````markdown", "   ```", "    ```", "---", "..."]),
    st.builds(lambda h, t: f"{h} {t}", st.sampled_from(["##", "###", "### For:"]),
              st.text(max_size=20)),
)
body_lines = st.lists(heading | st.text(max_size=40) | st.just(""), max_size=30)


@st.composite
def cards(draw: st.DrawFn) -> bytes:
    """A whole card file: front matter of any kind, a body of headings and text."""
    kind = draw(st.sampled_from(["yaml-ish", "mapping", "near-valid", "valid"]))
    if kind == "yaml-ish":
        front = draw(yaml_ish)
    elif kind == "mapping":
        front = dumped(draw(mappings), draw(st.none() | st.booleans()))
    elif kind == "near-valid":
        front = dumped(draw(near_valid()), draw(st.none() | st.booleans()))
    else:
        front = FRONT
    body = draw(st.just(BODY) | body_lines.map("\n".join))
    opening = draw(st.sampled_from(["---\n", "---\r\n", "--- \n", "\ufeff---\n", ""]))
    closing = draw(st.sampled_from(["---\n", "...\n", "---", "", "--\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = f"{opening}{front}\n{closing}\n{body}\n".replace("\n", newline)
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def mutated(draw: st.DrawFn, base: str) -> bytes:
    """A valid card after a few edits a tired author (or a bad merge) could make."""
    lines = base.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate",
                                   "replace", "indent"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "\t", "    "])) + lines[i]
        else:
            text = "".join(lines)
            at = draw(st.integers(0, len(text)))
            if op == "truncate":
                text = text[:at]
            elif op == "insert":
                text = text[:at] + draw(odd_chars | st.text(max_size=4)) + text[at:]
            else:
                text = text[:at] + draw(st.sampled_from(SPECIAL + "\n ")) + text[at + 1:]
            lines = text.splitlines(keepends=True)
    return "".join(lines).encode("utf-8", errors="surrogatepass")


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    """A valid card with bytes that are not UTF-8 (or a byte-order mark) somewhere."""
    raw = card_text().encode()
    at = draw(st.integers(0, len(raw)))
    bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xef\xbb\xbf",
                                b"\x00", b"\xc0\xaf"]))
    return raw[:at] + bad + raw[at:]


# ---------------------------------------------------------------------------------------
# Loading never raises; every finding is located.


@SETTINGS
@given(raw=cards())
@example(raw=b"")
@example(raw=b"---\n---\n")
@example(raw=b"---\ntitle: 2026-09-01\nid: 2026-02-02\ntags: [2026-01-01]\n---\n")
@example(raw=b"---\n\x85title: x\n---\n\x85## Reframe\n")
def test_random_cards_are_findings_not_crashes(folders, raw):
    assert_located(folders["test"], raw)


@SETTINGS
@given(raw=mutated(card_text()))
def test_mutated_cards_are_findings_not_crashes(folders, raw):
    assert_located(folders["test"], raw)


@FEW
@given(data=st.data())
def test_mutated_demo_cards_are_findings_not_crashes(folders, data):
    base = data.draw(st.sampled_from(DEMO_CARDS)).read_text(encoding="utf-8")
    assert_located(folders["demo"], data.draw(mutated(base)))


@FEW
@given(raw=st.binary(max_size=300) | corrupted())
def test_random_bytes_are_findings_not_crashes(folders, raw):
    assert_located(folders["test"], raw)


@FEW
@given(raw=cards() | mutated(card_text()) | corrupted(),
       fmt=st.sampled_from(["text", "github", "json"]))
def test_check_never_prints_a_traceback(folders, raw, fmt):
    folder = folders["test"]
    folder.write(raw)
    result = CliRunner().invoke(main, ["check", str(folder.root), "--format", fmt])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------------------
# The validators and the YAML walk agree with the libraries they rest on.


def _parsed(text: str) -> object:
    parsed, findings = yaml_positions.parse_yaml(text, "file.yml")
    assert parsed is not None and not findings, findings
    return parsed.data


def _front(text: str) -> str:
    parts, _ = split(text, "card.md")
    assert parts is not None
    return parts.front_matter


VALID_DOCUMENTS = [
    (CARD_SCHEMA, _parsed(FRONT)),
    *((CARD_SCHEMA, _parsed(_front(card.read_text(encoding="utf-8")))) for card in DEMO_CARDS),
    (TAXONOMY_SCHEMA, _parsed(TAXONOMY)),
    (TAXONOMY_SCHEMA, _parsed((DEMO / "taxonomy.yml").read_text(encoding="utf-8"))),
    (LEDGER_SCHEMA, _parsed(LEDGER)),
    (LEDGER_SCHEMA, _parsed((DEMO / "evidence.yml").read_text(encoding="utf-8"))),
]
"""Content that passes `check`, as `parse_yaml` hands it to the validators."""

yaml_scalars = st.one_of(
    st.text(max_size=12), st.integers(-5, 10**20), st.floats(allow_nan=False), st.booleans(),
    st.none(), st.sampled_from(IDS), st.sampled_from(["2026-02-30", "2026-9-1", "20261001"]),
    st.dates(min_value=dt.date(1900, 1, 1)).map(dt.date.isoformat),
    st.sampled_from(["published", "draft", "public", "internal", "fact", "https://x.org/a"]),
)
"""Values as YAML gives them: text (dates too), numbers, booleans and null."""
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from([*EVIDENCE_FIELDS, "id", "name", "offering"]) | st.text(max_size=6),
        inner, max_size=3),
    max_leaves=6,
)


def _paths(value: object, at: tuple = ()) -> Iterator[tuple]:
    """Every place in a document: the root, each field and each list item."""
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*at, index))


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict, object]:
    """Valid content, or valid content broken in one place: a value replaced, a field or
    list item dropped, an unknown field added. About half of them stay valid: a third are
    left as they are, and some breaks are harmless."""
    schema, data = draw(st.sampled_from(VALID_DOCUMENTS))
    data = copy.deepcopy(data)
    if draw(st.integers(0, 2)) == 0:
        at = draw(st.sampled_from(list(_paths(data))[1:]))
        parent = data
        for part in at[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if action == "replace":
            parent[at[-1]] = draw(yaml_values)
        elif action == "drop":
            del parent[at[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(yaml_values)
    return schema, data


def _ends_a_line(value: object) -> bool:
    return any(isinstance(v, str) and v.endswith("\n") for _, v in _parts(value))


def _parts(value: object) -> Iterator[tuple[str, object]]:
    """Every mapping key ("key", k) and every other value ("value", v) of a document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield "key", key
            yield from _parts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _parts(item)
    else:
        yield "value", value


def test_fastjsonschema_and_jsonschema_give_the_same_verdict():
    """What `check` reports rests on both: fastjsonschema says whether a file is valid,
    jsonschema words the findings. A file one accepts and the other rejects would pass with
    findings missing, or fail with none. Most examples are valid or broken in one place, so
    both verdicts are exercised, and counted."""
    verdicts: list[bool] = []

    @SETTINGS
    @given(document=documents())
    def agree(document: tuple[dict, object]) -> None:
        schema, data = document
        # The one known difference: JSON Schema's `$` ends the text, Python's `re` (which
        # jsonschema uses) also matches before a final line break. fastjsonschema is right.
        assume(not _ends_a_line(data))
        valid = schema_check._is_valid(schema)(data)
        errors = list(schema_check._validator(schema).iter_errors(data))
        assert valid == (errors == []), [e.message for e in errors]
        verdicts.append(valid)

    agree()
    assert verdicts.count(True) >= len(verdicts) / 4, verdicts.count(True)
    assert verdicts.count(False) >= len(verdicts) / 4, verdicts.count(False)


@SETTINGS
@given(text=yaml_ish | mappings.map(lambda d: dumped(d, None)) | near_valid().map(
    lambda d: dumped(d, False)) | st.just(FRONT) | st.just("a: &x [1]\nb: *x\n<<: {c: 1}\n"))
def test_yaml_walk_builds_what_pyyaml_builds_and_places_every_value(text):
    """Values as PyYAML's own loader builds them (dates kept as text), or a finding where
    PyYAML fails; every value has a position on a line of the text."""
    parsed, findings = yaml_positions.parse_yaml(text, "card.md", 2)
    try:
        expected = yaml.load(text, Loader=yaml_positions._Loader)
    except yaml.YAMLError:
        assert parsed is None and len(findings) == 1
        return
    if parsed is None:  # deeper or larger than content needs: a finding, not values
        assert [f.message for f in findings] == ["YAML is too deeply nested"]
        return
    if all(isinstance(k, str) for kind, k in _parts(expected) if kind == "key"):
        assert repr(parsed.data) == repr(expected)
    if not parsed.positions.values:  # no document at all, only comments or nothing
        assert parsed.data is None
        return
    lines = len(LINE_BREAKS.split(text))
    for path in _paths(parsed.data):
        line, col = parsed.positions.at(path)
        # A field merged in with `<<: *base` is placed at the mapping it was merged into.
        assert path in parsed.positions.values or "<<" in text, path
        assert 2 <= line <= lines + 1 and col >= 1, (path, line, col)


@SETTINGS
@given(text=st.lists(st.text(max_size=30) | st.sampled_from(
    ["<script>", "`<script>`", "``<b onclick=x>``", "](javascript:x)", "HREF = 'data:x'",
     "```", "~~~", "<br>", "< iframe", "`a` <img src=x onerror=y>"]), max_size=12).map(
    "\n".join))
def test_unsafe_html_prefilter_changes_nothing(text):
    found = html_policy.unsafe_html(text, "card.md")
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(html_policy, "_may_match", lambda line: True)
        assert html_policy.unsafe_html(text, "card.md") == found
