"""Two built sites compared as a reader sees them: the same pages, and on each page the same
content (the article), leaving out what only an engine's theme writes there."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

THEME_ONLY = ("//nav[contains(@class, 'md-tags')]", "//a[@id='__skip']")
"""Parts of the article each engine's theme writes in its own way (the tags, a skip target)."""


def pages(site: Path) -> set[str]:
    """The site's HTML pages, by path under it."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def article(page: Path) -> str:
    """The page's content as the theme shows it, without what only the theme adds; an engine's
    own search indexer removes its marks (`data-search-exclude`), so they are left out too."""
    found = lxml_html.fromstring(page.read_bytes()).xpath("//article")
    if not found:
        return ""
    content = found[0]
    for xpath in THEME_ONLY:
        for element in content.xpath("." + xpath):
            element.drop_tree()
    for element in content.xpath(".//*[@data-search-exclude]"):
        del element.attrib["data-search-exclude"]
    return " ".join(lxml_html.tostring(content, encoding="unicode").split())


def differing(site: Path, reference: Path) -> list[str]:
    """Pages of `site` whose content differs from the same page of `reference`."""
    return [page for page in sorted(pages(site) & pages(reference))
            if article(site / page) != article(reference / page)]
