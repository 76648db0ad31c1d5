"""Account files hold personal data: after `pitchcraft prep` has run beside a site, a real
`mkdocs build --strict` of that site holds no byte of any account file, and the pack sits
outside it. The alternative an account weighs is internal as well: the pack's brief sets its
traps, and a public build made after `prep` holds nothing of it."""

from __future__ import annotations

import html
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


ACCOUNTS = sorted((REPO / "accounts").glob("*.yml"))


def _prep(packs: Path) -> None:
    for account in ACCOUNTS:
        run = subprocess.run([str(PITCHCRAFT), "prep", str(account), str(REPO / "content"),
                              "-o", str(packs / account.stem), "-f", str(REPO / "mkdocs.yml")],
                             capture_output=True, text=True, check=False, cwd=REPO)
        assert run.returncode == 0, run.stderr


def test_a_site_built_after_prep_holds_nothing_of_the_account_files(tmp_path: Path) -> None:
    accounts = ACCOUNTS
    _prep(tmp_path / "packs")
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


def test_a_public_site_built_after_prep_holds_nothing_of_the_alternatives_they_weigh(
        tmp_path: Path) -> None:
    """The brief names the alternative and sets its traps; the public site never does."""
    taxonomy = yaml.safe_load((REPO / "content" / "taxonomy.yml").read_text(encoding="utf-8"))
    named = {yaml.safe_load(a.read_text(encoding="utf-8"))["alternative"] for a in ACCOUNTS}
    rivals = [a for a in taxonomy["alternatives"] if a["id"] in named]
    assert len(rivals) == len(named) == len(ACCOUNTS)  # each demo account weighs its own
    _prep(tmp_path / "packs")
    texts = {s for rival in rivals for s in _strings({k: v for k, v in rival.items()
                                                      if k not in ("id", "kind", "problems",
                                                                   "owner", "reviewed")})}
    briefs = "\n".join(p.read_text(encoding="utf-8")
                       for p in (tmp_path / "packs").rglob("brief.md"))
    assert all(t["question"] in briefs for r in rivals for t in r["traps"])
    site = tmp_path / "site"
    built = mkdocs_build(REPO, site, PITCHCRAFT_AUDIENCE="public")
    assert built.returncode == 0, built.stderr
    site_bytes = b"\n".join(f.read_bytes() for f in site.rglob("*") if f.is_file())
    assert b"<html" in site_bytes
    leaked = sorted(t for t in texts
                    if any(form.encode() in site_bytes
                           for form in {t, html.escape(t, quote=False), html.escape(t),
                                        t.replace("'", "&#39;"), t.replace("'", "\u2019")}))
    assert leaked == []
