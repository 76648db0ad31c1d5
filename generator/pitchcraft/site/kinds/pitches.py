"""A page for each industry and problem: one pitch per persona, in tabs. Team only."""

from __future__ import annotations

from ...load.rep_notes import buyer_text
from ...pitch import Pitch
from ...pitch.summary import Summary, summarize
from ...shared import forget_gone, kept_for
from ..battlecards import pitch_alternatives
from ..costs import page_meta, pitch_page_figures, plain_text
from ..urls import pitch_path
from .kind import Making, PageGroup, PageKind, Reads

TEMPLATE = "site/pitch_page.md.j2"


def make(making: Making) -> None:
    site, memos = making.site, making.memos
    summaries = making.kept.setdefault("summaries", {})
    for (industry, problem), composed in site.pitches.items():
        if memos.take(pitch_path(industry, problem), TEMPLATE, tuple(composed)):
            continue
        pitches, figures = pitch_page_figures(composed)
        first = pitches[0]
        summary = first_sentence(plain_text(first.steps[1].text))
        memos.page(pitch_path(industry, problem), TEMPLATE,
                   f"{first.industry.name}: {first.problem.name}", summary, meta={
                       "search": {"boost": 3},
                       "hide": ["toc"],  # one table of contents per persona tab is noise
                       "tags": sorted({t for p in pitches for t in p.card.tags}),
                       **page_meta(figures),
                   }, pitches=pitches, industry=first.industry, problem=first.problem,
                   summaries={p.persona.id: _summary(p, summaries) for p in pitches},
                   summary=summary, calculators=figures.calculators() if figures else {},
                   against={p.persona.id: pitch_alternatives(site.taxonomy, p.card, problem)
                            for p in pitches},
                   made_from=tuple(composed))
    forget_gone(summaries, [p for composed in site.pitches.values() for p in composed])


def _summary(pitch: Pitch, memo: dict) -> Summary:
    """`summarize`, kept for the very pitch object it was made from: a save recomposes only
    the pitches it touched (`incremental.PitchMemo`), and the summaries of the rest are most
    of the time a save spends listing pages."""
    return kept_for(memo, pitch, lambda: summarize(pitch), "summary")


def first_sentence(markdown: str) -> str:
    text = " ".join(buyer_text(markdown).split())
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


KIND = PageKind(
    PageGroup("pitches", "pitches/", internal=True),
    # the taxonomy: its review interval, for the freshness filter (`search_facets`)
    {TEMPLATE: frozenset({Reads.PITCH, Reads.TAXONOMY, Reads.OPTIONS, Reads.HISTORY})},
    make,
)
