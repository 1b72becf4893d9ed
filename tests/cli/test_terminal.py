# SPDX-License-Identifier: MIT
"""What the tool does for a terminal: tables fitted to its width, colour.

The width is COLUMNS when it is a positive number, else the terminal's
(TIOCGWINSZ) when standard output is one, else 80. A table that is too
wide first breaks long headings onto two lines, elides long ids with "…"
and wraps its text column; then moves the text under each row; then prints
each row as "HEADING value" pairs. Colour appears on a terminal only, never
with NO_COLOR or TERM=dumb.
"""
import json
import re

import pytest

from clitool import BAKERY, bakery, err, out, run, run_on_terminal, write_json

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

# Lines of `score` that are not tables or prose but the diff's change lines
# (stress tests), shared with `smbstrat diff`, printed as they are.
STRESS_LINE = re.compile(r"^  ~ ")


def findings_doc(tmp_path):
    """A canvas with findings, a long id and long multibyte text."""
    long_id = "seg-" + "x" * 56
    doc = {"smbstrat": 1, "canvas": {
        "name": "Café Ünïcödé",
        "customer_segments": [
            {"id": long_id,
             "text": "Élégantes clientèles " * 6 + "é" * 90},
            {"id": "seg-b", "text": "Short"},
        ],
        "channels": [{"id": "ch-a", "text": "Shop", "links": ["seg-b"]}],
    }}
    return write_json(tmp_path / "findings.json", doc), long_id


def lines_of(proc):
    assert proc.returncode == 0, err(proc)
    text = out(proc)  # decoding fails on a character cut in two
    return text.splitlines()


@pytest.mark.parametrize("columns", [120, 80, 60, 40])
def test_validate_fits_the_width(tmp_path, columns):
    path, long_id = findings_doc(tmp_path)
    lines = lines_of(run("validate", path, columns=columns))
    assert lines[-1].startswith(f"{path}: valid, ")
    for line in lines[:-1]:
        assert len(line) <= columns, line
    text = "\n".join(lines)
    assert "segment_without_value_proposition" in text
    # Every word of the messages is still there, wherever it wrapped.
    assert "is served by no value proposition." in " ".join(l.strip() for l in lines)


def test_long_id_is_elided_with_an_ellipsis(tmp_path):
    path, long_id = findings_doc(tmp_path)
    # 80 columns: the id column is cut to fit, the message moves under the row.
    lines = lines_of(run("validate", path, columns=80))
    header = lines[0]
    assert header.split() == ["SEVERITY", "CODE", "BLOCK", "ITEM"]
    elided = [l for l in lines if "seg-xxx" in l and "…" in l]
    assert elided, lines
    for line in elided:
        cell = line[header.index("ITEM"):]
        assert long_id.startswith(cell[:-1]) and cell.endswith("…")
        assert len(line) <= 80
    # 1000 columns: nothing is cut.
    wide = lines_of(run("validate", path))
    assert any(long_id in l for l in wide)
    assert not any("…" in l for l in wide)


@pytest.mark.parametrize("columns", [30, 20])
def test_narrow_terminal_wraps_long_words_without_breaking_characters(tmp_path, columns):
    doc = {"smbstrat": 1, "scenarios": [{
        "id": "long-" + "y" * 40, "title": "Long " + "é" * 90, "source": "economic",
        "direction": "threat", "likelihood": 0.5, "impact": 3}]}
    path = write_json(tmp_path / "s.json", doc)
    lines = lines_of(run("score", path, columns=columns))  # decoding checks every character
    for line in lines:
        if str(path) not in line:  # a path is never cut
            assert len(line) <= columns, line
    # The 90 é of the title are all there, cut only between characters.
    assert "".join(lines).count("é") == 90


def test_score_of_the_bakery_at_120_columns():
    lines = lines_of(run("score", BAKERY, columns=120))
    for line in lines:
        if not STRESS_LINE.match(line):
            assert len(line) <= 120, line
    forces = lines[2]
    # The drivers stay in the row, wrapped within their column.
    assert forces.split() == ["FORCE", "SCORE", "INTENSITY", "BAND", "WEIGHT", "RATED",
                              "UNRATED", "TOP", "DRIVERS"]
    assert lines[3].startswith("new_entrants ")
    assert lines[3][forces.index("TOP DRIVERS"):].startswith("channel_access 4,")
    # In the threats' table, titles would be cramped beside the numbers: they
    # go under the rows, with the source, and the headings fit on one line.
    i = lines.index("Threats, ranked by exposure (likelihood x impact x vulnerability):")
    assert lines[i + 1].split() == ["RANK", "ID", "P", "IMPACT", "EXPOSURE",
                                    "URGENCY-WEIGHTED", "CELL", "BAND"]
    assert lines[i + 2].split()[:2] == ["1", "minimum-wage"]
    assert lines[i + 3] == "      economic: Minimum wage rises 10% next April"
    assert ("      digital_platforms: Delivery apps become how the neighbourhood orders "
            "breakfast") in lines


def test_score_of_the_bakery_at_60_columns():
    lines = lines_of(run("score", BAKERY, columns=60))
    for line in lines:
        if not STRESS_LINE.match(line):
            assert len(line) <= 60, line
    text = "\n".join(lines)
    # Nothing of the tables is lost: every scenario's id, source and title.
    flat = " ".join(l.strip() for l in lines)
    for scenario in bakery()["scenarios"]:
        assert scenario["id"] in text
        assert f"{scenario['source']}: {scenario['title']}" in flat


def test_score_of_the_bakery_at_80_columns_moves_titles_under_the_rows():
    lines = lines_of(run("score", BAKERY, columns=None))  # piped: 80 columns
    i = lines.index("Threats, ranked by exposure (likelihood x impact x vulnerability):")
    assert lines[i + 1].split() == ["URGENCY-"]  # a heading on two lines
    assert lines[i + 2].split() == ["RANK", "ID", "P", "IMPACT", "EXPOSURE", "WEIGHTED",
                                    "CELL", "BAND"]
    assert lines[i + 3].split() == ["1", "minimum-wage", "0.80", "3.00", "1.74", "1.46",
                                    "5x3=15", "high"]
    # Under the id: the source and the title.
    assert lines[i + 4] == "      economic: Minimum wage rises 10% next April"


@pytest.mark.parametrize("columns", [120, 60])
def test_plan_of_the_bakery_fits(columns):
    lines = lines_of(run("plan", BAKERY, columns=columns))
    for line in lines:
        assert len(line) <= columns, line
    flat = " ".join(l.strip() for l in lines)
    for response in bakery()["responses"]:
        assert response["id"] in flat
        assert response["title"] in flat


def test_natural_layout_when_it_fits():
    # Wide enough: the layout of the tables is what it always was.
    lines = lines_of(run("plan", BAKERY, columns=200))
    assert lines[1].split() == ["RANK", "ID", "SCORE", "REDUCTION", "COST", "MONTHS", "TITLE"]
    assert lines[2].split()[:2] == ["1", "loyalty-programme"]
    assert lines[2].endswith("Loyalty and personalisation programme")


@pytest.mark.parametrize("value", ["", "abc", "0", "-40", "12x", "99999999999999999999"])
def test_invalid_columns_means_80(value):
    lines = lines_of(run("plan", BAKERY, env_extra={"COLUMNS": value}, columns=None))
    assert max(len(l) for l in lines) <= 80
    assert max(len(l) for l in lines) > 70  # 80 is used, not something narrower


def test_terminal_width_from_the_terminal():
    status, text = run_on_terminal("new", "--list", columns=None, window=(24, 44),
                                   env_extra={"NO_COLOR": "1"})
    assert status == 0
    lines = text.replace("\r\n", "\n").splitlines()
    assert lines[0] == "TEMPLATE"  # too narrow for two columns
    assert all(len(l) <= 44 for l in lines)
    # COLUMNS wins over the terminal's width.
    status, text = run_on_terminal("new", "--list", columns=100, window=(24, 44),
                                   env_extra={"NO_COLOR": "1"})
    assert text.splitlines()[0].split() == ["TEMPLATE", "DESCRIPTION"]


def test_control_characters_in_cells_print_as_spaces(tmp_path):
    doc = {"smbstrat": 1, "canvas": {
        "customer_segments": [{"id": "seg-a", "text": "Bell\u0007 and \u001b[31mred\u0085!"}]}}
    path = write_json(tmp_path / "c.json", doc)
    for columns in (1000, 50, 20):
        proc = run("validate", path, columns=columns)
        text = out(proc)
        assert "\x07" not in text and "\x1b" not in text and "\x85" not in text
        assert "Bell" in text and "[31mred" in text


# ---- colour -------------------------------------------------------------------

def diff_pair(tmp_path):
    a = bakery()
    b = bakery()
    b["canvas"]["channels"].pop()
    b["forces"]["rivalry"]["drivers"]["fixed_costs"]["rating"] = 3
    return write_json(tmp_path / "a.json", a), write_json(tmp_path / "b.json", b)


def commands_with_colour(tmp_path):
    path, _ = findings_doc(tmp_path)
    a, b = diff_pair(tmp_path)
    return {
        "validate": ("validate", path),
        "score": ("score", BAKERY),
        "plan": ("plan", BAKERY),
        "diff": ("diff", a, b),
        "new --list": ("new", "--list"),
    }


@pytest.mark.parametrize("command", ["validate", "score", "plan", "diff", "new --list"])
def test_colour_only_on_a_terminal(tmp_path, command):
    argv = commands_with_colour(tmp_path)[command]
    status, coloured = run_on_terminal(*argv, env_extra={"TERM": "xterm"})
    assert status in (0, 1)
    assert ESCAPE.search(coloured), coloured
    # The colours change nothing else: columns line up as without them.
    status, plain = run_on_terminal(*argv, env_extra={"TERM": "xterm", "NO_COLOR": "1"})
    assert not ESCAPE.search(plain)
    assert ESCAPE.sub("", coloured) == plain
    status, dumb = run_on_terminal(*argv, env_extra={"TERM": "dumb"})
    assert not ESCAPE.search(dumb)
    piped = run(*argv, colour=True, env_extra={"TERM": "xterm"})
    assert b"\x1b[" not in piped.stdout


@pytest.mark.parametrize("argv", [
    ("render", BAKERY),
    ("render", BAKERY, "--what", "scenarios"),
    ("new", "--template", "bakery"),
    ("score", "--format", "json", BAKERY),
    ("--help",),
    ("validate", "--help"),
])
def test_documents_json_and_help_never_coloured(argv):
    status, text = run_on_terminal(*argv, env_extra={"TERM": "xterm"})
    assert status == 0
    assert "\x1b[" not in text


def test_json_keeps_its_shape_at_any_width():
    wide = json.loads(out(run("score", "-f", "json", BAKERY)))
    narrow = json.loads(out(run("score", "-f", "json", BAKERY, columns=20)))
    assert wide == narrow
