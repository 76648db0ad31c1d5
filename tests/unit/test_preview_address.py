"""The preview serves a site at the address `mkdocs serve` would give it: its pages' canonical
links and sitemap show that address, so they equal a clean build's with the same `site_url`."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("mount", ["/", "", "/docs", "docs/", "/a/b/"])
def test_the_preview_s_address_is_the_one_mkdocs_serve_gives(mount):
    """`mkdocs serve` makes the address in a private function; the preview makes its own, and
    this fails by name if MkDocs changes how it makes it (or drops the function)."""
    from mkdocs import livereload

    from pitchcraft.preview.site import served_address

    assert served_address("127.0.0.1", 8000, mount) == \
        livereload._serve_url("127.0.0.1", 8000, mount)
