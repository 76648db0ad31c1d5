"""A deterministic synthetic content set: N realistic insight cards over a growing taxonomy.

`make_corpus(n, root, seed)` writes `root/taxonomy.yml`, `root/evidence.yml` and
`root/insights/<problem>/<card>.md`. The same (n, seed) always writes the same bytes.

The shape follows the demo content (content/): every card has all sections, evidence from
the ledger and inline, persona variants and two objections, at about 2-3 KB. The taxonomy
grows with N so each industry x problem pair is served by a similar number of cards at every
size, as a real catalogue would grow (more industries and problems, not ever longer lists):

| N      | industries | problems | personas | ledger entries | cards for every industry |
|--------|-----------:|---------:|---------:|---------------:|-------------------------:|
| 100    | 5          | 4        | 6        | 10             | 2                        |
| 1,000  | 16         | 13       | 6        | 50             | 6                        |
| 10,000 | 50         | 40       | 6        | 500            | 20                       |

so the site's pitch pages (one per covered industry x problem) grow in proportion to N too.
Cards pass `pitchcraft check --strict` on any date from 2026-07-01 to 2030.

Run it alone with `python -m bench.corpus N OUT_DIR [--seed S]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROLES = {"cfo": "economic-buyer", "coo": "champion", "plant-manager": "user",
         "maintenance-manager": "evaluator", "it-ot-lead": "blocker",
         "procurement-lead": "evaluator"}
PERSONAS = (
    ("cfo", "Chief Financial Officer", "Owns margin, capital allocation and the forecast.",
     ["Gross margin protected against tariff rises", "Capital spent only where payback is sure"],
     ["Gross margin", "Cost per unit", "Payback period"],
     ["Savings that never reach the P&L", "Another multi-year software commitment"],
     "Offer a 60-minute session with their finance lead to size the cost from their own bills."),
    ("coo", "Chief Operating Officer", "Runs the plants and answers for output and cost.",
     ["Throughput without new capital", "Comparable performance across sites"],
     ["OEE", "On-time in-full", "Cost per unit"],
     ["Initiatives that distract the plants", "Projects that need scarce engineers"],
     "Propose a two-site comparison on their own interval data, reviewed in a 45-minute call."),
    ("plant-manager", "Plant manager", "Runs one site day to day and owns its budget.",
     ["Hitting the production plan", "A budget they can explain"],
     ["Output per shift", "Unplanned downtime hours", "Site cost variance"],
     ["Dashboards nobody on the floor reads", "Installation that stops a line"],
     "Book a 90-minute walk of one line with their shift leader."),
    ("maintenance-manager", "Maintenance manager", "Keeps the assets running with a small team.",
     ["Fewer call-outs", "Planned work instead of firefighting"],
     ["Mean time between failures", "Planned maintenance share", "Call-out hours"],
     ["Alarms that cry wolf", "Sensors the team must look after"],
     "Offer a one-week trial on their three most troublesome assets, reviewed on day eight."),
    ("it-ot-lead", "IT and OT lead", "Owns networks, security and plant-floor systems.",
     ["No new paths into the control network", "Fewer systems to support"],
     ["Open security findings", "Integration lead time"],
     ["Devices on the plant network", "Vendor cloud access"],
     "Send the architecture and security pack, then hold a 30-minute review."),
    ("procurement-lead", "Head of procurement", "Buys energy, services and equipment.",
     ["Contracts that hold their price", "Suppliers who share risk"],
     ["Cost avoidance", "Contract compliance", "Supplier count"],
     ["Lock-in to one vendor", "Savings claims nobody can audit"],
     "Share a sample contract with the savings terms and walk through it in 30 minutes."),
)

SECTORS = (
    "food", "dairy", "bakery", "beverage", "cold-storage", "plastics", "packaging", "paper",
    "metal", "foundry", "glass", "ceramics", "textile", "chemicals", "pharma", "automotive",
    "electronics", "furniture", "printing", "laundry", "water", "brewing", "meat", "seafood",
    "timber", "cement", "rubber", "coatings", "battery", "aerospace",
)
SECTOR_KINDS = ("processing", "manufacturing", "distribution", "services", "fabrication")
ASSETS = (
    "compressor", "chiller", "oven", "press", "extruder", "kiln", "pump", "fan", "conveyor",
    "boiler", "dryer", "mixer", "furnace", "welder", "grinder", "freezer", "blower", "motor",
    "evaporator", "granulator", "palletiser", "sterilizer", "homogeniser", "cooling tower",
)
COSTS = (
    "demand charge", "idle load", "leak loss", "standby draw", "defrost energy",
    "reactive power", "overtime", "scrap", "rework", "spares inventory", "call-out fees",
    "carbon levy", "penalty clause", "changeover time", "cleaning cycle", "peak tariff",
)
PROBLEM_STEMS = (
    "peak", "idle", "leak", "failure", "carbon", "scrap", "heat", "water", "steam", "air",
    "lighting", "cooling", "tariff", "forecast", "quote", "audit", "downtime", "changeover",
)
PROBLEM_KINDS = ("charges", "waste", "blind-spots", "overruns", "drift", "losses", "gaps")
METRICS = ("kWh per unit", "cost per tonne", "OEE", "DSO", "uptime", "scrap rate",
           "energy intensity", "peak kW", "MTBF", "carbon per unit", "margin per order")
PERIODS = ("a quarter", "one month", "two shifts", "a weekend", "a year", "eleven months",
           "three weeks", "a billing period", "each changeover", "every Monday")
PEOPLE = ("the shift leader", "finance", "the plant manager", "maintenance", "procurement",
          "the night crew", "the energy manager", "operations", "the site controller")
VERBS = ("sets", "drives", "hides", "doubles", "inflates", "locks in", "masks", "decides",
         "quietly raises", "carries", "spreads", "compounds")
NAMES = ("Priya Raman", "Tom Becker", "Ana Costa", "Lena Fischer", "Marcus Lee", "Sofia Ortiz",
         "Jon Okafor", "Mei Tanaka", "Ravi Patel", "Elin Berg", "Noah Haddad", "Ines Duarte")
TAGS = ("peak-demand", "scheduling", "compressed-air", "maintenance", "carbon", "pricing",
        "security", "it-ot", "baseload", "finance", "tenders", "cleaning", "refrigeration",
        "forecasting", "capital", "shift-handover", "tariffs", "audits")
FACTORS = ("offering", "commercials", "value", "risk", "ease")
SUMMARY = "The {cost} is a scheduling problem, and {people} can remove most of it in {period}."
INDUSTRY_TEXT = "Sites that run {asset}s for {sector} customers."
DIFFERENTIATOR_TEXT = "{product} meters each {asset} and {asset2} in a single shift."
LEDGER_CLAIM = "Share of the {cost} that falls within {period} of a start-up at {sector} sites."
INLINE_CLAIM = "Median time from approved business case to first data for {asset} projects."
FACTOR_TEXT = {
    "offering": "Forecasts the live interval for each {asset} instead of last month's total.",
    "commercials": "Priced per metered {asset} per month, with no capital purchase.",
    "value": "Cuts the {cost} without cutting output; only the start-up order changes.",
    "risk": "Alerts advise {people}; no control of any {asset} is taken over.",
    "ease": "Sensors clip on to live circuits in {period}, with no shutdown.",
}
SECTIONS = ("Reframe", "Rational drowning", "Cost of doing nothing", "Emotional impact",
            "A new way", "Our solution")

TEMPLATES = {
    "Warmer": (
        "Most {sector} plants we speak to tell a similar story: the {cost} moves by {money} a "
        "month while output barely changes.",
        "{people_cap} usually blames the weather or the tariff, and nobody can say which "
        "{asset} was running when the bill was set.",
        "Is that roughly what you see at your sites too?",
    ),
    "Reframe": (
        "You don't have a {cost} problem; you have a {asset} scheduling problem.",
        "Most of the {cost} is decided in {period}, when every {asset} and {asset2} starts "
        "together.",
        "The number is set by the order in which {people} presses buttons, not by what the "
        "plant produces.",
    ),
    "Rational drowning": (
        "Across {n} sites, the {cost} made up **{pct}%** of spend on {asset}s.",
        "In **{pct2}%** of months the interval that set it fell within {minutes} minutes of a "
        "start-up.",
        "At a site spending {money} a year, that is roughly {money2} decided in a dozen "
        "quarter-hours.",
        "The median plant had {metric} {pct3}% worse than its best shift.",
    ),
    "Cost of doing nothing": (
        "Once set, the {cost} is locked in for {period}, and a ratchet can carry it further.",
        "A single careless start can cost {money} over a year.",
        "Meanwhile {people} keeps renegotiating rates that cover only the rest of the bill.",
    ),
    "Emotional impact": (
        "A {n}-person {sector} producer spent two years on tenders and saved {pct3}% on rates.",
        "Its {cost} rose {pct2}% over the same period.",
        "The cause, found only when someone looked at interval data, was a new {asset} "
        "started at the same minute as the others.",
    ),
    "A new way": (
        "Treat the {cost} as an operating metric owned by the shift, not a line owned by "
        "finance.",
        "That takes seeing draw by {asset} in real time, knowing before the interval closes "
        "whether it will set a new peak, and a sequence {people} can follow.",
    ),
    "Our solution": (
        "{product} meters each {asset} and {asset2} in a single shift without a shutdown.",
        "It forecasts the live interval, tells {people} which load to hold back and "
        "attributes every peak to the {asset}s that caused it.",
        "Customers cut spend by a median {pct3}% in their first year.",
    ),
    "Next step": (
        "Book {period} with {people} to mark where sensors would go on the {asset} line.",
    ),
}
QUESTIONS = (
    "When was last month's {cost} set, and which {asset} was running at that moment?",
    "Who decides the start-up sequence after {period}?",
    "How much of the bill is {cost} rather than energy?",
    "How do you report {metric} to {people} today?",
    "Which {asset} failed last, and what did the stoppage cost?",
    "What would {people} do with a warning {minutes} minutes before a new peak?",
)
OBJECTIONS = (
    ("We already negotiated a good tariff.",
     "A good tariff lowers the price of each unit; it does nothing about the {cost} that "
     "sets {pct}% of the bill. Keep the tariff; this works on the other part."),
    ("Our operators won't follow another procedure.",
     "They get one alert with one instruction, such as \"hold the {asset} for four minutes\". "
     "Most sites find {people} competing on it within a month."),
    ("We tried metering and nobody looked at the data.",
     "The data went to a dashboard. Here it goes to {people} as one action, during the shift "
     "it matters in."),
    ("IT will never allow devices on our network.",
     "Nothing joins your network: the gateway has its own cellular link and sends data out "
     "only."),
    ("We cannot stop a line to install sensors.",
     "Sensors clip around live cables; a typical {asset} line is metered in one shift."),
)


@dataclass(frozen=True)
class Sizes:
    industries: int
    problems: int
    ledger: int
    differentiators: int
    all_industry_cards: int


def sizes(n: int) -> Sizes:
    root = math.sqrt(n)
    return Sizes(
        industries=max(4, round(root / 2)),
        problems=max(4, round(root * 0.4)),
        ledger=max(10, n // 20),
        differentiators=6 + round(root / 10),
        all_industry_cards=max(1, round(root / 5)),
    )


class _Text:
    """Sentences from templates with slots filled from word lists, one RNG for everything."""

    def __init__(self, rng: random.Random, product: str) -> None:
        self.rng = rng
        self.product = product

    def fill(self, template: str) -> str:
        r = self.rng
        people = r.choice(PEOPLE)
        money = r.randrange(8, 900) * 1000
        return template.format(
            sector=r.choice(SECTORS), cost=r.choice(COSTS), asset=r.choice(ASSETS),
            asset2=r.choice(ASSETS), people=people, people_cap=people[0].upper() + people[1:],
            period=r.choice(PERIODS), metric=r.choice(METRICS), n=r.randrange(12, 900),
            pct=r.randrange(11, 64), pct2=r.randrange(40, 90), pct3=r.randrange(2, 19),
            minutes=r.choice((15, 30, 45, 60)), money=f"${money:,}",
            money2=f"${money * r.randrange(2, 9) // 10:,}", product=self.product,
        )

    def paragraph(self, section: str) -> str:
        sentences = [self.fill(t) for t in TEMPLATES[section]]
        return _wrap(" ".join(sentences))


def _wrap(text: str, width: int = 96) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


_FIGURE = re.compile(r"\$[\d,]+|\d+(?:%| minutes)")
"""The figures the corpus's sentence templates produce."""


def _q(value: str) -> str:
    """A YAML scalar that is always text."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _taxonomy(size: Sizes, rng: random.Random) -> tuple[str, list[str], list[str], list[str]]:
    industries, problems, differentiators = [], [], []
    out = ["# Synthetic benchmark content (bench/corpus.py); not real figures.",
           "review_interval_days: 1500", "industries:"]
    for i in range(size.industries):
        sector, kind = SECTORS[i % len(SECTORS)], SECTOR_KINDS[(i // len(SECTORS)) % 5]
        ident = f"{sector}-{kind}-{i}"
        industries.append(ident)
        name = f"{sector.replace('-', ' ').capitalize()} {kind} {i}"
        out += [f"  - id: {ident}", f"    name: {name}",
                f"    description: {_q(_Text(rng, '').fill(INDUSTRY_TEXT))}",
                "    context:"]
        out += [f"      - {_q(_Text(rng, '').fill(t))}" for t in (
            "Customers now ask for {metric} at every tender.",
            "The {cost} has overtaken packaging as a controllable cost at many sites.",
            "Ageing {asset}s run harder as throughput rises.")]
    out.append("problems:")
    for i in range(size.problems):
        stem = PROBLEM_STEMS[i % len(PROBLEM_STEMS)]
        kind = PROBLEM_KINDS[(i // len(PROBLEM_STEMS)) % len(PROBLEM_KINDS)]
        ident = f"{stem}-{kind}-{i}"
        problems.append(ident)
        out += [f"  - id: {ident}", f"    name: {stem.capitalize()} {kind.replace('-', ' ')} {i}",
                f"    description: {_q(f'The {rng.choice(COSTS)} grows while nobody owns it.')}",
                "    symptoms:"]
        out += [f"      - {_q(_Text(rng, '').fill(t))}" for t in (
            "The bill moves by {money} a month even when output is flat.",
            "Nobody can say which {asset} was running when it happened.")]
    out.append("personas:")
    for ident, name, description, priorities, metrics, concerns, step in PERSONAS:
        out += [f"  - id: {ident}", f"    name: {name}", f"    role: {ROLES[ident]}",
                f"    description: {description}",
                f"    priorities: [{', '.join(priorities)}]",
                f"    metrics: [{', '.join(metrics)}]",
                "    concerns:"]
        out += [line for concern in concerns for line in (
            f"      - concern: {concern}",
            "        answer: A one-site pilot answers it on their own data before anything"
            " is signed.")]
        out.append(f"    next_step: {step}")
        out.append("    proposal: We propose a one-site pilot on your own data, reviewed with"
                   " you before anything is signed.")
    out += ["company:", "  name: Benchco", "  description: A synthetic vendor for the benchmark.",
            "  demo: true", "  offerings:"]
    for ident in ("meter", "analytics", "guarantee"):
        out.append(f"    - {{id: {ident}, name: Benchco {ident.capitalize()},"
                   f" description: The {ident} offering.}}")
    out.append("  differentiators:")
    for i in range(size.differentiators):
        ident = f"diff-{i}"
        differentiators.append(ident)
        out.append(f"    - id: {ident}")
        out.append(f"      name: Differentiator {i}")
        text = _Text(rng, "Benchco")
        out.append(f"      description: {_q(text.fill(DIFFERENTIATOR_TEXT))}")
    return "\n".join(out) + "\n", industries, problems, differentiators


def _ledger(count: int, rng: random.Random) -> tuple[str, list[str]]:
    ids, out = [], ["# Synthetic benchmark figures (bench/corpus.py); invented.", "evidence:"]
    for i in range(count):
        ident = f"figure-{i}"
        ids.append(ident)
        text = _Text(rng, "")
        out += [f"  - id: {ident}", f"    figure: {rng.randrange(2, 80)}%",
                f"    claim: {_q(text.fill(LEDGER_CLAIM))}",
                f"    source: Benchco Field Benchmark {2024 + i % 3}"
                f" ({rng.randrange(40, 400)} sites)",
                f"    as_of: {dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))}",
                f"    kind: {'fact' if i % 4 else 'estimate'}",
                "    whose: research",
                ""]
    return "\n".join(out), ids


def _card(
    index: int, rng: random.Random, industries: list[str], problems: list[str],
    ledger: list[str], differentiators: list[str], all_industries: bool,
) -> tuple[str, str, str]:
    """(problem folder, file stem, text) of one card."""
    text = _Text(rng, "Benchco Meter")
    personas = rng.sample([p[0] for p in PERSONAS], rng.randint(2, 4))
    card_problems = rng.sample(problems, rng.choice((1, 1, 2)))
    card_industries = "all" if all_industries else \
        f"[{', '.join(rng.sample(industries, rng.randint(1, 3)))}]"
    title = text.fill("The {cost} is set by the {asset} schedule, not the tariff")
    stem = f"{'-'.join(title.lower().replace(',', '').split()[1:5])}-{index:05d}"
    front = [
        "---",
        f"title: {_q(f'{title} ({index})')}",
        f"summary: {_q(text.fill(SUMMARY))}",
        f"industries: {card_industries}",
        f"problems: [{', '.join(card_problems)}]",
        f"personas: [{', '.join(personas)}]",
        f"owner: {rng.choice(NAMES)}",
        f"reviewed: {dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 170))}",
        f"status: {'draft' if index % 20 == 19 else 'published'}",
        f"audience: {'public' if index % 3 == 0 else 'internal'}",
        "evidence:",
    ]
    front += [f"  - ref: {ref}" for ref in rng.sample(ledger, rng.randint(1, 2))]
    if rng.random() < 0.6:
        front += [
            f"  - figure: {rng.randrange(2, 40)} {rng.choice(('days', 'weeks', 'percent'))}",
            f"    claim: {_q(text.fill(INLINE_CLAIM))}",
            f"    source: Benchco Buyer Survey 2026 ({rng.randrange(50, 400)} leaders)",
            f"    as_of: {dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 150))}",
            "    kind: estimate",
            "    whose: research",
        ]
        if rng.random() < 0.3:
            front.append("    audience: internal")
    held = FACTORS if rng.random() < 0.8 else tuple(rng.sample(FACTORS, 4))
    front.append("differentiation:")
    front += [f"  {factor}: {_q(text.fill(FACTOR_TEXT[factor]))}"
              for factor in FACTORS if factor in held]
    front.append(f"leads_to: [{', '.join(rng.sample(differentiators, rng.randint(1, 3)))}]")
    front.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 3)))}]")
    front.append("---")

    variant_sections = rng.sample(SECTIONS, rng.randint(1, 2))
    body: list[str] = []
    body += ["## Warmer", "", text.paragraph("Warmer"), ""]  # written, never assembled
    for section in ("Reframe", "Rational drowning", "Cost of doing nothing", "Emotional impact",
                    "A new way", "Our solution"):
        body += [f"## {section}", "", text.paragraph(section), ""]
        if section in variant_sections:
            persona = rng.choice(personas)
            body += [f"### For: {persona}", "", text.paragraph(section), ""]
    body += ["## Discovery questions", ""]
    body += [f"- {text.fill(q)}" for q in rng.sample(QUESTIONS, rng.randint(3, 4))]
    body += ["", "## Objections", ""]
    for objection, answer in rng.sample(OBJECTIONS, 2):
        body += [f"### {objection}", "", _wrap(text.fill(answer)), ""]
    if rng.random() < 0.3:
        body += ["## Next step", "", text.paragraph("Next step"), ""]
    # The figures a card speaks are sourced: one field-study item names them.
    spoken = " ".join(body[body.index("## Rational drowning"):body.index("## Emotional impact")])
    figures = ", ".join(dict.fromkeys(_FIGURE.findall(spoken)))
    at = front.index("differentiation:")
    claim = _q(f"Benchco field figures: {figures}.")
    front[at:at] = ["  - figure: Field figures", f"    claim: {claim}",
                    "    source: Benchco field study", "    as_of: 2026-01-02",
                    "    kind: estimate", "    whose: research"]
    return card_problems[0], stem, "\n".join(front) + "\n\n" + "\n".join(body)


def make_corpus(n: int, root: Path | str, seed: int = 1) -> Path:
    """Write a content folder of `n` cards at `root` (created); returns `root`."""
    root = Path(root)
    rng = random.Random(f"pitchcraft-bench-{seed}-{n}")
    size = sizes(n)
    taxonomy, industries, problems, differentiators = _taxonomy(size, rng)
    ledger_text, ledger = _ledger(size.ledger, rng)
    (root / "insights").mkdir(parents=True, exist_ok=True)
    (root / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    (root / "evidence.yml").write_text(ledger_text, encoding="utf-8")
    for index in range(n):
        folder, stem, text = _card(index, rng, industries, problems, ledger, differentiators,
                                   all_industries=index < size.all_industry_cards)
        (root / "insights" / folder).mkdir(exist_ok=True)
        (root / "insights" / folder / f"{stem}.md").write_text(text, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_corpus(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()


def site_project(n: int | None, root: Path) -> Path:
    """A site project beside the repository's docs, theme and mkdocs.yml, holding `n`
    synthetic cards, or the demo content when `n` is None."""
    repo = Path(__file__).resolve().parent.parent
    for name in ("docs", "theme"):
        shutil.copytree(repo / name, root / name)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    if n is None:
        shutil.copytree(repo / "content", root / "content")
    else:
        make_corpus(n, root / "content")
    return root
