# SPDX-License-Identifier: MIT
"""tools/completion/smbstrat.bash, sourced in bash, and kept current.

Each case sets COMP_WORDS and COMP_CWORD as bash does for a command line
and calls the completion function; the candidates are COMPREPLY. Then the
script's lists are compared with what the tool says of itself (its help
and `new --list`), so that a new command, option or template cannot be
left out of the completion.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from clitool import BUILD_DIR, out, run

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "completion" / "smbstrat.bash"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def complete(line, cwd=None):
    """The candidates for the end of `line`, as bash would offer them."""
    words = line.split(" ")
    script = (
        'source "$1"; shift\n'
        'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))\n'
        'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}\n'
        "_smbstrat\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n')
    proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", script, "bash", str(SCRIPT)]
                          + words, capture_output=True, text=True, cwd=cwd, timeout=60,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return [c for c in proc.stdout.split("\n") if c]


def main_help_commands():
    text = out(run("--help"))
    block = text.split("Commands:\n")[1].split("\n\n")[0]
    names = [line.split()[0] for line in block.splitlines() if line.startswith("  ") and
             not line.startswith("   ")]
    return list(dict.fromkeys(names))  # "new" has several lines


def help_options(command):
    """The long options a command's --help lists."""
    text = out(run(command, "--help"))
    block = text.split("Options:\n")[1].split("\n\n")[0]
    return sorted(set(re.findall(r"^ {2,}(?:-[a-zA-Z], )?(--[a-z][a-z-]*)", block, re.M)))


def test_commands():
    assert complete("smbstrat re") == ["render", "report"]
    assert complete("smbstrat val") == ["validate"]
    assert complete("smbstrat ") == main_help_commands()
    assert complete("smbstrat -") == ["--help", "--version"]
    assert complete("smbstrat help re") == ["render", "report"]


def test_values_of_options():
    assert complete("smbstrat render --what ") == ["canvas", "forces", "scenarios"]
    assert complete("smbstrat render x.json -w s") == ["scenarios"]
    assert complete("smbstrat render --format ") == ["markdown", "svg", "html"]
    assert complete("smbstrat report --format ") == ["html", "markdown"]
    assert complete("smbstrat score --format ") == ["text", "json"]
    assert complete("smbstrat score --format = j") == ["json"]  # --format=j
    assert complete("smbstrat plan --method ") == ["topsis", "weighted_sum"]
    assert complete("smbstrat simulate --measure ") == ["severity", "money"]
    assert complete("smbstrat simulate --source-rho eco") == ["economic="]
    assert complete("smbstrat plan --budget ") == []
    assert complete("smbstrat new -n ") == []


def test_templates_are_those_of_the_tool():
    names = [t["name"] for t in json.loads(out(run("new", "--list", "-f", "json")))["templates"]]
    assert complete("smbstrat new --template ") == names
    assert complete("smbstrat new -t b") == [n for n in names if n.startswith("b")]
    # -t is --threads for report: no template names there.
    assert complete("smbstrat report -t ") == []
    assert complete("smbstrat new ") == ["canvas", "forces"]


def test_files(tmp_path):
    (tmp_path / "bakery.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "drafts").mkdir()
    assert sorted(complete("smbstrat validate ", cwd=tmp_path)) == ["bakery.json", "drafts"]
    assert sorted(complete("smbstrat diff bakery.json ", cwd=tmp_path)) == ["bakery.json",
                                                                            "drafts"]
    assert complete("smbstrat score b", cwd=tmp_path) == ["bakery.json"]
    # -o takes any file name.
    assert sorted(complete("smbstrat render bakery.json -o ", cwd=tmp_path)) == [
        "bakery.json", "drafts", "notes.txt"]


def test_every_command_is_completed():
    assert complete("smbstrat ") == main_help_commands()
    assert complete("smbstrat help ") == [c for c in main_help_commands() if c != "help"]


@pytest.mark.parametrize("command", [c for c in ("validate", "score", "plan", "simulate",
                                                 "render", "report", "diff", "new")])
def test_options_are_those_of_the_help(command):
    if command not in main_help_commands():
        pytest.skip(f"no command {command}")
    assert sorted(complete(f"smbstrat {command} --")) == help_options(command)


def test_installed_where_bash_completion_looks():
    if not BUILD_DIR:
        pytest.skip("SMB_BUILD_DIR is not set")
    intro = pathlib.Path(BUILD_DIR) / "meson-info" / "intro-installed.json"
    installed = json.loads(intro.read_text(encoding="utf-8"))
    dest = [d for src, d in installed.items() if src.endswith("completion/smbstrat.bash")]
    assert len(dest) == 1
    assert dest[0].endswith(os.path.join("bash-completion", "completions", "smbstrat"))
