"""axe-core, run by Playwright over a page as it is now: WCAG 2.1 A and AA."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from judges import WCAG_21_AA

AXE = Axe()


def violations(page: Page) -> list[str]:
    """axe's WCAG 2.1 A and AA rules, all of them, over the page as it is now."""
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert result.response["passes"], "axe ran no rule at all"
    return [
        f"{v['id']} ({v['impact']}): {node['target']} "
        + " ".join(node.get("failureSummary", "").split())
        for v in result.response["violations"] for node in v["nodes"]
    ]


def assert_accessible(page: Page) -> None:
    found = violations(page)
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations on {page.url}:\n" + "\n".join(found)
