"""A content folder with a script payload in every field a contributor controls."""

from __future__ import annotations

import re
from pathlib import Path

from builders import BODY, FRONT, LEDGER, TAXONOMY, ContentFolder

PAYLOADS = (
    '"><svg/onload=window.__pwned=1>',
    "<img src=x onerror=window.__pwned=2>",
    "</title><script>window.__pwned=3</script>",
    "'><img src=x onerror=window.__pwned=4>",
    "{: onclick=window.__pwned=5 #__config }",
)


def poisoned(text: str, *needles: str) -> str:
    """`text` with a payload appended to each line that holds one of `needles`."""
    for index, needle in enumerate(needles):
        payload = PAYLOADS[index % len(PAYLOADS)].replace("\\", "\\\\").replace('"', '\\"')
        assert needle in text, needle
        text = re.sub(rf"^(\s*-?\s*{re.escape(needle)}.*?)$",
                      lambda m, p=payload: f'{m.group(1)} {p}' if m.group(1).endswith('"')
                      else _quoted(m.group(1), p), text, count=1, flags=re.MULTILINE)
    return text


def _quoted(line: str, payload: str) -> str:
    key, _, value = line.partition(": ")
    return f'{key}: "{value} {payload}"'


def content_with_payloads(root: Path) -> ContentFolder:
    folder = ContentFolder(root)
    folder.write("taxonomy.yml", poisoned(
        TAXONOMY, "name: Retail", "description: Shops.", "name: Late cash",
        "description: Customers pay late.", "name: Chief Financial Officer",
        "description: Owns cash.", "next_step: Book", "name: Testco",
        "description: A test vendor."))
    folder.write("evidence.yml", poisoned(LEDGER, "claim: Distributors", "source: Testco"))
    front = poisoned(FRONT.replace("status: published", "status: published\naudience: public"),
                     "title: Late", "summary: Late", "owner: Dana")
    front = front.replace("tags: [cash]", 'tags: [cash, "<img src=x onerror=window.__pwned=6>"]')
    body = BODY.replace("Late payment is a forecast you are not making.",
                        'Late payment <img src=x onerror=window.__pwned=7>. Next "><svg/onload='
                        "window.__pwned=8>.\n\n### Notes {#__config}\n\n<div id=\"__search\">x"
                        "</div>\n<!-- internal note: margin is 41% -->")
    folder.write("evidence.yml", folder.root.joinpath("evidence.yml").read_text()
                 .replace("    kind: fact\n", "    kind: fact\n    audience: public\n"))
    folder.card("late-payers", front=front, body=body)
    return folder
