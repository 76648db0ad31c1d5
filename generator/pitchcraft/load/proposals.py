"""A published card whose buyers get no proposal (warning).

A deck ends with the proposal addressed to the buyer: the card's `## Proposal` (or its
variant for the buyer), else the persona's `proposal:` in the taxonomy. `## Next step` and
the persona's `next_step` are the rep's instructions and never reach a buyer, so a buyer with
no proposal written anywhere gets a deck and a one-pager without a next step.
"""

from __future__ import annotations

from ..model import NEXT_STEP, PROPOSAL, Card, Finding, Severity, Taxonomy


def proposal_findings(card: Card, taxonomy: Taxonomy) -> list[Finding]:
    """One warning per published card, naming the personas left without a proposal."""
    if not card.published:
        return []
    section = card.sections.get(PROPOSAL)
    industries = [i.id for i in taxonomy.industries] if card.all_industries else card.industries
    missing = []
    for persona_id in card.personas:
        persona = taxonomy.persona(persona_id)
        if persona is None or persona.proposal:
            continue
        if not section or not all(section.for_buyer(persona_id, i) for i in industries):
            missing.append(persona.name)
    if not missing:
        return []
    anchor = card.sections.get(NEXT_STEP) or section
    line = anchor.line if anchor else max([s.line for s in card.sections.values()] or [1])
    return [Finding(
        card.path, line, 1, Severity.WARNING,
        f"no proposal for the {', the '.join(missing)}: their deck and one-pager end without"
        " a next step",
        "add a '## Proposal' section that speaks to the buyer ('We propose ...'), or a"
        " 'proposal:' for the persona in taxonomy.yml; '## Next step' is the rep's"
        " instruction and is never shown to the buyer")]
