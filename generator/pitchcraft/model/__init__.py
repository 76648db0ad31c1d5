"""The data every stage passes along: frozen dataclasses with no I/O.

Loading fills them, validation reads them, the pitch engine combines them (into the types of
`pitch.result`) and renderers print them. Keeping them inert lets each stage be tested with
plain values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .alternatives import FACTORS as FACTORS  # re-exported: part of the model
from .alternatives import MEANINGFUL_FACTORS as MEANINGFUL_FACTORS
from .alternatives import Against as Against
from .alternatives import Alternative as Alternative
from .alternatives import AlternativeObjection as AlternativeObjection
from .alternatives import FactorVerdict as FactorVerdict
from .alternatives import Kind as Kind
from .alternatives import Trap as Trap
from .alternatives import Verdict as Verdict
from .costs import CostModel, DeclaredUnit
from .evidence import Audience as Audience  # re-exported: part of the model
from .evidence import Evidence as Evidence
from .evidence import Whose as Whose
from .variants import Section as Section  # re-exported: part of the model
from .variants import split_variant_key as split_variant_key
from .variants import variant_key as variant_key

WORDS_PER_MINUTE = 140
"""A calm presenting pace; conversational speech runs faster, teaching should not."""
ALL_INDUSTRIES = "all"

WARMER = "Warmer"
COST_OF_INACTION = "Cost of doing nothing"
DISCOVERY_QUESTIONS = "Discovery questions"
OBJECTIONS = "Objections"
NEXT_STEP = "Next step"
PROPOSAL = "Proposal"
"""The next step addressed to the buyer ("We propose ..."); `Next step` is the rep's."""
STEPS = (
    WARMER, "Reframe", "Rational drowning", "Emotional impact", "A new way", "Our solution",
)
"""The six steps of commercial teaching (The Challenger Sale), as the method names them."""
OUR_SOLUTION = STEPS[-1]
TEACHING = (*STEPS[:4], COST_OF_INACTION, *STEPS[4:])
"""The parts a rep says, in the order they are said: the one definition of a pitch's order.
Cost of doing nothing comes after the story and before A new way: the buyer feels the problem
(Emotional impact), then sees its price, and only then hears the way out, so the new way
answers a cost the buyer already accepts. A variant for a persona in one of these sections
makes a card "written for this persona" when ranking."""
BEFORE_SOLUTION = TEACHING[: TEACHING.index(OUR_SOLUTION)]
"""Warmer to A new way: the teaching before the vendor is named. Nothing in them names an
offering, a differentiator or the company, nor quotes our customers' results or an internal
figure (see `load.choreography`)."""
SECTIONS = (*TEACHING, DISCOVERY_QUESTIONS, OBJECTIONS, NEXT_STEP, PROPOSAL)
"""Every section a card may have."""
ORDER = (*TEACHING, DISCOVERY_QUESTIONS, OBJECTIONS, NEXT_STEP, PROPOSAL)
"""SECTIONS in the order the `new card` scaffold writes them, where `check` says to add a
missing one; a pitch says them in the order of TEACHING, whatever the card's order."""
OPTIONAL = frozenset({WARMER, NEXT_STEP, PROPOSAL})
REQUIRED = tuple(s for s in SECTIONS if s not in OPTIONAL)

ROLES = ("economic-buyer", "champion", "evaluator", "blocker", "user")
"""A persona's role in the buying group, from the taxonomy."""


def section_key(name: str) -> str:
    """A section's key in pitches and templates: 'Rational drowning' -> 'rational-drowning'."""
    return name.lower().replace(" ", "-")


class Status(StrEnum):
    """Where a card is in its life; only published cards reach a pitch."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the content, pointing at the place to fix it."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class Item:
    """A taxonomy entry: an industry, problem, persona, offering or differentiator."""

    id: str
    name: str
    description: str
    line: int = 0


@dataclass(frozen=True)
class Industry(Item):
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem(Item):
    symptoms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concern:
    """A worry a persona raises, with the answer a rep gives."""

    concern: str
    answer: str = ""

    def __str__(self) -> str:
        return self.concern


@dataclass(frozen=True)
class Persona(Item):
    role: str = ""
    """One of ROLES: their part in the buying group."""
    priorities: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    concerns: tuple[Concern, ...] = ()
    next_step: str = ""
    proposal: str = ""
    """The next step as said to the buyer: the deck's last slide when a card has none."""


@dataclass(frozen=True)
class Company:
    name: str
    description: str
    demo: bool
    offerings: tuple[Item, ...]
    differentiators: tuple[Item, ...]


@dataclass(frozen=True)
class Taxonomy:
    industries: tuple[Industry, ...]
    problems: tuple[Problem, ...]
    personas: tuple[Persona, ...]
    company: Company
    review_interval_days: int
    path: str = "taxonomy.yml"
    units: tuple[DeclaredUnit, ...] = ()
    """Units of the content's own for cost models (`units:`), beside the built-in ones."""
    alternatives: tuple[Alternative, ...] = ()
    """The buyer's other choices (`alternatives:`): internal, never in a buyer's output."""

    def alternative(self, id_: str) -> Alternative | None:
        return next((a for a in self.alternatives if a.id == id_), None)

    def industry(self, id_: str) -> Industry | None:
        return next((i for i in self.industries if i.id == id_), None)

    def problem(self, id_: str) -> Problem | None:
        return next((p for p in self.problems if p.id == id_), None)

    def persona(self, id_: str) -> Persona | None:
        return next((p for p in self.personas if p.id == id_), None)

    def differentiator(self, id_: str) -> Item | None:
        return next((d for d in self.company.differentiators if d.id == id_), None)

    def variant_label(self, key: str) -> str:
        """Who a `### For:` variant speaks to, in words: 'For the Chief Financial Officer in
        Cold storage'. An id the taxonomy lacks (a finding already) is shown as written."""
        first, industry_id = split_variant_key(key)
        persona = self.persona(first)
        industry = self.industry(industry_id or ("" if persona else first))
        who = f"the {persona.name}" if persona else "" if industry and not industry_id else first
        where = industry.name if industry else industry_id
        return "For " + (f"{who} in {where}" if who and where else who or where)


@dataclass(frozen=True)
class Objection:
    objection: str
    answer: str
    line: int = 0


@dataclass(frozen=True)
class Card:
    id: str
    path: str
    title: str
    summary: str
    industries: tuple[str, ...]
    """Industry ids, or `("all",)` for a card that fits every industry."""
    problems: tuple[str, ...]
    personas: tuple[str, ...]
    owner: str
    reviewed: dt.date | None
    review_interval_days: int | None
    status: Status
    audience: Audience
    evidence: tuple[Evidence, ...]
    differentiation: dict[str, str]
    leads_to: tuple[str, ...]
    tags: tuple[str, ...]
    sections: dict[str, Section]
    objections: tuple[Objection, ...]
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each front-matter field, so later checks can point at it."""
    item_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """(line, column) of each id in an id list, keyed 'personas.0', to point at the bad one."""
    cost_model: CostModel | None = None
    """The buyer's numbers, when the card declares them and their shape is right."""
    headlines: dict[str, str] = field(default_factory=dict)
    """A short buyer-facing headline per step key ('reframe', 'proposal'): slide titles."""
    against: tuple[Against, ...] = ()
    """Differentiation relative to each alternative the card addresses (`against:`)."""

    def against_alternative(self, id_: str) -> Against | None:
        return next((a for a in self.against if a.alternative == id_), None)

    def meaningfully_different_against(self, id_: str) -> bool:
        found = self.against_alternative(id_)
        return found is not None and found.meaningfully_different

    @property
    def all_industries(self) -> bool:
        return self.industries == (ALL_INDUSTRIES,)

    @property
    def published(self) -> bool:
        return self.status == Status.PUBLISHED

    def fits_industry(self, industry: str) -> bool:
        return self.all_industries or industry in self.industries

    def review_due(self, default_interval: int) -> dt.date | None:
        if self.reviewed is None:
            return None
        days = self.review_interval_days or default_interval
        try:
            return self.reviewed + dt.timedelta(days=days)
        except OverflowError:  # an interval of millennia: never due
            return dt.date.max

    def is_stale(self, default_interval: int, today: dt.date) -> bool:
        """Past its review date on `today`: the one rule for ranking, findings, the report
        and the card page. A card never reviewed has no due date, so it is not stale."""
        due = self.review_due(default_interval)
        return due is not None and due < today


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder, with what was wrong with it."""

    root: Path
    taxonomy: Taxonomy | None
    ledger: dict[str, Evidence]
    cards: tuple[Card, ...]
    findings: tuple[Finding, ...]

    @property
    def published_cards(self) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.published)

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)
