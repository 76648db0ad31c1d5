"""A worked example written as an evidence item is a warning at its line telling the author to
give the card a cost model (whose figures the pitch shows as computed rows); while it stands,
the warning names each figure of it the card does not use."""

from __future__ import annotations

from builders import BODY, FRONT
from cost_content import COST_FRONT, cost_folder
from findings import WARNING, assert_findings, edit, line_of, want


def example(claim: str, figure: str = "Worked example") -> str:
    """Card front matter with one more evidence item: a worked example with this claim."""
    return edit(FRONT, "  - ref: dso-gap\n",
                f"  - ref: dso-gap\n  - figure: {figure}\n    claim: \"{claim}\"\n"
                "    source: Testco worked example\n    as_of: 2026-03-31\n"
                "    kind: estimate\n    whose: research\n")


SUM = edit(BODY, "A regional distributor missed payroll.",
           "A regional distributor missed payroll: at $2 million of sales, 11.4 days is $62,000.")
"""The card's sum, told in its story (where figures need no evidence of their own)."""


OWN = "is the card's own arithmetic, not evidence"


def test_an_example_whose_figures_the_card_says_is_still_no_evidence(folder):
    path = folder.card("card", front=example("$2 million, 11.4 days, $62,000."), body=SUM)
    assert_findings(folder.load(), want(
        path, line_of(path, "figure: Worked example"), WARNING,
        ("evidence item 'Worked example'", OWN), "give the card a cost_model"))
    assert "never uses" not in folder.load().findings[0].message


def test_a_claim_about_the_card_itself_is_a_worked_example(folder):
    front = example("The arithmetic this card does from its own figures: $2 million, $62,000.",
                    figure="$62,000")
    path = folder.card("card", front=front.replace("Testco worked example", "Testco"), body=SUM)
    assert_findings(folder.load(), want(path, line_of(path, "figure: $62,000"), WARNING, OWN))


def test_a_card_with_a_cost_model_is_told_to_remove_the_item(folder):
    front = edit(COST_FRONT, "  - ref: demand-share\n",
                 "  - ref: demand-share\n  - figure: Worked example\n"
                 "    claim: \"$456,000.\"\n    source: Testco\n    as_of: 2026-03-31\n"
                 "    whose: research\n")
    cost_folder(folder, front=front)
    path = folder.root / "insights/startup.md"
    assert_findings(folder.load(), want(path, line_of(path, "figure: Worked example"), WARNING,
                                        OWN, "computed rows already: remove this item"))


def test_an_example_figure_the_card_no_longer_says_is_a_warning_at_the_example(folder):
    # The card was edited from $1,900 to $1,950; the example still says $1,900.
    body = edit(SUM, "$62,000.", "$62,000, or $1,950 a month.")
    path = folder.card("card", front=example("$2 million, $62,000, $1,900 a month."), body=body)
    assert_findings(folder.load(), want(
        path, line_of(path, "figure: Worked example"), WARNING,
        (OWN, "quotes '$1,900'", "never uses"), "give the card a cost_model"))


def test_an_example_copied_from_another_card_names_every_figure_it_lacks(folder):
    path = folder.card("card", front=example("$1.5 million, $39,000."), body=SUM)
    assert_findings(folder.load(), want(
        path, line_of(path, "figure: Worked example"), WARNING,
        ("'$1.5 million'", "'$39,000'", "never uses")))


def test_an_item_whose_claim_says_worked_example_is_one_too(folder):
    front = example("A year of late cash at a $2 million retailer (worked example).",
                    figure="$75,000 a year")
    path = folder.card("card", front=front, body=SUM)
    assert_findings(folder.load(), want(path, line_of(path, "figure: $75,000"), WARNING,
                                        "'$75,000'"))


def test_a_percentage_must_be_said_as_a_percentage(folder):
    # 62 is in the card as money ($62,000 rounds to 62 thousand), never as a share.
    path = folder.card("card", front=example("$62,000, 62%."), body=SUM)
    assert_findings(folder.load(), want(path, line_of(path, "figure: Worked example"),
                                        WARNING, "'62%'"))


def test_rounding_either_way_is_the_same_figure(folder):
    body = edit(SUM, "$62,000.", "$62,000, about $590,000 over the network, at 38.4% margin.")
    folder.card("card", front=example("$62,400, $592,000, 38%, $2,000,000."), body=body)
    [finding] = folder.load().findings
    assert OWN in finding.message and "never uses" not in finding.message


def test_cost_model_figures_count_at_their_defaults(folder):
    # $1,200,000 x 38% = $456,000 and x 71% = $323,760, said only through {cost: ...}
    front = edit(COST_FRONT, "  - ref: demand-share\n",
                 "  - ref: demand-share\n  - figure: Worked example\n"
                 "    claim: \"$456,000, $324,000, $500,000.\"\n"
                 "    source: Testco worked example\n    as_of: 2026-03-31\n"
                 "    whose: research\n")
    cost_folder(folder, front=front)
    path = folder.root / "insights/startup.md"
    assert_findings(folder.load(), want(path, line_of(path, "figure: Worked example"),
                                        WARNING, "'$500,000'"))


def test_a_draft_may_still_be_unfinished(folder):
    front = edit(example("$1.5 million, $39,000."), "status: published", "status: draft")
    folder.card("card", front=front, body=SUM)
    assert_findings(folder.load())
