"""Both demo meeting packs' decks as LibreOffice Impress shows them: every slide of every
attendee's presenter copy and leave-behind, judged by the shared judge (helpers/libreoffice.py):
no text off the slide, no text over text. All decks are converted in one LibreOffice run.

The decks are made by the real command, as a rep makes them, so what is judged is what is
sent: the slides `prep` adds (the title naming the attendee and the account, the account's own
figures, its proposal) and the deck code's own slides around them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builders import REPO
from libreoffice import Page, layout_problems, pages, to_pdf
from pitchcraft.prep.pack import slug

PITCHCRAFT = Path(sys.executable).parent / "pitchcraft"
ACCOUNTS = sorted((REPO / "accounts").glob("*.yml"))
COPIES = ("presenter", "leave-behind")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, list[Page]]]:
    """'<account>/<deck file stem>' -> (the account file's data, the deck's pages)."""
    folder = tmp_path_factory.mktemp("packs")
    decks: list[tuple[str, Path, dict]] = []
    for account in ACCOUNTS:
        pack = folder / account.stem
        run = subprocess.run([str(PITCHCRAFT), "prep", str(account), str(REPO / "content"),
                              "-o", str(pack), "-f", str(REPO / "mkdocs.yml")],
                             capture_output=True, text=True, check=False, cwd=REPO)
        assert run.returncode == 0, run.stderr
        data = yaml.safe_load(account.read_text(encoding="utf-8"))
        decks += [(account.stem, deck, data) for deck in sorted(pack.glob("*.pptx"))]
    # file names are unique across packs (LibreOffice writes every PDF into one folder)
    copies = [folder / "all" / f"{stem}--{deck.name}" for stem, deck, _ in decks]
    for (_, deck, _), copy in zip(decks, copies, strict=True):
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(deck.read_bytes())
    pdfs = to_pdf(copies, folder / "pdf")
    return {f"{stem}/{deck.stem}": (data, pages(pdf))
            for (stem, deck, data), pdf in zip(decks, pdfs, strict=True)}


def test_every_attendee_gets_both_copies(
        rendered: dict[str, tuple[dict, list[Page]]]) -> None:
    for account in ACCOUNTS:
        names = [a["name"] for a in yaml.safe_load(account.read_text())["attendees"]]
        made = {name.split("/", 1)[1] for name in rendered if name.startswith(account.stem)}
        # an attendee no card serves gets no deck; the demo's attendees are all served
        assert made == {f"{slug(n)}-{c}" for n in names for c in COPIES}


def test_every_slide_of_both_copies_keeps_its_text_on_the_slide_with_no_text_over_text(
        rendered: dict[str, tuple[dict, list[Page]]]) -> None:
    problems = [f"{name}: {problem}" for name, (_, found) in rendered.items()
                for page in found for problem in layout_problems(page)]
    assert problems == []
    assert all(page.blocks for _, found in rendered.values() for page in found)


def test_the_slides_prep_adds_are_there_as_the_buyer_sees_them(
        rendered: dict[str, tuple[dict, list[Page]]]) -> None:
    """The title slide names the account and says it is confidential, the account's figures
    are on a slide, and the last slide is the account's proposal, in both copies."""
    for name, (data, found) in rendered.items():
        title, last = found[0].text, found[-1].text
        assert data["company"] in title and "Confidential" in title, name
        assert any(f"Your figures, {data['company']}" in p.text for p in found[1:-1]), name
        first_words = " ".join(data["next_step"]["proposal"].split()[:6])
        assert first_words in last, name
        assert all(data["next_step"]["proposal"] not in p.text for p in found[:-1]), name
