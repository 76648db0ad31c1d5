"""A large build writes its pages in a background process: a page written out of the order the
build listed, or a failure in that process, is a message that stops the build, never a page
read before it is written or a traceback."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from pitchcraft.mkdocs.background_pages import BackgroundPages
from pitchcraft.output.page_writer import Written


@pytest.mark.parametrize(("emitted", "message"), [
    (["b.md"], "page b.md came where a.md was expected"),
    (["a.md", "b.md", "c.md"], "page c.md came where the 2 listed was expected"),
    (["a.md"], "1 pages were written, 2 listed"),
])
def test_pages_written_out_of_order_stop_the_build_with_a_message(emitted, message):
    """MkDocs reads pages in the order the build listed them: a page written out of that
    order, or missing, is an error, never a page read before it is written."""
    def work(written):
        for path in emitted:
            written(path)
        return Written((), 0, ())

    background = BackgroundPages(["a.md", "b.md"], work)
    with pytest.raises(PluginError, match=re.escape(message)):
        background.ready("b.md")
        background.finish()
    background.stop()


def test_a_failure_in_the_page_writing_process_is_a_message_not_a_traceback(capfd):
    def work(written):
        raise ValueError("no figure")

    background = BackgroundPages(["a.md"], work)
    with pytest.raises(PluginError, match="generated pages: ValueError: no figure"):
        background.ready("a.md")
    background.stop()
    assert "Traceback" not in capfd.readouterr().err
