"""The LibreOffice judge, for tests: its code is `bench.libreoffice`, which the benchmark uses
too (one judge of what a buyer's client shows)."""

from bench.libreoffice import (  # noqa: F401 - re-exported for the tests
    OFF_SLIDE_TOLERANCE,
    OVERLAP_SHARE,
    Page,
    Word,
    layout_problems,
    pages,
    png,
    to_pdf,
    tools_missing,
)
