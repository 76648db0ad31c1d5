"""Bounded work on hostile input: every file Pitchcraft reads is judged by its size before it
is read, every number a cost model computes with fits a float, and a reference deck is judged
by its zip directory before python-pptx inflates a byte of it.

Memory is measured with `tracemalloc` around the real call: a file that is refused unread
costs next to nothing, one that is read costs at least its own size.
"""

from __future__ import annotations

import io
import os
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pptx import Presentation
from pptx.util import Inches

from builders import LEDGER, TAXONOMY, ContentFolder
from cost_content import COST_FRONT, COST_LEDGER, cost_folder
from findings import BIG, ERROR, assert_clean_exit, assert_findings, edit, want, where
from pitchcraft.cli import main

MB = 1_000_000


def peak_bytes(call: Callable[[], Any]) -> tuple[Any, int]:
    """What `call` returns and the most memory Python held for it at any one time."""
    tracemalloc.start()
    try:
        return call(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def check(folder: ContentFolder) -> Result:
    return CliRunner().invoke(main, ["check", str(folder.root)])


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk and no time to write (all zero bytes)."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


# --- data files: refused by size before they are read --------------------------------------


def test_a_50_mb_ledger_is_refused_unread_with_its_size_and_cap(folder):
    folder.card("late-payers")
    ledger = sparse(folder.root / "evidence.yml", 50 * 2**20)
    content, peak = peak_bytes(folder.load)
    assert_findings(content, want(ledger, (1, 1), ERROR, ("52,428,800 bytes", "2,000,000"),
                                  "ledger"))
    assert peak < 5 * MB, f"{peak:,} bytes held: the file was read"


def test_a_ledger_of_real_entries_over_its_cap_is_one_finding_not_a_parse(folder):
    folder.card("late-payers")
    entry = ("  - id: fig-{0}\n    figure: {0}%\n    claim: A share of the bill in region {0}.\n"
             "    source: Tariff survey, page {0}\n    as_of: 2025-11-30\n")
    ledger = folder.write("evidence.yml", LEDGER + "".join(map(entry.format, range(20_000))))
    size = ledger.stat().st_size
    assert size > 2 * MB
    started = time.perf_counter()
    content, peak = peak_bytes(folder.load)
    assert_findings(content, want(ledger, (1, 1), ERROR, (f"{size:,} bytes", "2,000,000")))
    assert "aliases" not in content.findings[0].message
    assert peak < 5 * MB and time.perf_counter() - started < 5


def test_a_50_mb_taxonomy_is_refused_unread_and_check_says_so(folder):
    folder.card("late-payers")
    taxonomy = sparse(folder.root / "taxonomy.yml", 50 * 2**20)
    content, peak = peak_bytes(folder.load)
    assert [f.message for f in content.findings if f.path == taxonomy.as_posix()] == [
        "file is 52,428,800 bytes (at most 1,000,000)"]
    assert peak < 5 * MB, f"{peak:,} bytes held: the file was read"
    result = check(folder)
    assert_clean_exit(result)
    assert f"{taxonomy.as_posix()}:1:1: error: file is 52,428,800 bytes" in result.output


def test_a_taxonomy_of_real_entries_over_its_cap_is_one_finding(folder):
    industry = "  - id: industry-{0}\n    name: Industry {0}\n    description: Shops {0}.\n"
    text = edit(TAXONOMY, "problems:\n", "".join(map(industry.format, range(20_000)))
                + "problems:\n")
    taxonomy = folder.write("taxonomy.yml", text)
    content, peak = peak_bytes(folder.load)
    assert_findings(content, want(taxonomy, (1, 1), ERROR,
                                  (f"{taxonomy.stat().st_size:,} bytes", "1,000,000"), "taxonomy"))
    assert peak < 5 * MB


def test_data_files_at_their_cap_are_read(folder):
    """The caps are sizes a file may have: one at the cap, padded with a comment, is read."""
    for name, text, cap in (("taxonomy.yml", TAXONOMY, MB), ("evidence.yml", LEDGER, 2 * MB)):
        pad = cap - len(text.encode()) - 2
        folder.write(name, text + "#" + "x" * pad + "\n")
        assert (folder.root / name).stat().st_size == cap
    folder.card("late-payers")
    assert_findings(folder.load())


# --- numbers no float can hold: findings with their lines, never tracebacks -----------------


@pytest.mark.parametrize(("field", "old"), [
    ("max", "max: 50000000"), ("default", "default: 1200000"), ("min", "min: 100000")])
def test_a_400_digit_input_bound_is_a_finding_on_its_line(folder, field, old):
    cost_folder(folder, front=edit(COST_FRONT, old, f"{field}: {BIG}"))
    card = folder.root / "insights/startup.md"
    line, col = where(card, f"{field}: {BIG}")
    assert_findings(folder.load(), want(card, (line, col + len(field) + 2), ERROR,
                                        f"annual_spend: {field} is too large to compute with"))
    result = check(folder)
    assert_clean_exit(result)
    assert "too large to compute with" in result.output


@pytest.mark.parametrize("formula", [f"annual_spend * {BIG}", BIG, f"'{BIG}%'"])
def test_a_400_digit_formula_literal_is_a_finding_at_its_column(folder, formula):
    old = "formula: annual_spend * ledger.demand-share"
    cost_folder(folder, front=edit(COST_FRONT, old, f"formula: {formula}"))
    card = folder.root / "insights/startup.md"
    line, col = where(card, BIG)
    assert_findings(folder.load(), want(card, (line, col), ERROR,
                                        ("demand_charge: a number of 401 digits",
                                         "too large to compute with")))
    assert_clean_exit(check(folder))


@pytest.mark.parametrize("figure", [BIG, "$" + "9" * 305 + " million"])
def test_a_ledger_figure_too_large_for_a_float_is_a_finding_on_the_ledger_and_the_card(
    folder, figure
):
    cost_folder(folder)
    ledger = folder.write("evidence.yml", edit(COST_LEDGER, "figure: 38%", f"figure: '{figure}'"))
    card = folder.root / "insights/startup.md"
    assert_findings(
        folder.load(),
        want(ledger, where(ledger, f"'{figure}'"), ERROR,
             ("evidence 'demand-share'", "too large to compute with")),
        want(card, where(card, "ledger.demand-share"), ERROR,
             "ledger figure 'demand-share' is too large to compute with"),
    )
    assert_clean_exit(check(folder))


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1.0e+400"])
def test_an_infinite_input_bound_is_a_finding_not_a_missing_cost_model(folder, value):
    """These once left the model unread: the only findings were on its {cost:} uses."""
    cost_folder(folder, front=edit(COST_FRONT, "max: 50000000", f"max: {value}"))
    card = folder.root / "insights/startup.md"
    line, col = where(card, f"max: {value}")
    assert_findings(folder.load(), want(card, (line, col + 5), ERROR, "annual_spend: max is"))


# --- reference decks: judged by their zip directory, cut down to their look ---------------


def small_deck(path: Path, slides: int = 0) -> Path:
    """A real deck, as python-pptx saves one, with `slides` example slides."""
    deck = Presentation()
    for number in range(slides):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = f"Example slide {number + 1}"
    deck.save(str(path))
    return path


def with_member(deck: Path, name: str, chunks: int, chunk: bytes,
                method: int = zipfile.ZIP_DEFLATED, level: int = 1) -> Path:
    """`deck` with one more member of `chunks` x `chunk`, written a chunk at a time."""
    with zipfile.ZipFile(deck, "a", method, compresslevel=level) as archive, \
            archive.open(name, "w") as member:
        for _ in range(chunks):
            member.write(chunk)
    return deck


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A valid deck plus a member of 1 GiB of zeros: a 5 MB file (1.5 s to write)."""
    deck = small_deck(tmp_path_factory.mktemp("bomb") / "brand.pptx", slides=1)
    return with_member(deck, "ppt/media/image9.png", 64, bytes(16 * 2**20))


def make_deck(folder: ContentFolder, tmp_path: Path, reference: Path) -> Result:
    cost_folder(folder)
    return CliRunner().invoke(main, [
        "deck", "--industry", "retail", "--problem", "late-cash", "--persona", "coo",
        "--reference-deck", str(reference), "-o", str(tmp_path / "out.pptx"), str(folder.root)])


def test_a_zip_bomb_reference_deck_is_refused_before_it_is_opened(folder, tmp_path, zip_bomb):
    started = time.perf_counter()
    result, peak = peak_bytes(lambda: make_deck(folder, tmp_path, zip_bomb))
    assert_clean_exit(result, 2)
    assert "brand.pptx: its" in result.output and "would unpack to 1,07" in result.output
    assert not list(tmp_path.glob("out*.pptx"))
    assert peak < 50 * MB, f"{peak:,} bytes held: the archive was inflated"
    assert time.perf_counter() - started < 10


def test_a_deck_that_inflates_a_hundredfold_is_refused(folder, tmp_path):
    deck = with_member(small_deck(tmp_path / "brand.pptx"), "ppt/media/pad.bin", 5,
                       bytes(MB), level=9)
    assert 5 * MB / deck.stat().st_size > 100
    result = make_deck(folder, tmp_path, deck)
    assert_clean_exit(result, 2)
    assert "times as many; a deck unpacks to at most 100 times its size" in result.output


@pytest.mark.parametrize("end_record_says", [None, 3])
def test_a_deck_of_too_many_parts_is_refused(folder, tmp_path, end_record_says):
    """Checked from the zip's end record before the directory is parsed, and again after
    for an end record that understates the count."""
    deck = small_deck(tmp_path / "brand.pptx")
    with zipfile.ZipFile(deck, "a") as archive:
        for number in range(10_001):
            archive.writestr(f"x/{number}", b"")
    if end_record_says is not None:
        data = bytearray(deck.read_bytes())
        struct.pack_into("<HH", data, len(data) - 22 + 8, end_record_says, end_record_says)
        deck.write_bytes(data)
    result = make_deck(folder, tmp_path, deck)
    assert_clean_exit(result, 2)
    assert "holds 10,0" in result.output and "at most 10,000 are read" in result.output


def test_the_absolute_caps_hold_for_incompressible_decks(tmp_path):
    """Pictures do not compress, so only the caps on bytes stop a large one."""
    from pitchcraft.deck.reference_deck import ReferenceDeckError, template

    deck = with_member(small_deck(tmp_path / "brand.pptx"), "ppt/media/photo.jpg", 3,
                       os.urandom(MB), zipfile.ZIP_STORED)
    assert template(deck).read(2) == b"PK"  # under the real caps it is read
    with pytest.raises(ReferenceDeckError,
                       match=r"would unpack to 3,\d{3},\d{3} bytes, more than the 2,000,000"):
        template(deck, max_inflated_bytes=2 * MB)
    with pytest.raises(ReferenceDeckError, match=r"the file is 3,\d{3},\d{3} bytes, more than"):
        template(deck, max_file_bytes=2 * MB)


def test_the_buyers_deck_carries_none_of_the_references_slides_media_or_properties(
    folder, tmp_path
):
    reference = Presentation()
    reference.core_properties.subject = "Q3 price list, internal"
    example = reference.slides.add_slide(reference.slide_layouts[5])
    example.shapes.title.text = "EXAMPLE: our Q3 prices"
    picture = io.BytesIO()
    small_png(picture)
    example.shapes.add_picture(picture, Inches(1), Inches(1))
    example.notes_slide.notes_text_frame.text = "Say the discount is negotiable."
    reference.save(str(tmp_path / "made.pptx"))
    photo = os.urandom(40 * MB)  # a full-page photograph on the example slide
    deck = tmp_path / "brand.pptx"
    with zipfile.ZipFile(tmp_path / "made.pptx") as made, \
            zipfile.ZipFile(deck, "w", zipfile.ZIP_DEFLATED) as out:
        for info in made.infolist():
            data = made.read(info)
            if info.filename.startswith("ppt/media/"):
                data, info.compress_type = data + photo, zipfile.ZIP_STORED
            out.writestr(info, data)
    result, peak = peak_bytes(lambda: make_deck(folder, tmp_path, deck))
    assert result.exit_code == 0, result.output
    assert peak < 30 * MB, f"{peak:,} bytes held: the reference's slides were read"
    with zipfile.ZipFile(tmp_path / "out-presenter.pptx") as written:
        names = written.namelist()
        everything = b"".join(written.read(name) for name in names)
    assert not [n for n in names if n.startswith(("ppt/media/", "docProps/thumbnail"))]
    for secret in (b"EXAMPLE: our Q3 prices", b"Q3 price list", b"discount is negotiable"):
        assert secret not in everything
    built = Presentation(str(tmp_path / "out-presenter.pptx"))
    assert built.slides[0].shapes.title.text == "Late payers are a forecasting problem"
    assert built.core_properties.author == "Testco"


def small_png(target: io.BytesIO) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 0, 0)).save(target, "PNG")
    target.seek(0)


def test_sections_and_custom_shows_that_name_the_references_slides_are_left_out(
    folder, tmp_path
):
    """PowerPoint lists slides in sections and custom shows too; left in, they would name
    slides the buyer's deck does not have, and PowerPoint would offer to repair the file."""
    made = small_deck(tmp_path / "made.pptx", slides=1)
    deck = tmp_path / "brand.pptx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(deck, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ppt/presentation.xml":
                text = data.decode()
                slide = text.split('<p:sldId id="256" r:id="')[1].split('"')[0]
                text = text.replace("<p:defaultTextStyle>", (
                    '<p:custShowLst><p:custShow name="Pricing only" id="0"><p:sldLst>'
                    f'<p:sld r:id="{slide}"/></p:sldLst></p:custShow></p:custShowLst>'
                    "<p:defaultTextStyle>"))
                text = text.replace("</p:presentation>", (
                    '<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
                    '<p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/'
                    '2010/main"><p14:section name="Pricing" id="{00000000-0000-0000-0000-'
                    '000000000001}"><p14:sldIdLst><p14:sldId id="256"/></p14:sldIdLst>'
                    "</p14:section></p14:sectionLst></p:ext></p:extLst></p:presentation>"))
                data = text.encode()
            out.writestr(info, data)
    result = make_deck(folder, tmp_path, deck)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "out-presenter.pptx") as written:
        presentation = written.read("ppt/presentation.xml").decode()
    assert "Pricing" not in presentation and "custShow" not in presentation
