"""Decks judged as a buyer's client shows them: LibreOffice Impress renders, Poppler reads.

`to_pdf` converts many .pptx files in one `soffice --headless --convert-to pdf` call (start-up
is most of its cost), each run with its own user profile so parallel runs do not share one.
`pages` reads every page's words with their boxes from `pdftotext -bbox-layout`, and
`layout_problems` says, page by page, which text runs off the slide and which words sit on top
of others. Words, not pdftotext's blocks, are compared: where a headline runs over the bullets
pdftotext merges both into one block, but their words still overlap.

One judge for the benchmark (bench/buyer_ready.py) and the deck tests, which import it
through tests/helpers/libreoffice.py. `tools/install-test-tools.sh` installs LibreOffice
Impress and Poppler where they are missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_XHTML = "{http://www.w3.org/1999/xhtml}"
OFF_SLIDE_TOLERANCE = 1.0
"""Points a glyph's box may pass the page's edge (rounding in the PDF)."""
OVERLAP_SHARE = 0.25
"""Two words overlap when their boxes share more than this share of the smaller one's
height (lines of one paragraph touch a little at tight line spacing) and 2 points of width."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    blocks: int
    """How many text blocks pdftotext found: a page with no text has none."""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def tools_missing() -> list[str]:
    return [tool for tool in ("soffice", "pdftotext", "pdftoppm") if shutil.which(tool) is None]


def to_pdf(decks: Sequence[Path], folder: Path) -> list[Path]:
    """Each deck as a PDF in `folder`, in one LibreOffice run; the PDFs in the decks' order.
    Decks must have distinct file names."""
    assert not tools_missing(), f"run tools/install-test-tools.sh: missing {tools_missing()}"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), *map(str, decks)],
            capture_output=True, text=True, timeout=900, check=False)
    pdfs = [folder / f"{deck.stem}.pdf" for deck in decks]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stderr[-2000:]}"
    return pdfs


def pages(pdf: Path) -> list[Page]:
    """Every page's size, words and number of text blocks, as pdftotext reads them."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"^<!DOCTYPE[^>]*>", "", xhtml))
    found = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        words = tuple(Word(w.text or "", *(float(w.get(k, "0")) for k in
                                           ("xMin", "yMin", "xMax", "yMax")))
                      for w in page.iter(f"{_XHTML}word"))
        found.append(Page(number, float(page.get("width", "0")),
                          float(page.get("height", "0")), words,
                          len(list(page.iter(f"{_XHTML}block")))))
    return found


def layout_problems(page: Page) -> list[str]:
    """What a person would see wrong on the page: text off the slide, text over text."""
    problems = []
    edge = OFF_SLIDE_TOLERANCE
    for word in page.words:
        if word.x0 < -edge or word.y0 < -edge or word.x1 > page.width + edge \
                or word.y1 > page.height + edge:
            problems.append(f"page {page.number}: '{word.text}' runs off the slide")
    ordered = sorted(page.words, key=lambda w: w.y0)
    for index, word in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.y0 >= word.y1:
                break
            if _overlap(word, other):
                problems.append(f"page {page.number}: '{word.text}' and '{other.text}'"
                                " overlap")
    return problems


def _overlap(a: Word, b: Word) -> bool:
    high = min(a.y1, b.y1) - max(a.y0, b.y0)
    wide = min(a.x1, b.x1) - max(a.x0, b.x0)
    smaller = min(a.y1 - a.y0, b.y1 - b.y0)
    return wide > 2 and high > OVERLAP_SHARE * smaller


def png(pdf: Path, page: int, target: Path, dpi: int = 50) -> Path:
    """One page as a PNG, to look at."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")
