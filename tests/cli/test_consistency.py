# SPDX-License-Identifier: MIT
"""Every command behaves alike: the same help layout with examples, the same
names for the same options, the same exit statuses (0 ok, 1 findings when
asked, 2 usage, 3 invalid input, 4 I/O), -o writing atomically, JSON on
request. The commands are those the tool's help lists, so that a new
command is held to the same rules."""
import json
import os
import re

import pytest

from clitool import BAKERY, DATA, err, one_error_line, out, run

# The commands whose operands are documents, and those that print a report
# as text or JSON.
FILE_COMMANDS = ["validate", "score", "plan", "simulate", "render", "report", "diff"]
JSON_REPORTS = ["validate", "score", "plan", "simulate", "diff"]
# Options bounding the work of the commands that simulate.
QUICK = {"simulate": ["--trials", "200"], "report": ["--trials", "200"]}


def main_help():
    return out(run("--help"))


def commands():
    block = main_help().split("Commands:\n")[1].split("\n\n")[0]
    names = [l.split()[0] for l in block.splitlines() if re.match(r"  \S", l)]
    return [n for n in dict.fromkeys(names) if n != "help"]


def argv_for(command, *more):
    """The command on the bakery (twice for diff), quickly."""
    operands = [BAKERY, BAKERY] if command == "diff" else [BAKERY]
    if command == "new":
        operands = ["--template", "bakery"]
    return [command, *operands, *QUICK.get(command, []), *more]


def test_the_commands_are_listed():
    assert commands()[:3] == ["validate", "score", "plan"]
    assert {"render", "diff", "new"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_help_layout(command):
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert proc.stderr == b""
    text = out(proc)
    assert text.startswith(f"Usage: smbstrat {command}")
    assert "\nOptions:\n" in text
    assert re.search(r"^  -h, --help +show this help and exit$", text, re.M)
    assert "\nExit status: 0 " in text
    examples = text.split("\nExamples:\n")[1].splitlines()
    assert len([e for e in examples if e.startswith(f"  smbstrat {command}")]) >= 2
    assert all(len(line) <= 80 for line in text.splitlines())
    # -h and 'help COMMAND' say the same.
    assert out(run(command, "-h")) == text
    assert out(run("help", command)) == text


@pytest.mark.parametrize("command", commands())
def test_same_names_for_the_same_options(command):
    text = out(run(command, "--help"))
    options = text.split("\nOptions:\n")[1].split("\n\n")[0]
    shorts = dict(re.findall(r"^  (-[a-zA-Z]), (--[a-z-]+)", options, re.M))
    # The options every command shares have one spelling, short and long.
    for short, long in (("-f", "--format"), ("-o", "--output"), ("-h", "--help")):
        if long in options:
            assert shorts.get(short) == long, (command, long)
    assert "--out " not in options and "--file" not in options


@pytest.mark.parametrize("command", commands())
def test_unknown_option_is_a_usage_error(command):
    proc = run(command, "--bogus")
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert err(proc) == (f"smbstrat: unknown option '--bogus'\n"
                         f"Usage: see 'smbstrat {command} --help'.\n")


@pytest.mark.parametrize("command", commands())
def test_mistyped_option_is_suggested(command):
    text = out(run(command, "--help"))
    first = re.search(r"^  (?:-\w, )? *--([a-z-]{4,})", text.split("\nOptions:\n")[1], re.M)
    name = first.group(1)
    typo = name[1] + name[0] + name[2:]  # two letters swapped
    proc = run(command, "--" + typo)
    assert proc.returncode == 2
    assert f"unknown option '--{typo}'; did you mean '--{name}'?" in err(proc)


def test_mistyped_command_is_suggested():
    proc = run("valdate", BAKERY)
    assert proc.returncode == 2
    assert err(proc).startswith("smbstrat: unknown command 'valdate'; did you mean 'validate'?")
    proc = run("frobnicate")
    assert "(the commands are " + ", ".join(commands()) in err(proc)


def test_missing_command():
    proc = run()
    assert proc.returncode == 2
    assert err(proc).startswith("smbstrat: missing command (one of " + ", ".join(commands()))


@pytest.mark.parametrize("command", [c for c in FILE_COMMANDS])
def test_exit_statuses_of_file_commands(tmp_path, command):
    if command not in commands():
        pytest.skip(f"no command {command}")
    twice = (lambda p: [p, p]) if command == "diff" else (lambda p: [p])
    quick = QUICK.get(command, [])
    # 2: no operand.
    proc = run(command)
    assert proc.returncode == 2 and "Usage: see" in err(proc)
    # 3: an invalid document, reported on one line with its position.
    broken = os.path.join(DATA, "broken_syntax.json")
    proc = run(command, *twice(broken), *quick)
    assert proc.returncode == 3
    assert proc.stdout == b""
    assert one_error_line(proc).startswith(f"smbstrat: {broken}:8:29: $.canvas.channels[0]")
    # 4: a file that cannot be read.
    missing = tmp_path / "missing.json"
    proc = run(command, *twice(missing), *quick)
    assert proc.returncode == 4
    assert proc.stdout == b""
    assert one_error_line(proc) == (f"smbstrat: {missing}: cannot open: "
                                    "No such file or directory")


@pytest.mark.parametrize("command", commands())
def test_output_option_writes_atomically(tmp_path, command):
    if "--output" not in out(run(command, "--help")):
        pytest.skip(f"{command} writes to standard output only")
    target = tmp_path / "out"
    proc = run(*argv_for(command, "-o", target), columns=None)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b"" and proc.stderr == b""
    expected = run(*argv_for(command), columns=None).stdout
    assert target.read_bytes() == expected  # a file is written 80 columns wide
    assert os.listdir(tmp_path) == ["out"]  # no temporary file left
    # '-' is standard output.
    assert run(*argv_for(command, "--output", "-"), columns=None).stdout == expected
    # A directory that does not exist: status 4, nothing left behind.
    proc = run(*argv_for(command, "-o", tmp_path / "no" / "out"))
    assert proc.returncode == 4
    assert "cannot write" in one_error_line(proc)
    assert os.listdir(tmp_path) == ["out"]


def test_report_to_a_file_has_no_colour(tmp_path):
    from clitool import run_on_terminal
    target = tmp_path / "score.txt"
    status, text = run_on_terminal("score", BAKERY, "-o", target, env_extra={"TERM": "xterm"})
    assert status == 0 and text == ""
    assert b"\x1b[" not in target.read_bytes()


def test_findings_status_keeps_the_report(tmp_path):
    # 1 is a finding, not a failure: the report is written all the same.
    target = tmp_path / "findings.json"
    doc = tmp_path / "doc.json"
    doc.write_text('{"smbstrat": 1, "canvas": {}}', encoding="utf-8")
    proc = run("validate", doc, "--strict", "-f", "json", "-o", target)
    assert proc.returncode == 1
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["warning"] == 9


@pytest.mark.parametrize("command", JSON_REPORTS)
def test_json_reports(command):
    if command not in commands():
        pytest.skip(f"no command {command}")
    proc = run(*argv_for(command, "--format", "json"))
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.endswith("}\n") and text.startswith("{\n  \"")
    report = json.loads(text)
    assert isinstance(report, dict)
    # -f is --format.
    assert run(*argv_for(command, "-f", "json")).stdout == proc.stdout
    proc = run(*argv_for(command, "--format", "yaml"))
    assert proc.returncode == 2
    assert "unknown format 'yaml'" in err(proc)


def test_every_json_report_is_documented():
    doc = open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "cli-json.md"),
               encoding="utf-8").read()
    for command in JSON_REPORTS:
        if command in commands():
            assert f"## `smbstrat {command} " in doc, command
    assert "## `smbstrat new --list --format json`" in doc


def test_main_help_says_how_colour_and_width_are_chosen():
    text = main_help()
    assert "NO_COLOR" in text and "COLUMNS" in text
    assert "new --template" in text
