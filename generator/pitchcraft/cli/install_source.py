"""Where a site's CI installs Pitchcraft from: the version that ran `pitchcraft init`, from a
source CI can reach.

pip records how a package was installed (`direct_url.json`, PEP 610). From it:

- a git URL: CI installs the same commit from it;
- a wheel file: `init` copies the wheel into the site's `wheels/` folder, to be committed,
  and CI installs that file;
- a checkout (a folder, editable or not): CI cannot reach it, so the workflow names a wheel
  in `wheels/` and `init` says how to build it there;
- nothing recorded (the package index): `pitchcraft==<version>`.

The choice is one variable, `PITCHCRAFT`, in the starter workflow; docs/adopting.md says how
to change it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from urllib.parse import unquote, urlparse

WHEELS = "wheels"
"""The site's folder for the Pitchcraft wheel CI installs (committed, never ignored)."""


@dataclass(frozen=True)
class Source:
    """What the workflow's `PITCHCRAFT` variable says, and what `init` does for it."""

    requirement: str
    """A pip requirement: `pitchcraft==0.1.0`, `pitchcraft @ git+...`, `./wheels/x.whl`."""
    wheel: Path | None = None
    """A wheel file to copy into `wheels/`."""
    todo: str = ""
    """What the adopter must still do before CI can install it, or nothing."""


def install_source(version: str, recorded: str | None) -> Source:
    """Where CI installs `version` from, given pip's `direct_url.json` text (None: none)."""
    if recorded is None:
        return Source(f"pitchcraft=={version}")
    data = json.loads(recorded)
    url = data.get("url", "")
    vcs = data.get("vcs_info")
    if vcs:
        commit = vcs.get("commit_id") or vcs.get("requested_revision") or ""
        return Source(f"pitchcraft @ {vcs.get('vcs', 'git')}+{url}" + (f"@{commit}" if commit
                                                                     else ""))
    path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else None
    if path is not None and path.suffix == ".whl" and path.is_file():
        return Source(f"./{WHEELS}/{path.name}", wheel=path)
    if url.startswith(("https:", "http:")) and url.endswith(".whl"):
        return Source(f"pitchcraft @ {url}")
    wheel = f"pitchcraft-{version}-py3-none-any.whl"
    folder = str(path) if path is not None else "/path/to/pitchcraft"
    return Source(f"./{WHEELS}/{wheel}",
                  todo=f"build the wheel CI installs and commit it: pip wheel --no-deps -w "
                       f"{WHEELS} {folder}")


def recorded_install() -> str | None:
    """pip's record of how this Pitchcraft was installed, or None (from an index)."""
    try:
        return distribution("pitchcraft").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
