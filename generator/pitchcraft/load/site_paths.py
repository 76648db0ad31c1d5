"""Pages the site makes from content ids: names that cannot be a page, and two ids that would
make the same page, where one would silently replace the other.

Taxonomy items become `<kind>/<id>.md`, cards `cards/<id>.md` and pitches
`pitches/<industry>--<problem>.md` (site/pages.py); these checks mirror those paths.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..model import Card, Finding, Item, Severity, Taxonomy
from .schema import ID_PATTERN

_ID = re.compile(ID_PATTERN)
RESERVED_IDS = frozenset({"index"})
"""`industries/index.md` and friends are the listing pages in the nav."""
PITCH_JOIN = "--"


def shown_path(path: Path) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 show as '\ufffd'."""
    return os.fsencode(path.as_posix()).decode("utf-8", errors="replace")


def file_name_findings(file: Path, shown: str) -> list[Finding]:
    """A file name that is not UTF-8 cannot be named in a link, a log line or an error."""
    try:
        file.name.encode("utf-8")
    except UnicodeEncodeError:
        return [Finding(shown, 1, 1, Severity.ERROR, "file name is not UTF-8 text",
                        "rename the file with letters, digits and hyphens, e.g. late-payers.md")]
    return []


def link_finding(shown: str) -> Finding:
    """A content file that is a symbolic link: never read, whatever it points at. A link is
    how a card, the ledger or the taxonomy would publish a file from outside the content
    folder (a key, a private ledger, another team's notes)."""
    return Finding(
        shown, 1, 1, Severity.ERROR,
        "cannot read this file: it is a symbolic link, and Pitchcraft never reads content"
        " through a link",
        "put the file itself here, inside the content folder, in place of the link; or rename"
        " or delete the link",
    )


def folder_link_finding(shown: str) -> Finding:
    """A folder of cards that is a symbolic link: nothing under it is read."""
    return Finding(
        shown, 1, 1, Severity.ERROR,
        "this folder is a symbolic link, and Pitchcraft never reads cards through a link:"
        " none of its cards is read",
        "move the folder itself here, inside the content folder, in place of the link; or"
        " delete the link",
    )


def card_id_findings(card: Card, from_file_name: bool) -> list[Finding]:
    """A card without an `id:` takes its file name; `#hash.md` or `q?x.md` would break links."""
    if not from_file_name or _ID.match(card.id):
        return []
    return [Finding(
        card.path, 1, 1, Severity.ERROR,
        f"file name '{card.id}' cannot be a card id (its page address)",
        "rename the file with lowercase letters, digits and hyphens, or set 'id:' in the"
        " front matter",
    )]


def taxonomy_path_findings(taxonomy: Taxonomy) -> list[Finding]:
    findings = [
        _reserved(taxonomy.path, item.line, kind, item.id)
        for kind, items in (("industry", taxonomy.industries), ("problem", taxonomy.problems),
                            ("persona", taxonomy.personas))
        for item in items if item.id in RESERVED_IDS
    ]
    return findings + _pitch_collisions(taxonomy.path, taxonomy.industries, taxonomy.problems)


def _reserved(path: str, line: int, kind: str, item_id: str) -> Finding:
    return Finding(path, line, 1, Severity.ERROR,
                   f"{kind} id '{item_id}' is the name of a listing page",
                   f"choose another id; '{item_id}' would replace that page")


def _pitch_collisions(
    path: str, industries: Iterable[Item], problems: Iterable[Item]
) -> list[Finding]:
    """Industry `a--b` with problem `c` and industry `a` with problem `b--c` share a page.

    Only ids that contain the separator can collide, so only their pairs are compared.
    """
    industries, problems = list(industries), list(problems)
    if not any(PITCH_JOIN in i.id for i in (*industries, *problems)):
        return []
    seen: dict[str, tuple[Item, Item]] = {}
    findings = []
    for industry in industries:
        for problem in problems:
            key = f"{industry.id}{PITCH_JOIN}{problem.id}"
            if key in seen:
                first = seen[key]
                later = max((industry, problem), key=lambda i: i.line)
                findings.append(Finding(
                    path, later.line, 1, Severity.ERROR,
                    f"pitch for '{industry.id}' and '{problem.id}' has the same page as"
                    f" '{first[0].id}' and '{first[1].id}' ({key})",
                    f"avoid '{PITCH_JOIN}' in industry and problem ids",
                ))
            else:
                seen[key] = (industry, problem)
    return findings
