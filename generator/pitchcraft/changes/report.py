"""A model diff as the reviewer reads it: terminal text, a pull-request comment, or JSON.

Text and Markdown come from templates (`diff.txt.j2`, `diff.md.j2`) a company can override;
JSON is built here, for tools. The Markdown is a pull-request comment that quotes the pull
request's own text: every value is escaped for where it lands (`escape.comment`), and one the
template prints without a filter is escaped as a line of Markdown. A card's rep-only notes are
quoted as the rep's own ("For the rep, not to be read aloud", `rep_notes.reading_text`), in
whatever container they sit, so a reviewer sees which words the buyer never hears.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..escape import comment, terminal
from ..load.rep_notes import reading_text
from ..render.findings import as_text
from ..render.templates import environment, render
from .diff import ModelDiff, StepChange
from .grouping import card_entries
from .word_diff import NEW, OLD, SAME, Segment, changed_words, has_notes

MARKER = "<!-- pitchcraft-diff -->"
"""First line of the pull-request comment; the workflow finds its own comment by it."""

COMMENT_LIMIT = 60_000
"""GitHub refuses comments over 65,536 characters; past this the details are cut."""


@dataclasses.dataclass(frozen=True)
class Labels:
    base: str
    head: str


def as_template(change: ModelDiff, labels: Labels, fmt: str,
                template_dirs: Sequence[Path]) -> str:
    env = environment(template_dirs)
    env.filters["finding"] = as_text
    if fmt == "text":
        env.finalize = _visible
        env.filters["words"] = _words_text
        env.tests["with_notes"] = _with_notes
    if fmt == "md":
        env.filters["words"] = _words_md
        env.tests["with_notes"] = _with_notes
        env.finalize = comment.finalize
        env.filters.update(cell=comment.inline, inline=comment.inline, html=comment.html_text,
                           code=comment.code_span, block=_card_block,
                           code_block=comment.code_block)
    name = "diff.txt.j2" if fmt == "text" else f"diff.{fmt}.j2"
    marker = comment.Safe(MARKER) if fmt == "md" else MARKER
    text = render(env, name, diff=change, labels=labels, marker=marker,
                  entries=card_entries(change))
    return _fit_comment(text) if fmt == "md" else text


def _segments(step: StepChange) -> tuple[Segment, ...]:
    return changed_words(step.before.text if step.before else None,
                         step.after.text if step.after else None)


def _with_notes(step: StepChange) -> bool:
    return has_notes(step.before.text if step.before else None,
                     step.after.text if step.after else None)


def _words_md(step: StepChange) -> comment.Safe:
    """A changed step's changed sentences in a comment: old words struck, new ones bold."""
    marks = {SAME: "{}", OLD: "~~{}~~", NEW: "**{}**"}
    return comment.Safe(" ".join(marks[s.kind].format(comment.inline(s.text))
                                 for s in _segments(step)))


def _words_text(step: StepChange) -> str:
    """The same in a terminal, marked as `git diff --word-diff` marks it."""
    marks = {SAME: "{}", OLD: "[-{}-]", NEW: "{{+{}+}}"}
    return " ".join(marks[s.kind].format(terminal.visible(s.text)) for s in _segments(step))


def _card_block(text: str) -> comment.Safe:
    """A card's Markdown in the comment, each rep-only note a marked quote."""
    return comment.block(reading_text(text))


def _visible(value: object) -> object:
    """What the text diff prints, with escape characters written out, not obeyed."""
    return terminal.visible(value) if isinstance(value, str) else value


def _fit_comment(text: str) -> str:
    """The comment cut at a whole entry, every fence and fold closed, with a note that says
    how much is left out."""
    return comment.fit(text, COMMENT_LIMIT,
                       "**{left} more {entries} than a comment can hold:** run "
                       "`pitchcraft diff` locally or read the workflow log for the rest.")


def as_json(change: ModelDiff, labels: Labels) -> str:
    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, dict):
            return {"/".join(k) if isinstance(k, tuple) else k: plain(v) for k, v in value.items()}
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    return json.dumps({
        "base": labels.base,
        "head": labels.head,
        "findings": {"base": [as_text(f) for f in change.findings_before],
                     "head": [as_text(f) for f in change.findings_after]},
        "pitches": [{
            "kind": p.kind,
            "pitch": "/".join(p.key),
            "names": list(p.state.names),
            "card_before": p.before.card if p.before else None,
            "card_after": p.after.card if p.after else None,
            "steps": [{"key": s.key, "title": s.title,
                       "before": s.before.text if s.before else None,
                       "after": s.after.text if s.after else None} for s in p.steps],
            "evidence": ({"before": plain(p.before.evidence if p.before else ()),
                          "after": plain(p.after.evidence if p.after else ())}
                         if p.evidence_changed else None),
            "figures": list(p.figures),
        } for p in change.pitches],
        "figures": [{"id": f.id, "before": plain(f.before), "after": plain(f.after),
                     "pitches": ["/".join(p.key) for p in f.pitches]} for f in change.figures],
        "cards": [plain(c) for c in change.cards],
        "alternatives": [{"kind": a.kind, "id": a.id, "name": a.name, "fields": list(a.fields),
                          "factors": [list(f) for f in a.factors], "stale": a.stale or None,
                          "pitches": ["/".join(p.key) for p in a.pitches]}
                         for a in change.alternatives],
        "stale_battlecards": [{"id": i, "name": n, "due": d} for i, n, d in change.stale],
    }, indent=2) + "\n"
