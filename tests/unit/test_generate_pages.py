"""The page writer under `pitchcraft generate` and the preview: a file changed by hand is put
back, a page that is gone loses its file, and a team's own template reaches every page it
renders."""

from __future__ import annotations

import datetime as dt

from builders import DEMO
from pitchcraft.output.incremental import SiteGenerator
from pitchcraft.site.pages import SiteOptions
from pitchcraft.theme_files import templates_dir


def test_repeated_writes_restore_a_page_changed_by_hand_and_remove_gone_ones(tmp_path):
    """A preview writes the same folder on every save and skips pages it wrote unchanged; a
    file someone edited in between is still put back, and a page that is gone still goes."""
    from pitchcraft.output.page_writer import write_pages
    from pitchcraft.site.pages import Page

    out, known = tmp_path / "pages", {}
    pages = [Page("cards/a.md", "# A\n"), Page("cards/b.md", "# B\n"), Page("index.md", "# Home\n")]
    assert len(write_pages(pages, out, known).written) == 3
    (out / "cards/a.md").write_text("# Edited by hand, longer\n")
    again = write_pages(pages, out, known)
    assert again.written == ("cards/a.md",) and (out / "cards/a.md").read_text() == "# A\n"
    gone = write_pages(pages[1:], out, known)
    assert gone.removed == ("cards/a.md",) and not (out / "cards/a.md").exists()
    assert sorted(p.name for p in out.rglob("*.md")) == ["b.md", "index.md"]


def test_a_team_template_added_or_removed_between_saves_reaches_the_pages_it_renders(tmp_path):
    """The preview keeps pages made from unchanged cards; a team's own template changing under
    it must still reach every page that template renders, and its removal restore Pitchcraft's."""
    own, today, generator = tmp_path / "templates", dt.date(2026, 11, 30), SiteGenerator()
    (own / "site").mkdir(parents=True)
    content = generator.load(DEMO, today)

    def card_pages() -> dict[str, str]:
        pages = generator.pages(content, SiteOptions(), today, [own, templates_dir()]).pages
        return {p.path: p.markdown for p in pages if p.path.startswith("cards/")}

    packaged = card_pages()
    (own / "site" / "card.md.j2").write_text("Our own card page for {{ card.id }}.\n")
    ours = card_pages()
    assert all("Our own card page for" in text for text in ours.values())
    (own / "site" / "card.md.j2").unlink()
    assert card_pages() == packaged
