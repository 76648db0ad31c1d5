"""The starter workflow installs the Pitchcraft that wrote it, from a source CI can reach:
read from pip's record of how it was installed (PEP 610's direct_url.json)."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from click.testing import CliRunner

from pitchcraft.cli import scaffold
from pitchcraft.cli.install_source import install_source


def test_from_the_package_index_the_workflow_pins_the_version():
    assert install_source("1.2.0", None).requirement == "pitchcraft==1.2.0"


def test_from_git_the_workflow_installs_the_same_commit():
    recorded = json.dumps({"url": "https://github.com/acme/pitchcraft",
                           "vcs_info": {"vcs": "git", "commit_id": "a1b2c3"}})
    source = install_source("1.2.0", recorded)
    assert source.requirement == "pitchcraft @ git+https://github.com/acme/pitchcraft@a1b2c3"
    assert not source.todo


def test_from_a_wheel_init_copies_it_beside_the_workflow_that_installs_it(tmp_path):
    wheel = tmp_path / "dist/pitchcraft-1.2.0-py3-none-any.whl"
    wheel.parent.mkdir()
    wheel.write_bytes(b"PK wheel bytes")
    recorded = json.dumps({"url": wheel.as_uri(), "archive_info": {}})
    source = install_source("1.2.0", recorded)
    planned = scaffold.plan(False, dt.date(2026, 12, 6), source)
    site = tmp_path / "acme"
    scaffold.write(site, planned)
    assert (site / "wheels" / wheel.name).read_bytes() == b"PK wheel bytes"
    workflow = yaml.safe_load((site / ".github/workflows/pitchcraft.yml").read_text())
    assert workflow["env"]["PITCHCRAFT"] == f"./wheels/{wheel.name}"
    assert "/wheels/" not in (site / ".gitignore").read_text()


def test_from_a_checkout_init_says_how_to_build_the_wheel_ci_installs(tmp_path, monkeypatch):
    recorded = json.dumps({"url": "file:///src/pitchcraft", "dir_info": {"editable": True}})
    source = install_source("1.2.0", recorded)
    assert source.requirement == "./wheels/pitchcraft-1.2.0-py3-none-any.whl"
    assert source.todo.endswith("pip wheel --no-deps -w wheels /src/pitchcraft")
    monkeypatch.setattr(scaffold, "recorded_install", lambda: recorded)
    monkeypatch.setattr(scaffold, "_version", lambda: "1.2.0")
    from pitchcraft.cli import main

    result = CliRunner().invoke(main, ["init", str(tmp_path / "acme")])
    assert ("CI installs Pitchcraft from ./wheels/pitchcraft-1.2.0-py3-none-any.whl (PITCHCRAFT "
            "in .github/workflows/pitchcraft.yml); build the wheel CI installs and commit it: "
            "pip wheel --no-deps -w wheels /src/pitchcraft.") in result.output
