"""Is every pitch of a content folder ready for a buyer, in every form? Issue 28's four numbers.

    python -m bench.buyer_ready [CONTENT] [--label after] [--whose-from EVIDENCE.yml]
                                [--no-render] [--out DIR] [--json bench/buyer_ready.json]

Over every industry x problem x persona with a pitch and every form it takes
(bench/buyer_forms.py: terminal text, internal site tab, Markdown one-pager, public card page,
presenter deck, leave-behind), counts:
1. pitches where, before Our solution, a form says one of our results or internal figures (an
   `our-results`/`internal` evidence item's figure, unless a research item gives it too, or its
   claim), a product name (an offering, a differentiator, the company outside a cover or an
   evidence source) or a product answer (a persona's concern or an objection answered);
2. pitches whose Warmer is spoken but not written by the card, and outputs holding the old
   assembled Warmer's telltales;
3. buyer-facing outputs holding a rep-only note, an internal figure, a method label (a step's
   name as a heading or title, "(3 of 7)") or the rep's next step or instructions;
4. deck slides with text off the slide or over other text, as LibreOffice Impress renders them
   and Poppler reads them (bench/libreoffice.py; skipped with --no-render).
Where Our solution starts in a form: its heading or title (or the card's headline for it, as a
public card page heads it), else the first of its sentences, the persona's or the card's.
Evidence that does not say whose it is (an older engine) is classed by `--whose-from`: the
ledger of a later content folder, by evidence id. `--json` keeps the counts under `--label`
in the JSON file RESULTS.md is made from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.buyer_forms import BUYER, FORMS, Heard, every_pitch, whose_from

BENCH = Path(__file__).resolve().parent
STEP_NAMES = ("Warmer", "Reframe", "Rational drowning", "Emotional impact",
              "Cost of doing nothing", "A new way", "Our solution", "Next step",
              "Discovery questions")
TELLTALES = (r"it tends to show up first in", r"one thing keeps coming up",
             r"\bwhere [^.?!]{1,80} is part of that\b")
"""What the old assembled Warmer said whatever the card (issue 28)."""
_SOLUTION_HEADING = re.compile(r"^\s*(#+\s*)?(\d+\.\s*)?our solution\b", re.I | re.M)
_MARK = "\x00OUR-SOLUTION\x00"
_LABEL_LINE = re.compile(r"^[#\s\d.*]*(" + "|".join(STEP_NAMES) + r")\b[\s*]*"
                         r"(\(.*\)|<span.*)?\s*$", re.I)
SELLING = ("our-results figure", "internal figure", "name", "answer")
REP_ONLY = ("rep note", "internal figure", "method label", "rep's instruction")
_SCORECARD = re.compile(r"^[#\s*]*differentiation( scorecard)?:? \d+ of \d+", re.I)
_OF = re.compile(r"\(\d+ of \d+\)")


def norm(text: str) -> str:
    """Lower-case words, markup and line breaks gone: texts compare however wrapped."""
    text = re.sub(r"[*_`>|]|<[^>]+>", " ", text.replace("\u2019", "'"))
    return " ".join(text.split()).casefold()


def probe(text: str, words: int = 8) -> str:
    """The first words of a text's first sentence: found wherever the text is shown."""
    first = re.split(r"(?<=[.?!])\s", norm(text), maxsplit=1)[0]
    return " ".join(first.split()[:words]).rstrip(".?!:;,")


def _sentences(text: str) -> list[str]:
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+\.)\s+", "", text)
    return [s for s in re.split(r"(?<=[.?!])\s+", norm(text)) if len(s.split()) >= 4]


def _part(pitch: Any, title: str) -> str:
    return next((p.text for p in pitch.steps if p.title == title), "")


def before_solution(heard: Heard, blocks: tuple[str, ...]) -> str:
    """The normalised text said before Our solution in one form."""
    raw = "\n\n".join(blocks)
    marked = _SOLUTION_HEADING.sub(_MARK, raw, count=1)
    text = norm(marked)
    ends = [text.find(norm(_MARK))] if _MARK in marked else []
    card = heard.pitch.card
    general = getattr(card.sections.get("Our solution"), "text", "")
    headline = getattr(card, "headlines", {}).get("our-solution", "")
    said = [*_sentences(_part(heard.pitch, "Our solution")), *_sentences(general)]
    ends += [i for s in said if (i := text.find(" ".join(s.split()[:8]))) >= 0]
    if headline and (i := text.find(norm(headline))) >= 0:  # a public card page's heading
        ends.append(i)
    return text[:min(ends)] if ends else text


def _whose(item: Any, ledger: dict[str, str]) -> str:
    whose = getattr(item, "whose", None)
    if whose:
        return str(getattr(whose, "value", whose))
    if str(getattr(item.audience, "value", item.audience)) == "internal":
        return "internal"
    return ledger.get(getattr(item, "id", "") or "", "our-results")


def _has_figure(text: str, figure: str) -> bool:
    figure = norm(figure)
    return bool(figure) and any(c.isdigit() for c in figure) and re.search(
        rf"(?<![\w.,]){re.escape(figure)}(?![\d])", text) is not None


def early_selling(heard: Heard, text: str, cover: str, ledger: dict[str, str]) -> list[str]:
    """What one form says before Our solution that only Our solution may say."""
    pitch, found = heard.pitch, []
    research = {norm(e.figure) for e in pitch.evidence if _whose(e, ledger) == "research"}
    for item in pitch.evidence:
        whose = _whose(item, ledger)
        if "worked example" in norm(item.figure + " " + item.claim):
            continue  # the card's own arithmetic, in no one's name (issue 28's item 6)
        if whose != "research" and ((norm(item.figure) not in research and _has_figure(
                text, item.figure)) or probe(item.claim, 7) in text):
            found.append(f"{whose} figure {item.figure}")
    bare = text
    for item in pitch.evidence:
        bare = bare.replace(norm(item.source), " ")
    names = [heard.company.name] + [i.name for i in (*heard.company.offerings,
             *heard.company.differentiators, *pitch.differentiators)]
    for name in dict.fromkeys(names):
        where = bare.replace(cover, " ", 1) if name == heard.company.name and cover else bare
        if re.search(rf"\b{re.escape(norm(name))}\b", where):
            found.append(f"name '{name}'")
    answers = [c.answer for c in getattr(pitch.persona, "concerns", ()) if c.answer]
    answers += [o.answer for o in pitch.objections]
    found += [f"answer '{probe(a)}'" for a in answers if probe(a) and probe(a) in text]
    return found


def assembled_warmer(pitch: Any) -> bool:
    """A Warmer is spoken that the card does not write for this buyer."""
    spoken = _part(pitch, "Warmer").strip()
    section = pitch.card.sections.get("Warmer")
    written = ""
    if section is not None:
        for_buyer = getattr(section, "for_buyer", None)
        written = for_buyer(pitch.persona.id, pitch.industry.id) if for_buyer else section.text
    return bool(spoken) and not written.strip()


def rep_only(heard: Heard, blocks: tuple[str, ...], ledger: dict[str, str]) -> list[str]:
    """What a buyer-facing form holds that only the rep may see."""
    from pitchcraft.load.rep_notes import card_notes
    from pitchcraft.render.terminal_text import text_lines

    pitch, text, found = heard.pitch, norm("\n".join(blocks)), []
    notes = [line for n in card_notes(pitch.card) for line in text_lines(n.text)]
    found += [f"rep note '{probe(n)}'" for n in notes if probe(n) and probe(n) in text]
    public = {norm(e.figure) for e in pitch.evidence if _whose(e, ledger) != "internal"}
    for item in pitch.evidence:
        if _whose(item, ledger) == "internal" and (probe(item.claim, 7) in text or (
                norm(item.figure) not in public and _has_figure(text, item.figure))):
            found.append(f"internal figure {item.figure}")
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    found += [f"method label '{line[:40]}'" for line in lines
              if _LABEL_LINE.match(line) or _OF.search(line)]
    found += [f"rep's instruction '{line[:40]}' (the scorecard)" for line in lines
              if _SCORECARD.match(line)]
    section = pitch.card.sections.get("Next step")
    steps = [getattr(pitch.persona, "next_step", ""), _part_text(pitch, "next_step"),
             section.text if section is not None else "", pitch.discovery_questions]
    found += [f"rep's instruction '{s[:50]}'" for t in steps if t
              for s in _sentences(t) if _starts_sentence(" ".join(s.split()[:8]), text)]
    return found


def _starts_sentence(words: str, text: str) -> bool:
    """`words` open a sentence of `text` ("we propose a call" is not "propose a call")."""
    return re.search(rf"(?<![\w,'] ){re.escape(words)}", text) is not None


def _part_text(pitch: Any, name: str) -> str:
    part = getattr(pitch, name, None)
    return getattr(part, "text", "") or ""


def _cover(form_name: str, blocks: tuple[str, ...]) -> str:
    """A deck's title slide or a page's lines above its first `##`: where the company may
    name itself as the one presenting."""
    if "deck" in form_name or form_name == "leave-behind":
        return norm(blocks[0]) if blocks else ""
    return norm(blocks[0].split("\n## ", 1)[0]) if blocks and "\n## " in blocks[0] else ""


def measure(content_dir: Path, out: Path, render: bool = True,
            ledger: dict[str, str] | None = None, examples: int = 8) -> dict[str, Any]:
    """The four numbers (and where they come from) for one content folder."""
    ledger = ledger or {}
    pitches = selling = warmers = telltale = 0
    outputs: Counter[str] = Counter()
    holding: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    selling_by_form: Counter[str] = Counter()
    selling_kinds: Counter[str] = Counter()
    shown: dict[str, list[str]] = {"early selling": [], "assembled Warmer": [],
                                   "rep-only in buyer output": [], "deck layout": []}
    decks = []
    for heard in every_pitch(content_dir, out):
        pitches += 1
        early = False
        for form in heard.forms:
            outputs[form.name] += 1
            found = early_selling(heard, before_solution(heard, form.blocks),
                                  _cover(form.name, form.blocks), ledger)
            if found:
                early = True
                selling_by_form[form.name] += 1
                selling_kinds.update({k for k in SELLING for f in found if k in f})
                shown["early selling"].append(f"{heard.name} ({form.name}): {found[0]}")
            text = norm("\n".join(form.blocks))
            if any(re.search(t, text) for t in TELLTALES):
                telltale += 1
            if form.reader == BUYER:
                held = rep_only(heard, form.blocks, ledger)
                if held:
                    holding[form.name] += 1
                    kinds.update({k for k in REP_ONLY for h in held if h.startswith(k)})
                    shown["rep-only in buyer output"].append(
                        f"{heard.name} ({form.name}): {held[0]}")
            if form.deck is not None:
                decks.append((heard.name, form.name, form.deck))
        selling += early
        if assembled_warmer(heard.pitch):
            warmers += 1
            shown["assembled Warmer"].append(
                f"{heard.name}: {' '.join(_part(heard.pitch, 'Warmer').split())[:140]}")
    layout = _layout(decks, out, shown) if render else None
    return {
        "pitches": pitches,
        "outputs": dict(outputs),
        "early_selling_pitches": selling,
        "early_selling_by_form": dict(selling_by_form),
        "early_selling_by_kind": dict(selling_kinds),
        "assembled_warmers": warmers,
        "telltale_outputs": telltale,
        "buyer_outputs": sum(n for f, n in outputs.items() if FORMS[f] == BUYER),
        "buyer_outputs_holding_rep_only": sum(holding.values()),
        "rep_only_by_form": dict(holding),
        "rep_only_by_kind": dict(kinds),
        "deck_layout": layout,
        "examples": {k: v[:examples] for k, v in shown.items()},
    }


def _layout(decks: list[tuple[str, str, Path]], out: Path, shown: dict[str, list[str]]
            ) -> dict[str, int]:
    from bench.libreoffice import layout_problems, pages, to_pdf

    counts = dict.fromkeys(("decks", "slides", "slides off the slide",
                            "slides with text over text", "decks with a problem"), 0)
    pdfs = to_pdf([path for _, _, path in decks], out / "pdf")
    for (name, form, _), pdf in zip(decks, pdfs, strict=True):
        counts["decks"] += 1
        bad = False
        for page in pages(pdf):
            counts["slides"] += 1
            problems = layout_problems(page)
            off = any("runs off the slide" in p for p in problems)
            over = any(p.endswith("overlap") for p in problems)
            counts["slides off the slide"] += off
            counts["slides with text over text"] += over
            if off or over:
                bad = True
                shown["deck layout"].append(f"{name} ({form}): {problems[0]}")
        counts["decks with a problem"] += bad
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", nargs="?", type=Path, default=BENCH.parent / "content")
    parser.add_argument("--label", default="after", help="The key in the JSON file.")
    parser.add_argument("--commit", default="", help="The commit measured, for the JSON.")
    parser.add_argument("--whose-from", type=Path, help="A ledger that says whose each item is.")
    parser.add_argument("--no-render", action="store_true", help="Skip LibreOffice.")
    parser.add_argument("--out", type=Path, help="Keep the decks and PDFs here.")
    parser.add_argument("--json", type=Path, help="Keep the counts under --label here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        counts = measure(args.content, args.out or Path(scratch), not args.no_render,
                         whose_from(args.whose_from))
    print(json.dumps(counts, indent=1))
    if args.json:
        kept = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        command = " ".join(["python -m bench.buyer_ready", *sys.argv[1:]])
        kept[args.label] = {"commit": args.commit, "date": dt.date.today().isoformat(),
                            "command": command, **counts}
        args.json.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
