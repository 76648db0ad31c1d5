"""A card that once crashed or emptied a real `mkdocs build` now stops it with a finding.

The build fails before MkDocs cleans the site folder, so the previous site stays in place.
"""

from __future__ import annotations

from builders import ContentFolder, site_project
from site_server import mkdocs_build


def test_deeply_nested_lists_stop_the_build_with_a_finding_and_keep_the_site(tmp_path):
    folder = ContentFolder(tmp_path / "content")
    folder.card("late-payers")
    project = site_project(tmp_path, folder.root)
    site = tmp_path / "site"
    assert mkdocs_build(project, site, "--no-strict").returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    nested = "".join("    " * depth + "- x\n" for depth in range(560))  # 630 KB
    card = project / "content/insights/late-payers.md"
    card.write_text(card.read_text().replace("## A new way\n", f"## A new way\n{nested}"))
    result = mkdocs_build(project, site, "--no-strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "late-payers.md" in result.stderr and "Markdown nested too deep" in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
