# SPDX-License-Identifier: MIT
"""docs/smbstrat.1 is well-formed and current: every command and every
option the tool's help lists, the templates, the exit statuses, the
environment and the completion script are in it."""
import json
import pathlib
import re
import shutil
import subprocess

import pytest

from clitool import out, run

MAN = pathlib.Path(__file__).resolve().parents[2] / "docs" / "smbstrat.1"


def page():
    return MAN.read_text(encoding="utf-8")


def section(name):
    return page().split(f"\n.SH {name}\n")[1].split("\n.SH ")[0]


def roff(text):
    """How the page writes a word: every '-' escaped."""
    return text.replace("-", "\\-")


def commands():
    block = out(run("--help")).split("Commands:\n")[1].split("\n\n")[0]
    names = [l.split()[0] for l in block.splitlines() if re.match(r"  \S", l)]
    return list(dict.fromkeys(names))


def test_well_formed():
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    proc = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", str(MAN)],
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0
    assert proc.stderr == ""


@pytest.mark.parametrize("command", commands())
def test_every_command_and_option(command):
    synopsis = section("SYNOPSIS")
    if command != "help":
        assert f".B smbstrat {command}" in synopsis
        text = out(run(command, "--help"))
        options = text.split("\nOptions:\n")[1].split("\n\n")[0]
        for option in sorted(set(re.findall(r"--[a-z][a-z-]*", options))):
            assert roff(option) in page(), f"{command} {option}"


def test_templates():
    names = [t["name"] for t in json.loads(out(run("new", "--list", "-f", "json")))["templates"]]
    commands_section = section("COMMANDS")
    for name in names:
        assert f".B {roff(name)}" in commands_section
    assert ".B smbstrat new \\-\\-template" in section("SYNOPSIS")


def test_exit_statuses_environment_and_files():
    statuses = section("EXIT STATUS")
    for status in range(5):
        assert f".B {status}\n" in statuses
    environment = section("ENVIRONMENT")
    for variable in ("NO_COLOR", "TERM", "COLUMNS"):
        assert f".B {variable}\n" in environment
    assert "bash\\-completion/completions/smbstrat" in section("FILES")
