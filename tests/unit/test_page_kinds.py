"""Page kinds are declared in one place, with what each reads, and the preview's staleness
follows from the declarations: a kind whose template reads more than it declares fails here,
and a new kind is one module plus one entry in the registry."""

from __future__ import annotations

import importlib.util

import pytest

from builders import DEMO, TODAY
from pitchcraft.load import load_content
from pitchcraft.render.templates import environment
from pitchcraft.site import page_groups
from pitchcraft.site.kinds import registry
from pitchcraft.site.kinds.kind import Reads
from pitchcraft.site.kinds.template_reads import template_reads
from pitchcraft.site.pages import SiteOptions, build_site, site_pages
from pitchcraft.theme_files import templates_dir

CONTENT = load_content(DEMO, today=TODAY)


def _site(groups: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
    options = SiteOptions() if groups is None else SiteOptions(groups=groups)
    return build_site(CONTENT, options, TODAY)


@pytest.mark.parametrize("kind", registry.KINDS, ids=lambda k: k.group.name)
def test_each_kind_declares_everything_its_templates_read(kind):
    env = environment([templates_dir()])
    assert kind.templates, f"{kind.group.name} declares no template"
    for template, declared in kind.templates.items():
        undeclared = template_reads(env, template) - declared
        assert not undeclared, (
            f"{template} ({kind.group.name}) reads {sorted(r.value for r in undeclared)} but its "
            "kind does not declare it: a preview would serve its page stale")


def test_the_check_catches_a_template_reading_the_whole_site(tmp_path):
    own = tmp_path / "site"
    own.mkdir()
    (own / "card.md.j2").write_text("{{ card.title }} and {{ site.cards | length }} others\n")
    env = environment([tmp_path, templates_dir()])
    assert Reads.SITE in template_reads(env, "site/card.md.j2")
    assert Reads.SITE not in template_reads(environment([templates_dir()]), "site/card.md.j2")


def test_every_page_is_made_from_a_template_its_kind_declares(monkeypatch):
    used: list[tuple[str, str]] = []
    from pitchcraft.site import page_memo

    original = page_memo.PageMemo.page

    def page(self, path, template, *args, **kwargs):  # type: ignore[no-untyped-def]
        used.append((path, template))
        return original(self, path, template, *args, **kwargs)

    monkeypatch.setattr(page_memo.PageMemo, "page", page)
    site_pages(_site(), [templates_dir()])
    declared = {t for kind in registry.KINDS for t in kind.templates}
    assert used and {t for _, t in used} <= declared
    for path, template in used:
        kind = next(k for k in registry.KINDS if k.group.name == page_groups.page_group(path))
        assert template in kind.templates, f"{path} is rendered from {template}"


def _pages_made(site, memo: dict) -> list[str]:  # type: ignore[no-untyped-def]
    """The paths rendered (not taken from `memo`) in one build."""
    from pitchcraft.site import page_memo

    rendered: list[str] = []
    original = page_memo.render

    def render(env, name, **context):  # type: ignore[no-untyped-def]
        rendered.append(name)
        return original(env, name, **context)

    page_memo.render = render
    try:
        site_pages(site, [templates_dir()], memo)
    finally:
        page_memo.render = original
    return rendered


def test_a_second_build_renders_only_the_templates_that_read_the_whole_site():
    site, memo = _site(), {}
    _pages_made(site, memo)
    again = set(_pages_made(site, memo))
    whole_site = {t for k in registry.KINDS if k.shown(site)
                  for t, reads in k.templates.items() if Reads.SITE in reads}
    assert again == whole_site


NEW_KIND = '''
from pitchcraft.site.kinds.kind import Making, PageGroup, PageKind, Reads


def make(making: Making) -> None:
    making.memos.page("glossary.md", "site/glossary.md.j2", "Glossary", "Words we use.",
                      words=tuple(sorted(p.name for p in making.site.taxonomy.problems)))


KIND = PageKind(PageGroup("glossary", "glossary.md", ("Glossary", "glossary.md")),
                {"site/glossary.md.j2": frozenset({Reads.TAXONOMY})}, make)
'''


def test_a_new_kind_is_one_module_and_one_registry_entry(tmp_path, monkeypatch):
    (tmp_path / "glossary.py").write_text(NEW_KIND)
    spec = importlib.util.spec_from_file_location("glossary_kind", tmp_path / "glossary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    templates = tmp_path / "templates"
    (templates / "site").mkdir(parents=True)
    (templates / "site" / "glossary.md.j2").write_text(
        "{% for w in words %}- {{ w }}\n{% endfor %}")

    monkeypatch.setattr(registry, "KINDS", (*registry.KINDS, module.KIND))

    built = page_groups.groups_built([*page_groups.PAGE_GROUPS, "glossary"], "public")
    assert "glossary" in built
    assert {"Glossary": "glossary.md"} in page_groups.nav(built, [])
    assert page_groups.page_group("glossary.md") == "glossary"
    assert page_groups.left_out("glossary.md", page_groups.PAGE_GROUPS)
    site = _site((*page_groups.PAGE_GROUPS, "glossary"))
    pages = {p.path: p.markdown for p in site_pages(site, [templates, templates_dir()])}
    assert all(f"- {p.name}" in pages["glossary.md"] for p in CONTENT.taxonomy.problems)
    assert "glossary.md" not in {p.path for p in site_pages(_site(), [templates_dir()])}


def test_a_kind_declaring_the_whole_site_is_rendered_on_every_build(monkeypatch):
    """The declaration alone decides: the card kind, declared to read the whole site, has its
    pages rendered again on a second build from the very same cards."""
    from dataclasses import replace

    from pitchcraft.site.kinds import cards

    site = _site()
    whole = replace(cards.KIND, templates={cards.TEMPLATE: frozenset({Reads.SITE})})
    monkeypatch.setattr(registry, "KINDS", tuple(whole if k is cards.KIND else k
                                                 for k in registry.KINDS))
    memo: dict = {}
    _pages_made(site, memo)
    assert _pages_made(site, memo).count(cards.TEMPLATE) == len(site.cards)
