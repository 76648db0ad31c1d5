"""Jinja2 rendering of pitches and pages from templates a company can override.

Card text is passed in as data and printed with `{{ }}`; Jinja never parses it, so a card that
contains `{{ ... }}` shows those characters. Template mistakes become `TemplateError`s that
name the template file and line, because the person fixing them edits that file.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from .terminal_text import plain


class TemplateError(Exception):
    """A broken template, located as `file:line: message`."""


def environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown and plain text out; the Markdown stage escapes HTML
        # Templates are read once per environment, not checked on disk for every page (a
        # tenth of rendering 11,600 pages): a preview makes a new environment when a team
        # template changes (`incremental._files_stamp`).
        auto_reload=False,
    )
    env.filters["plain"] = plain
    env.filters["cell"] = table_cell
    return env


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in getattr(env.loader, "searchpath", []))
        raise TemplateError(f"template '{exc.name}' not found in {searched}") from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
        raise TemplateError(f"{_template_frame(exc, name)}: {exc}") from None


def _template_frame(exc: BaseException, fallback: str) -> str:
    """Jinja rewrites tracebacks so template lines appear as frames; report the innermost."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.endswith((".j2", ".jinja", ".html", ".md"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else fallback


def table_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")
