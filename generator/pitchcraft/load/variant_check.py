"""Checks of `### For:` variants: each names a persona, an industry or a persona in an
industry that exists and that the card serves, and a section with no general text has a
variant for every buyer the card serves."""

from __future__ import annotations

from ..model import Card, Finding, Severity, Taxonomy, split_variant_key, variant_key
from .sections import Body


def check_variants(card: Card, body: Body, taxonomy: Taxonomy) -> list[Finding]:
    """One finding per bad `### For:` heading, in line order."""
    personas = {p.id for p in taxonomy.personas}
    industries = {i.id for i in taxonomy.industries}
    findings = []
    for (section, key), line in sorted(body.variant_lines.items(), key=lambda i: i[1]):
        problem = _judge(card, key, personas, industries)
        if problem:
            message, hint = problem
            findings.append(Finding(card.path, line, 1, Severity.ERROR,
                                    f"{message} in '## {section}'", hint))
    return findings


def _judge(
    card: Card, key: str, personas: set[str], industries: set[str]
) -> tuple[str, str] | None:
    from .validate import unknown_id  # one wording for unknown ids, shared with validate

    persona, industry = split_variant_key(key)
    if industry:
        if persona not in personas:
            found = unknown_id(card.path, 0, "persona", persona, personas)
            return f"variant for unknown persona id '{persona}'", found.hint
        if industry not in industries:
            found = unknown_id(card.path, 0, "industry", industry, industries)
            return f"variant for unknown industry id '{industry}'", found.hint
        return _served(card, persona) or _served_industry(card, industry)
    if persona in personas and persona in industries:
        return (f"variant '{persona}' is ambiguous: it is both a persona and an industry id",
                "rename the persona or the industry in the taxonomy so each id means one thing")
    if persona in personas:
        return _served(card, persona)
    if persona in industries:
        return _served_industry(card, persona)
    found = unknown_id(card.path, 0, "persona or industry", persona, personas | industries)
    return (f"variant for unknown id '{persona}'",
            found.hint + "; write '### For: <persona>', '### For: <industry>' or"
            " '### For: <persona> in <industry>'")


def _served(card: Card, persona: str) -> tuple[str, str] | None:
    if persona in card.personas:
        return None
    return (f"variant for persona '{persona}', but the card does not list that persona",
            f"add '{persona}' to 'personas:' or use one of: {', '.join(card.personas)}")


def _served_industry(card: Card, industry: str) -> tuple[str, str] | None:
    if card.fits_industry(industry):
        return None
    return (f"variant for industry '{industry}', but the card does not list that industry",
            f"add '{industry}' to 'industries:' or use one of: {', '.join(card.industries)}")


def uncovered_buyers(card: Card, variants: dict[str, str]) -> list[str]:
    """Personas who would hear an empty step from a section that has only variants.

    A persona is covered by its own variant, or in every industry the card lists by a
    variant for it in that industry or for that industry. A card for every industry needs
    the persona's own variant: no list of industries can cover "all".
    """
    def covered(persona: str) -> bool:
        if persona in variants:
            return True
        if card.all_industries:
            return False
        return all(variant_key(persona, i) in variants or i in variants
                   for i in card.industries)

    return [p for p in card.personas if not covered(p)]
