"""Judge: Debian's linkchecker over the whole served site finds no broken link and no missing
anchor, including the links to pitch tabs (#for-<persona>) and the finder's permalinks."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path
from urllib.parse import urlencode

from judges import Finder, require_tool
from site_server import serve

# Anchors are checked by LinkChecker's AnchorCheck plugin, which reports a missing one as a
# warning. The server below tells LinkChecker it may go faster than 10 requests a second.
CONFIG = """\
[checking]
maxrequestspersecond=1000
[AnchorCheck]
"""


def test_no_broken_links_or_anchors(demo_site: Path, tmp_path: Path):
    linkchecker = require_tool("linkchecker", "apt-get install linkchecker")
    finder = Finder.read(demo_site)
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG)
    config.chmod(0o644)
    tmp_path.chmod(0o755)  # LinkChecker drops root's privileges before it reads the file

    with serve(demo_site) as url:
        # Start from every page, so a page reached only through an anchor is still crawled,
        # and from every pitch the finder can open: its permalink and the tab it leads to.
        pages = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.html"))
        starts = [url + page.removesuffix("index.html") for page in pages]
        for (industry, problem, persona), target in sorted(finder.pitches.items()):
            starts.append(url + "?" + urlencode(
                {"industry": industry, "problem": problem, "persona": persona}))
            starts.append(url + target)
        run = subprocess.run(
            [linkchecker, "--config", str(config), "--no-status", "--verbose", "--output=csv",
             "--no-follow-url=[#?]", "--threads=1", *starts],
            capture_output=True, text=True, timeout=900, check=False,
        )
    rows = list(csv.DictReader(
        io.StringIO("\n".join(line for line in run.stdout.splitlines()
                              if not line.startswith("# "))),
        delimiter=";",
    ))
    assert rows, run.stderr
    problems = [f"{r['url']} (on {r['parentname']}): {r['result']} {r['warningstring']}"
                for r in rows if r["valid"] != "True" or r["warningstring"]]
    assert not problems, f"{len(problems)} broken links or anchors:\n" + "\n".join(problems)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]

    # LinkChecker really looked: at every page, at every tab the finder opens, and it checked
    # the anchors in them.
    checked = {r["url"] for r in rows if r["result"].startswith("200")}
    assert {url + page.removesuffix("index.html") for page in pages} <= checked
    tabs = {url + target for target in finder.pitches.values()}
    assert tabs <= checked, sorted(tabs - checked)[:5]
    anchors = [u for u in checked if "#" in u]
    assert len(anchors) > len(tabs), "no anchor was checked besides the finder's own"
