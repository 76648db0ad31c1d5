"""What changed in the pitches over the recent history of the content, for reps.

The last `limit` content commits (those that changed the content folder and nothing else;
no merges), each diffed against its parent with the same model diff the review comment
uses. Bounded on purpose: a site build reads a fixed number of versions (each cached by its
tree id), however long the history is. A folder outside git, or a shallow clone, gives an
empty log that says why. A commit that cannot be read is left out with one warning naming
it: history never stops a build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from . import git_read, revision
from .alternative_diff import AlternativeChange
from .diff import CardChange, ModelDiff, PitchChange, diff, public_view
from .snapshot import PitchKey, Snapshot

DEFAULT_COMMITS = 20
EMPTY = Snapshot({}, {}, {}, ())

NOT_A_REPO = ("This site was built from a content folder outside a git repository, so it "
              "cannot say what changed.")
SHALLOW = ("This site was built from a shallow clone, so it cannot say what changed: build "
           "from a full clone (in GitHub Actions, `actions/checkout` with `fetch-depth: 0`).")
TURNED_OFF = "Change tracking is turned off for this site (`changes: false`)."


@dataclass(frozen=True)
class Entry:
    commit: git_read.Commit
    change: ModelDiff


@dataclass(frozen=True)
class ChangeLog:
    entries: tuple[Entry, ...]
    """Newest first; commits whose diff is empty are left out."""
    note: str = ""
    """Why there is no history, when there is none."""
    commits: int = DEFAULT_COMMITS
    """How many content commits were read."""
    site_url: str = ""

    def last_pitch_change(self, key: PitchKey) -> tuple[Entry, PitchChange] | None:
        for entry in self.entries:
            for change in entry.change.pitches:
                if change.key == tuple(key):
                    return entry, change
        return None

    def last_card_change(self, card_id: str) -> tuple[Entry, CardChange] | None:
        for entry in self.entries:
            for change in entry.change.cards:
                if change.id == card_id:
                    return entry, change
        return None

    def last_alternative_change(self, alternative_id: str
                                ) -> tuple[Entry, AlternativeChange] | None:
        for entry in self.entries:
            for change in entry.change.alternatives:
                if change.id == alternative_id:
                    return entry, change
        return None

    def public(self) -> ChangeLog:
        """Only public cards' changes, with no internal figure or section named. Commit
        subjects and authors are the team's words about any card: a public entry is titled by
        the public cards it changed instead."""
        entries = []
        for entry in self.entries:
            change = public_view(entry.change)
            if not change.empty:
                subject = "Updated: " + ", ".join(c.title for c in change.cards)
                entries.append(Entry(replace(entry.commit, subject=subject, author=""), change))
        return replace(self, entries=tuple(entries))


def content_history(content_dir: Path, today: dt.date, limit: int = DEFAULT_COMMITS,
                    site_url: str = "") -> ChangeLog:
    try:
        where = revision.place(content_dir)
        if git_read.is_shallow(where.repo):
            return ChangeLog((), SHALLOW, limit, site_url)
        commits = git_read.commits_touching(where.repo, where.folder, limit)
    except git_read.GitError:
        return ChangeLog((), NOT_A_REPO, limit, site_url)
    entries = []
    unreadable: set[str] = set()
    for commit in commits:
        before_sha = git_read.parent(where.repo, commit.sha)
        before = _at(where, before_sha, today, unreadable) if before_sha else EMPTY
        after = _at(where, commit.sha, today, unreadable)
        if before is None or after is None:
            continue
        change = diff(before, after)
        if not change.empty:
            entries.append(Entry(commit, change))
    return ChangeLog(tuple(entries), "", limit, site_url)


def _at(where: revision.Place, sha: str, today: dt.date,
        unreadable: set[str]) -> Snapshot | None:
    """The snapshot at `sha`, or None with one warning per commit that cannot be read (its
    own entry and its child's are then left out)."""
    if sha in unreadable:
        return None
    try:
        return revision.at_commit(where, sha, today)
    except git_read.GitError as exc:
        unreadable.add(sha)
        git_read.log.warning("%s; left out of the changes", exc)
        return None


def site_changes(enabled: bool | None, content_dir: Path, today: dt.date,
                 limit: int = DEFAULT_COMMITS, site_url: str = "") -> ChangeLog:
    """The log a site build shows; `enabled` is the `changes` option (None: on where there is
    history, which is the same as on: without history the page says why)."""
    if enabled is False:
        return ChangeLog((), TURNED_OFF, limit, site_url)
    return content_history(content_dir, today, limit, site_url)
