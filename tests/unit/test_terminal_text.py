"""The terminal pitch (`pitchcraft pitch`, the `plain` template filter) reads like the card:
identifiers intact, code, tables and quotes on their own lines, nested lists indented, and
emphasis that spans a line break gone without a trace."""

from __future__ import annotations

from pitchcraft.render.templates import plain


def test_identifiers_with_underscores_stay_intact():
    assert plain("Set max_demand_kw, then `peak_kw_15m`, on site_a.") == (
        "Set max_demand_kw, then peak_kw_15m, on site_a.")


def test_bold_that_wraps_loses_only_its_marks():
    text = "Idle lines burn **140 hours a year\nof baseload, about 6%** of the bill."
    assert plain(text, 40) == (
        "Idle lines burn 140 hours a year of\nbaseload, about 6% of the bill.")


def test_code_blocks_tables_and_quotes_keep_their_lines():
    text = ("Before.\n\n```\nkw = meter.read()\n  if kw > cap:\n```\n\n"
            "| Site | kW |\n|---|---|\n| Leeds | 410 |\n\n> One line.\n> Another line.\n")
    assert plain(text, 72, 2) == (
        "  Before.\n\n"
        "      kw = meter.read()\n        if kw > cap:\n\n"
        "  Site | kW\n  Leeds | 410\n\n"
        "  > One line.\n  > Another line.")


def test_nested_lists_keep_their_indentation_and_wrap_under_their_text():
    text = ("- Shift start\n  - Compressors at 06:00 pull the peak that sets a month of"
            " demand charges\n- Lunch\n\n1. First\n2. Second")
    assert plain(text, 40) == (
        "- Shift start\n"
        "  - Compressors at 06:00 pull the peak\n"
        "    that sets a month of demand charges\n"
        "- Lunch\n\n"
        "1. First\n2. Second")


def test_links_read_as_text_and_address_and_headings_stand_out():
    assert plain("## Next step\n\nSee [the calculator](https://example.com/calc).") == (
        "NEXT STEP\n\nSee the calculator (https://example.com/calc).")
