"""Where things are on the site: the one definition of a pitch page's path, its address and
the anchor of a persona's tab. Pages link with these and the finder script is handed them."""

from __future__ import annotations


def tab_anchor(persona_id: str) -> str:
    """The anchor inside a persona's tab on a pitch page; the site script opens that tab."""
    return f"for-{persona_id}"


def pitch_path(industry: str, problem: str) -> str:
    return f"pitches/{industry}--{problem}.md"


def pitch_url(industry: str, problem: str) -> str:
    """The address of a pitch page relative to the site root (MkDocs directory URLs), as the
    finder on the home page opens it; `#` and `tab_anchor` lead to one persona's tab."""
    return f"{pitch_path(industry, problem).removesuffix('.md')}/"
