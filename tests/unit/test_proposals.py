"""Where a buyer's deck and one-pager would end without a proposal: a warning
(`load.proposals`, which `check` runs once the demo content gives every persona a proposal)."""

from __future__ import annotations

from builders import BODY, TAXONOMY, ContentFolder
from pitchcraft.load.proposals import proposal_findings

NO_PERSONA_PROPOSALS = "\n".join(line for line in TAXONOMY.split("\n") if "proposal:" not in line)
NEXT_STEP = "\n## Next step\nBook the controller.\n"


def _proposal_findings(folder: ContentFolder) -> list[str]:
    content = folder.load()
    assert content.taxonomy is not None
    return [f"{f.line}: {f.severity}: {f.message}" for card in content.cards
            for f in proposal_findings(card, content.taxonomy)]


def test_a_card_without_a_proposal_for_a_persona_without_one_is_a_warning_at_its_next_step(
    folder: ContentFolder,
) -> None:
    folder.write("taxonomy.yml", NO_PERSONA_PROPOSALS)
    path = folder.card("card", body=BODY + NEXT_STEP)
    line = path.read_text().split("\n").index("## Next step") + 1
    assert _proposal_findings(folder) == [
        f"{line}: warning: no proposal for the Chief Financial Officer, the Chief Operating"
        " Officer: their deck and one-pager end without a next step"]


def test_a_proposal_for_some_buyers_names_only_the_others(folder: ContentFolder) -> None:
    folder.write("taxonomy.yml", NO_PERSONA_PROPOSALS)
    folder.card("card", body=BODY + "\n## Proposal\n\n### For: coo\nWe propose a walk.\n")
    assert [m.split(": ", 2)[2] for m in _proposal_findings(folder)] == [
        "no proposal for the Chief Financial Officer: their deck and one-pager end without a"
        " next step"]


def test_the_cards_proposal_or_the_personas_is_enough(folder: ContentFolder) -> None:
    folder.write("taxonomy.yml", NO_PERSONA_PROPOSALS)
    folder.card("card", body=BODY + "\n## Proposal\nWe propose a pilot.\n")
    assert _proposal_findings(folder) == []
    folder.write("taxonomy.yml", TAXONOMY)  # every persona has its own
    folder.card("card")
    assert _proposal_findings(folder) == []
