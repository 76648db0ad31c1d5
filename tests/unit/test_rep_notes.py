"""Rep-only notes are parsed, not scanned, and the buyer never hears them: neither talk time
nor the spoken terminal pitch includes them, and the printed pitch sets them apart. The built
sites: tests/browser/test_rep_notes_site.py."""

from __future__ import annotations

from click.testing import CliRunner

from builders import BODY, TODAY
from findings import edit
from pitchcraft.cli import main
from pitchcraft.load.rep_notes import buyer_text, split_notes
from pitchcraft.pitch import Combination, compose_pitch


def test_a_note_is_parsed_not_scanned():
    text = ("Said aloud.\n\n!!! rep \"Rep only\"\n    First.\n\n    Second.\n\n"
            "```\n!!! rep \"In code\"\n    stays\n```\n\nAlso said.")
    split = split_notes(text)
    assert [n.text for n in split.notes] == ["First.\n\nSecond."]
    assert split.buyer == "Said aloud.\n\n```\n!!! rep \"In code\"\n    stays\n```\n\nAlso said."
    assert buyer_text("No notes here.") == "No notes here."


def test_notes_are_not_talk_time_and_the_printed_pitch_sets_them_apart(folder):
    note = "We can discount up to 18 percent before legal review, never in writing."
    plain_card = folder.card("card")
    buyer = Combination("retail", "late-cash", "cfo")
    before = compose_pitch(folder.load(), buyer, TODAY)
    body = edit(BODY, "Every day of DSO ties up cash.\n",
                f'Every day of DSO ties up cash.\n\n!!! rep "Rep only"\n    {note}\n')
    folder.card("card", body=body)
    after = compose_pitch(folder.load(), buyer, TODAY)
    assert before is not None and after is not None
    assert note in after.cost_of_inaction.text
    assert after.cost_of_inaction.words == before.cost_of_inaction.words
    assert after.minutes == before.minutes

    args = ["pitch", "--industry", "retail", "--problem", "late-cash", "--persona", "cfo",
            str(plain_card.parent.parent)]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    spoken, _, rest = shown.output.partition("+-- FOR THE REP, NOT TO BE READ ALOUD")
    assert "Every day of DSO ties up cash." in spoken and "discount" not in spoken
    box = rest.split("\n+---")[0]
    assert "| We can discount up to 18 percent before legal review" in box
    assert "!!!" not in shown.output

    markdown = CliRunner().invoke(main, [*args[:-1], "--format", "md", args[-1]])
    assert markdown.exit_code == 0, markdown.output
    # the one-pager is for the buyer: the note is not in it at all, marked or not
    assert "discount" not in markdown.output and "For the rep" not in markdown.output
    assert "Every day of DSO ties up cash." in markdown.output and "!!!" not in markdown.output
