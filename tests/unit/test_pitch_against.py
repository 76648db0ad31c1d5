"""Pitching against the buyer's real alternatives: the scorecard is factors x alternatives,
`--against` brings the alternative's battlecard to the rep and prefers the card that is
meaningfully different against it, and no buyer's output ever holds an alternative."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from builders import AGAINST, ALTERNATIVES, BODY, FRONT, TODAY, alternatives_folder
from pitchcraft.cli import main
from pitchcraft.model.outputs import Output
from pitchcraft.pitch import Combination, compose_pitch
from pitchcraft.render.buyer_pitch import buyer_pitch
from pitchcraft.render.templates import environment, render
from pitchcraft.theme_files import templates_dir

CFO_RETAIL = Combination("retail", "late-cash", "cfo")
BUYER = ["--industry", "retail", "--problem", "late-cash", "--persona", "cfo"]


@pytest.fixture
def alts(tmp_path):
    return alternatives_folder(tmp_path / "content")


def _pitch(folder, against=""):
    return compose_pitch(folder.load(), CFO_RETAIL, TODAY, against=against)


def test_the_scorecard_has_a_column_per_alternative_and_judges_against_the_status_quo(alts):
    pitch = _pitch(alts)
    card = pitch.scorecard
    assert [c.alternative.id for c in card.columns] == ["phone-chasing", "erp-dunning"]
    assert card.judged_against == "phone-chasing"
    assert [(c.shown, c.meaningfully_different) for c in card.columns] == [(4, True), (1, False)]
    assert pitch.meaningfully_different and pitch.factors_held == 4
    value = card.column("erp-dunning").cell("value")
    assert value.claimed and not value.shown


def test_pitched_against_a_free_option_the_verdict_is_relative_to_it(alts):
    pitch = _pitch(alts, "erp-dunning")
    assert pitch.scorecard.judged_against == "erp-dunning"
    assert pitch.factors_held == 1 and not pitch.meaningfully_different


def test_the_card_meaningfully_different_against_the_alternative_is_chosen_and_says_why(alts):
    # A second card, ranked first by the usual rules (more evidence), that is not
    # meaningfully different against the status quo: `--against` prefers the first card.
    weak = AGAINST.replace("proof: dso-gap}", "}")
    more = ("  - {figure: 3 in 10, claim: Three in ten invoices are paid late., source: Testco"
            " survey 2026, as_of: 2026-01-31, whose: research}\n")
    alts.card("fitter", front=FRONT.replace("title: Late payers", "title: Fitter payers")
              .replace("  - ref: dso-gap\n", "  - ref: dso-gap\n" + more) + weak, body=BODY)
    plain = _pitch(alts)
    assert [r.card.id for r in plain.ranking] == ["fitter", "card"]
    chosen = _pitch(alts, "phone-chasing")
    assert [r.card.id for r in chosen.ranking] == ["card", "fitter"]
    assert chosen.ranking[0].reasons[0] == ("meaningfully different against Chasing late payers"
                                            " by phone (4 of 5 factors shown better)")
    assert chosen.ranking[1].reasons[0].startswith(
        "not meaningfully different against Chasing late payers by phone (1 of 5")


def test_pitch_against_prints_traps_objections_and_the_reps_battlecard(alts):
    result = CliRunner().invoke(main, ["pitch", *BUYER, "--against", "erp-dunning",
                                       str(alts.root)])
    assert result.exit_code == 0, result.output
    out = result.output
    told = out[:out.index("OUR SOLUTION")]
    assert "The ERP's dunning module" not in told.split("\n", 4)[-1]  # only the header names it
    assert "Which customers got a reminder last month" in out  # the trap
    assert "Listen for: They cannot say" in out
    assert '"Our ERP already sends reminders."' in out
    assert "Where we lose: It is free and already installed." in out
    assert "Concede: For customers who simply forget" in out
    assert "Landmine, never claim: Never call the ERP vendor's module broken." in out


def test_an_unknown_alternative_is_a_usage_error_naming_the_valid_ids(alts):
    result = CliRunner().invoke(main, ["pitch", *BUYER, "--against", "erp-duning",
                                       str(alts.root)])
    assert result.exit_code == 2
    assert "unknown alternative id 'erp-duning'" in result.output
    assert "did you mean 'erp-dunning'?" in result.output
    assert "valid ids: erp-dunning, phone-chasing" in result.output


def _alternative_texts() -> list[str]:
    import yaml

    found = []
    for alternative in yaml.safe_load(ALTERNATIVES)["alternatives"]:
        found += [alternative["name"], alternative["description"], alternative["chosen_when"],
                  alternative["where_we_lose"], alternative["concede"], *alternative["landmines"]]
        found += [t for trap in alternative["traps"] for t in trap.values()]
        found += [t for o in alternative["objections"] for t in o.values()]
    return found


@pytest.mark.parametrize("against", ["", "phone-chasing", "erp-dunning"])
def test_no_buyer_facing_output_holds_an_alternatives_name_or_text(alts, against):
    assert not Output.MARKDOWN_ONE_PAGER.rule.alternatives
    one_pager = CliRunner().invoke(main, ["pitch", *BUYER, "--format", "md",
                                          *(["--against", against] if against else []),
                                          str(alts.root)])
    assert one_pager.exit_code == 0, one_pager.output
    buyer = buyer_pitch(_pitch(alts, against), "Testco", Output.PRESENTER_DECK)
    texts = [one_pager.output, repr(buyer)]
    for text in _alternative_texts():
        assert all(text not in shown for shown in texts), text


def test_every_rep_output_may_show_alternatives_and_no_buyer_output_may():
    assert {o.name for o in Output if o.rule.alternatives} == {
        o.name for o in Output if not o.buyer_facing}


def test_the_internal_scorecard_table_is_factors_by_alternatives(alts):
    pitch = _pitch(alts)
    table = render(environment([templates_dir()]), "scorecard_table.md.j2",
                   matrix=pitch.scorecard, general=pitch.card.differentiation)
    rows = table.strip().splitlines()
    assert rows[0].startswith("| Factor | Against Chasing late payers by phone (status quo;"
                              " judged against) | Against The ERP's dunning module")
    assert rows[-1] == ("| **Shown better** | 4 of 5: meaningfully different | 1 of 5: not"
                        " meaningfully different |")
    assert "**Better**, claimed (no proof): Reminders on a fixed day" in table


def test_the_public_sites_pages_hold_no_alternatives_name_or_text(alts):
    from pitchcraft.site.pages import INTERNAL, PUBLIC, SiteOptions, build_site, site_pages

    alts.card("card", front=FRONT.replace("status: published", "status: published\n"
                                          "audience: public") + AGAINST)
    content = alts.load()

    def pages(audience):
        site = build_site(content, SiteOptions(audience=audience), TODAY)
        return "\n".join(p.markdown for p in site_pages(site, [templates_dir()]))

    public, internal = pages(PUBLIC), pages(INTERNAL)
    assert "Late payers are a forecasting problem" in public  # the card is there
    assert "Chasing late payers by phone" in internal  # the team's scorecard names it
    for text in _alternative_texts():
        assert text not in public, text
