"""A public card whose rep-only notes sit in every Markdown container, each holding a word
found nowhere else, so a leak names the container it came from."""

from __future__ import annotations

import gzip
import html
from collections.abc import Callable
from pathlib import Path

from builders import FRONT, ContentFolder, site_project

MARKERS = {
    "quote": "quotenotezqx",
    "tab": "tabnotezqx",
    "md_in_html": "divnotezqx",
    "extra class": "extraclassnotezqx",
    "nested admonition": "nestednotezqx",
    "collapsible": "foldnotezqx",
}


BODY = f"""\
## Warmer
Finance teams we meet plan cash around who pays late. Is that how yours works?

## Reframe
Late payment is a forecast you are not making.

> Finance teams say the same thing.
>
> !!! rep "Rep only"
>     Ask who owns the forecast, then {MARKERS["quote"]} wait.

### For: cfo
Your forecast misses because late payment is treated as noise.

## Rational drowning
Distributors collect 11.4 days after terms.

=== "In the ledger"

    The ledger shows it every month.

    !!! rep
        Say the ledger words, {MARKERS["tab"]} never the name.

=== "In the forecast"

    The forecast shows it every quarter.

## Cost of doing nothing
Every day of DSO ties up cash.

<div markdown>
Cash waits in the receivables.

!!! rep
    The controller here is new, {MARKERS["md_in_html"]} be gentle.
</div>

## Emotional impact
A regional distributor missed payroll.

!!! warning rep
    Do not name the distributor, {MARKERS["extra class"]} it is a customer.

## A new way
Predict who will pay late before the invoice goes out.

!!! note "Think of it this way"
    A forecast you can act on.

    !!! rep
        Pause here, {MARKERS["nested admonition"]} let them answer.

## Our solution
Predictive dunning ranks invoices by risk.

??? rep "Pricing"
    #### The floor, {MARKERS["collapsible"]}

    Discount up to a fifth, {MARKERS["collapsible"]} never in writing.

## Discovery questions
- How do you forecast cash today?

## Objections
### We already have a collections team.
They chase after the fact; prediction works before it.
"""


HTML_NOTES = {
    "duplicate class": '<div class="rep" class="x">zqdupsecret</div>',
    "entity in the class": '<div class="&#114;ep">zqentsecret</div>',
    "self-closing div": '<div class="rep"/>zqselfsecret</div>',
    "textarea": '<div class="rep"><textarea></div></textarea>zqtextareasecret</div>',
    "title": '<div class="rep"><title></div></title>zqtitlesecret</div>',
    "xmp": '<div class="rep"><xmp></div></xmp>zqxmpsecret</div>',
    "noscript": '<div class="rep"><noscript></div></noscript>zqnoscriptsecret</div>',
    "style": '<div class="rep"><style></div></style>zqstylesecret</div>',
}
"""Notes in raw HTML that a simple parser and a browser read differently."""


def leaked(text: str) -> list[str]:
    return [name for name, word in MARKERS.items() if word in text]


def notes_project(root: Path) -> Path:
    """A site project under `root` around that one card, with decks on."""
    folder = ContentFolder(root / "content")
    folder.card("card", front=FRONT + "audience: public\n", body=BODY)
    project = site_project(root, folder.root)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - pitchcraft:\n", "  - pitchcraft:\n      decks: true\n"))
    notes = "\n\n".join(HTML_NOTES.values())  # a page of the site's own, in raw HTML
    (project / "docs" / "raw-notes.md").write_text(
        f"# Raw notes\n\nSaid first.\n\n{notes}\n\nAlso said last.\n")
    return project


def site_text(site: Path, deck_text: Callable[[Path], str] | None = None) -> dict[str, str]:
    """Every file of a built site as text by path, compressed ones (Pagefind's) decompressed,
    entities decoded; with `deck_text`, each .pptx as the text it gives."""
    texts = {}
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            if file.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            if deck_text is not None and file.suffix == ".pptx":
                raw = deck_text(file).encode()
            texts[file.relative_to(site).as_posix()] = html.unescape(raw.decode("utf-8", "replace"))
    return texts

