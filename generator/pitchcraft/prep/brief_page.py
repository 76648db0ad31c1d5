"""The brief as one printable HTML page: readable on a 390 px phone without sideways
scrolling, and on paper through its print stylesheet. Every value is escaped here, where it
enters HTML; the page loads nothing from anywhere (no script, font or image)."""

from __future__ import annotations

from html import escape

from .brief import Brief, Line

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 16px/1.45 system-ui, sans-serif;
       color: #1a1a1a; overflow-wrap: anywhere; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; border-bottom: 1px solid #ccc; }
ol, ul { padding-left: 1.25rem; margin: .25rem 0; }
li { margin: .2rem 0; }
li ul { color: #333; }
.notice { border: 2px solid #9b1c1c; color: #9b1c1c; padding: .5rem .75rem; font-weight: 600; }
a { color: #174ea6; }
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .notice { border-width: 1pt; }
}
"""


def brief_html(brief: Brief) -> str:
    body = [f"<h1>{escape(brief.title)}</h1>",
            f'<p class="notice" role="note">{escape(brief.notice)}</p>']
    for section in brief.sections:
        tag = "ol" if section.numbered else "ul"
        body.append(f"<h2>{escape(section.title)}</h2>")
        body.append(f"<{tag}>" + "".join(_item(line) for line in section.lines) + f"</{tag}>")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="robots" content="noindex, nofollow">'
            f"<title>{escape(brief.title)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _item(line: Line) -> str:
    text = escape(line.text)
    if line.text.startswith(("https://", "http://")):
        text = f'<a href="{escape(line.text, quote=True)}">{text}</a>'
    sub = "".join(f"<li>{escape(s)}</li>" for s in line.sub)
    strong = f"<strong>{escape(line.strong)}</strong>" if line.strong else ""
    return (f"<li>{' '.join(p for p in (strong, text) if p)}"
            + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
