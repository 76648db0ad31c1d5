"""`pitchcraft pitch --against` as a rep runs it: a real process on a content folder with
alternatives, its exit code, and what lands on stdout (the rep's) and never in the one-pager."""

from __future__ import annotations

import subprocess
import sys

from builders import alternatives_folder

BUYER = ["--industry", "retail", "--problem", "late-cash", "--persona", "cfo"]


def _pitch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from pitchcraft.cli import main; main()", "pitch", *BUYER,
         *args], capture_output=True, text=True, timeout=120, check=False)


def test_pitch_against_a_free_option_in_a_real_process(tmp_path):
    folder = alternatives_folder(tmp_path / "content")
    rep = _pitch("--against", "erp-dunning", str(folder.root))
    assert rep.returncode == 0, rep.stderr
    assert "Traps: questions that make its weakness visible; never name it" in rep.stdout
    assert "FOR THE REP ONLY: AGAINST THE ERP'S DUNNING MODULE" in rep.stdout
    buyer = _pitch("--against", "erp-dunning", "--format", "md", str(folder.root))
    assert buyer.returncode == 0, buyer.stderr
    assert "dunning module" not in buyer.stdout.casefold()
    unknown = _pitch("--against", "agency", str(folder.root))
    assert unknown.returncode == 2
    assert "valid ids: erp-dunning, phone-chasing" in unknown.stderr
