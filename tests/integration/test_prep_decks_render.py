"""The slides `prep` adds to each attendee's deck (the title naming the attendee and the
account, the account's own figures, the account's next step) as LibreOffice Impress shows
them: no text off the slide, no two text blocks over each other.

The other slides are the deck code's (`deck.slides.build_deck`), judged by its own render
tests; the slides here are found by their text, so the test follows them wherever they sit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from builders import REPO

PITCHCRAFT = Path(sys.executable).parent / "pitchcraft"
Box = tuple[float, float, float, float]


def _pages(pdf: Path) -> list[tuple[float, float, list[tuple[Box, str]]]]:
    """Each page's size and its text blocks with their words, as `pdftotext -bbox-layout`
    reads them."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ET.fromstring(re.sub(r'xmlns="[^"]+"', "", out, count=1))
    pages = []
    for page in root.iter("page"):
        blocks = [(tuple(float(b.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")),
                   " ".join(w.text or "" for w in b.iter("word"))) for b in page.iter("block")]
        pages.append((float(page.get("width", 0)), float(page.get("height", 0)), blocks))
    return pages  # type: ignore[return-value]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def test_the_slides_prep_adds_render_cleanly_in_impress(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Impress is missing: run tools/install-test-tools.sh"
    decks: list[tuple[Path, dict]] = []
    for account in sorted((REPO / "accounts").glob("*.yml")):
        pack = tmp_path / account.stem
        run = subprocess.run([str(PITCHCRAFT), "prep", str(account), str(REPO / "content"),
                              "-o", str(pack), "-f", str(REPO / "mkdocs.yml")],
                             capture_output=True, text=True, check=False, cwd=REPO)
        assert run.returncode == 0, run.stderr
        data = yaml.safe_load(account.read_text())
        decks += [(deck, data) for deck in sorted(pack.glob("*-deck.pptx"))]
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *map(str, (d for d, _ in decks))], capture_output=True, check=True,
                   timeout=600)
    judged = 0
    for deck, data in decks:
        pages = _pages(tmp_path / f"{deck.stem}.pdf")
        ours = [pages[0]]  # the title slide
        ours += [p for p in pages if any(f"Your figures, {data['company']}" in text
                                         for _, text in p[2])]
        ours += [pages[-1]]  # the next step, the account's proposal
        assert len(ours) == 3, deck.name
        assert data["next_step"]["proposal"][:40] in " ".join(t for _, t in pages[-1][2])
        assert data["company"] in " ".join(t for _, t in pages[0][2])
        for width, height, blocks in ours:
            for box, text in blocks:
                assert box[0] >= 0 and box[1] >= 0 and box[2] <= width + 0.5 \
                    and box[3] <= height + 0.5, f"{deck.name}: off the slide: {text}"
            for i, (a, text) in enumerate(blocks):
                for b, other in blocks[i + 1:]:
                    assert not _overlap(a, b), f"{deck.name}: '{text}' over '{other}'"
            judged += 1
    assert judged == 3 * len(decks) and len(decks) >= 6
