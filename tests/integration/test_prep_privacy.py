"""Account files hold personal data: after `pitchcraft prep` has run beside a site, a real
`mkdocs build --strict` of that site holds no byte of any account file, and the pack sits
outside it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from builders import REPO
from site_server import mkdocs_build

PITCHCRAFT = Path(sys.executable).parent / "pitchcraft"
_ID = re.compile(r"[a-z0-9-]+")
"""Card and taxonomy ids: the account refers to the content by them; they are not its own."""
_COUNT = re.compile(r"[\d\s.,%$]+(of[\d\s.,%$]+)?")
"""A bare figure or count ('3 of 5', '12.5%'): words any site holds (a scorecard says '3 of
5'), not the account's own."""


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _sources() -> str:
    """Every text the site is made from: what an account file may quote without leaking."""
    files = [*(REPO / "content").rglob("*"), *(REPO / "docs").rglob("*")]
    return "\n".join(f.read_text(encoding="utf-8") for f in files
                     if f.is_file() and f.suffix in (".md", ".yml"))


def test_a_site_built_after_prep_holds_nothing_of_the_account_files(tmp_path: Path) -> None:
    accounts = sorted((REPO / "accounts").glob("*.yml"))
    for account in accounts:
        run = subprocess.run([str(PITCHCRAFT), "prep", str(account), str(REPO / "content"),
                              "-o", str(tmp_path / "packs" / account.stem),
                              "-f", str(REPO / "mkdocs.yml")],
                             capture_output=True, text=True, check=False, cwd=REPO)
        assert run.returncode == 0, run.stderr
    site = tmp_path / "site"
    built = mkdocs_build(REPO, site)
    assert built.returncode == 0, built.stderr
    sources = _sources()
    secrets = {s for a in accounts for s in _strings(yaml.safe_load(a.read_text()))
               if len(s) >= 6 and s not in sources and not _ID.fullmatch(s)
               and not _COUNT.fullmatch(s)}
    assert len(secrets) > 20  # names, notes, facts, the goal: the file's own words
    site_bytes = b"\n".join(f.read_bytes() for f in site.rglob("*") if f.is_file())
    leaked = sorted(s for s in secrets if s.encode() in site_bytes)
    assert leaked == []
    packs = {p.name for p in (tmp_path / "packs").rglob("*")}
    assert "brief.html" in packs and not any(p.name == "brief.html" for p in site.rglob("*"))
