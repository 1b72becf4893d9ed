# SPDX-License-Identifier: MIT
"""Tests of the smbstrat command-line tool, run as a subprocess.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_TEST_DATA the tests/data directory, SMB_EXAMPLES the examples directory.
"""
import glob
import json
import os
import re

import pytest

from clitool import (BAKERY, DATA, bakery, err, one_error_line, out, run, run_on_terminal,
                     worked_forces, write, write_json)

NINE_BLOCKS = [
    "key_partnerships", "key_activities", "key_resources", "value_propositions",
    "customer_relationships", "channels", "customer_segments", "cost_structure",
    "revenue_streams",
]

# Findings text summary: "FILE: valid[, no canvas|, no findings][, N error(s)]..."
SUMMARY = re.compile(
    r"^(?P<file>.+): valid(?P<rest>(, no canvas|, no findings)?"
    r"(, (?P<errors>\d+) errors?)?(, (?P<warnings>\d+) warnings?)?(, (?P<info>\d+) info)?)$")


# ---- the tool itself --------------------------------------------------------

def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert out(proc) == "smbstrat 0.2.0\n"
    assert proc.stderr == b""


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag):
    proc = run(flag)
    assert proc.returncode == 0
    text = out(proc)
    assert text.startswith("Usage: smbstrat ")
    for command in ("validate", "score", "render", "diff", "new canvas", "new forces"):
        assert command in text
    assert "Examples:" in text
    assert proc.stderr == b""


@pytest.mark.parametrize("command", ["validate", "score", "render", "diff", "new"])
def test_command_help(command):
    for argv in ((command, "--help"), (command, "-h"), ("help", command)):
        proc = run(*argv)
        assert proc.returncode == 0, argv
        text = out(proc)
        assert text.startswith("Usage: smbstrat " + command), argv
        assert "Examples:\n  smbstrat " + command in text, argv
        assert proc.stderr == b""


def test_help_wins_over_missing_operands():
    # --help anywhere on a command line shows help even without a FILE.
    assert run("render", "--format", "svg", "--help").returncode == 0


@pytest.mark.parametrize("argv, needle", [
    ((), "missing command"),
    (("frobnicate",), "unknown command 'frobnicate'"),
    (("--bogus",), "unknown option '--bogus'"),
    (("validate",), "missing FILE"),
    (("validate", "--bogus", "x.json"), "unknown option '--bogus'"),
    (("validate", "-x", "x.json"), "unknown option '-x'"),
    (("validate", "a.json", "b.json"), "unexpected argument 'b.json'"),
    (("validate", "--format", "xml", "x.json"), "unknown format 'xml'"),
    (("validate", "--strict=yes", "x.json"), "option '--strict' takes no value"),
    (("render", "x.json", "--format", "pdf"), "unknown format 'pdf'"),
    (("render", "x.json", "-o"), "option '-o' needs a value"),
    (("render", "x.json", "--format"), "option '--format' needs a value"),
    (("diff", "a.json"), "expected two files"),
    (("diff", "a.json", "b.json", "c.json"), "unexpected argument 'c.json'"),
    (("diff", "--format", "svg", "a.json", "b.json"), "unknown format 'svg'"),
    (("render", "x.json", "--what", "table"),
     "cannot render 'table' (use canvas, forces or scenarios)"),
    (("render", "x.json", "--what"), "option '--what' needs a value"),
    (("score",), "missing FILE"),
    (("score", "a.json", "b.json"), "unexpected argument 'b.json'"),
    (("score", "--format", "csv", "a.json"), "unknown format 'csv'"),
    (("score", "--strict", "a.json"), "unknown option '--strict'"),
    (("new",), "missing what to create (canvas, forces or --template NAME)"),
    (("new", "widget"), "cannot create 'widget' (use canvas, forces or --template NAME)"),
    (("help", "frobnicate"), "unknown command 'frobnicate'"),
])
def test_usage_errors_exit_2(argv, needle):
    proc = run(*argv)
    assert proc.returncode == 2
    assert proc.stdout == b""
    text = err(proc)
    assert text.startswith("smbstrat: ")
    assert needle in text
    assert "Usage" in text


# ---- validate ---------------------------------------------------------------

def parse_table(text):
    """Rows of the findings table as (severity, code, block, item, message)."""
    lines = text.splitlines()
    if len(lines) == 1:
        return []
    header = lines[0]
    assert header.split()[:4] == ["SEVERITY", "CODE", "BLOCK", "ITEM"], header
    # Aligned: every column starts where its heading does.
    starts = [header.index(h) for h in ("CODE", "BLOCK", "ITEM", "MESSAGE")]
    rows = []
    for line in lines[1:-1]:
        cells = [line[:starts[0]], line[starts[0]:starts[1]], line[starts[1]:starts[2]],
                 line[starts[2]:starts[3]], line[starts[3]:]]
        assert all(c.endswith("  ") for c in cells[:4]), line
        rows.append(tuple(c.strip() for c in cells))
    return rows


def validate_json(path):
    proc = run("validate", "--format", "json", path)
    assert proc.returncode == 0, err(proc)
    return json.loads(out(proc))


def test_validate_bakery():
    proc = run("validate", BAKERY)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    text = out(proc)
    last = text.splitlines()[-1]
    m = SUMMARY.match(last)
    assert m, last
    assert m.group("file") == BAKERY
    rows = parse_table(text)

    # The table, the summary and the JSON report tell the same story.
    report = validate_json(BAKERY)
    assert report["file"] == BAKERY and report["valid"] is True and report["canvas"] is True
    assert [(f["severity"], f["code"], f["block"] or "-", f["item"] or "-", f["message"])
            for f in report["findings"]] == rows
    totals = report["totals"]
    for sev in ("error", "warning", "info"):
        assert totals[sev] == sum(1 for r in rows if r[0] == sev)
    assert int(m.group("errors") or 0) == totals["error"]
    assert int(m.group("warnings") or 0) == totals["warning"]
    assert int(m.group("info") or 0) == totals["info"]
    if not rows:
        assert last == BAKERY + ": valid, no findings"

    # The example is meant to be a coherent model: no error-level finding.
    assert totals["error"] == 0


def test_bakery_example_is_complete():
    # The example documents every feature of the format (the guide relies on it).
    canvas = bakery()["canvas"]
    evidence = set()
    kinds = set()
    for block in NINE_BLOCKS:
        items = canvas[block]
        assert 2 <= len(items) <= 5, block
        for item in items:
            evidence.add(item["evidence"])
            if "kind" in item:
                kinds.add(item["kind"])
                assert item["amount"] > 0
    assert {"assumption", "testing", "validated"} <= evidence
    assert {"asset_sale", "subscription", "usage_fee", "fixed", "variable"} <= kinds


def lone_segment_doc(tmp_path):
    return write(tmp_path / "lone.json", """{
  "smbstrat": 1,
  "canvas": {
    "customer_segments": [
      {"id": "seg-tourists", "text": "Weekend tourists"}
    ]
  }
}
""")


def test_validate_json_lists_findings(tmp_path):
    # A segment that nothing serves or reaches is a coherence problem.
    report = validate_json(lone_segment_doc(tmp_path))
    codes = {(f["code"], f["block"], f["item"]) for f in report["findings"]}
    assert ("segment_without_channel", "customer_segments", "seg-tourists") in codes
    for f in report["findings"]:
        assert set(f) == {"severity", "code", "block", "item", "message"}
        assert f["severity"] in ("info", "warning", "error")
        assert f["block"] is None or f["block"] in NINE_BLOCKS
        assert f["message"]


def test_validate_strict(tmp_path):
    path = lone_segment_doc(tmp_path)
    report = validate_json(path)
    assert report["totals"]["warning"] + report["totals"]["error"] > 0
    # Without --strict findings do not fail the run; with it they do.
    assert run("validate", path).returncode == 0
    strict = run("validate", "--strict", path)
    assert strict.returncode == 1
    assert SUMMARY.match(out(strict).splitlines()[-1])
    assert run("validate", path, "--strict", "--format", "json").returncode == 1

    bakery_report = validate_json(BAKERY)
    expected = 1 if bakery_report["totals"]["warning"] + bakery_report["totals"]["error"] else 0
    assert run("validate", "--strict", BAKERY).returncode == expected


def test_colour_only_on_a_terminal(tmp_path):
    path = lone_segment_doc(tmp_path)
    # Severities are coloured on a terminal...
    status, text = run_on_terminal("validate", path, env_extra={"TERM": "xterm"})
    assert status == 0
    assert re.search(r"\x1b\[3[136]m(warning|error|info)\x1b\[0m", text), text
    # ...but not when NO_COLOR is set, nor on a dumb terminal, nor in a pipe.
    for extra in ({"TERM": "xterm", "NO_COLOR": "1"}, {"TERM": "dumb"}):
        status, text = run_on_terminal("validate", path, env_extra=extra)
        assert status == 0 and "\x1b" not in text, extra
    piped = run("validate", path, colour=True)
    assert b"\x1b" not in piped.stdout


def test_validate_document_without_canvas(tmp_path):
    path = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    proc = run("validate", "--strict", path)
    assert proc.returncode == 0
    assert out(proc) == f"{path}: valid, no canvas\n"
    report = validate_json(path)
    assert report["findings"] == [] and report["canvas"] is False
    assert report["totals"] == {"error": 0, "warning": 0, "info": 0}


BROKEN_DATA = sorted(glob.glob(os.path.join(DATA, "broken_*.json")))
VALID_DATA = sorted(set(glob.glob(os.path.join(DATA, "*.json"))) - set(BROKEN_DATA))


@pytest.mark.skipif(not VALID_DATA, reason="no valid documents in tests/data yet")
@pytest.mark.parametrize("path", VALID_DATA, ids=[os.path.basename(p) for p in VALID_DATA])
def test_validate_valid_data(path):
    proc = run("validate", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    assert SUMMARY.match(out(proc).splitlines()[-1])


@pytest.mark.skipif(not BROKEN_DATA, reason="no tests/data/broken_*.json yet")
@pytest.mark.parametrize("path", BROKEN_DATA, ids=[os.path.basename(p) for p in BROKEN_DATA])
def test_validate_broken_data(path):
    proc = run("validate", path)
    assert proc.returncode == 3, err(proc)
    assert proc.stdout == b""
    line = one_error_line(proc)
    assert re.search(re.escape(path) + r":\d+:\d+: \$", line), line


# Our own broken documents: (name, text, start of the JSON path, line, a
# word of the path or message).
# One item per line so that the line is the same whether the library points
# at the member's name or at its value.
CRAFTED = [
    ("importance", """{
  "smbstrat": 1,
  "canvas": {
    "channels": [
      {"id": "ch-shop", "text": "Shop counter"},
      {"id": "ch-web", "text": "Web shop", "importance": 9}
    ]
  }
}
""", "$.canvas.channels[1].importance", 6, "1 to 5"),
    ("unknown_key", """{
  "smbstrat": 1,
  "canvas": {
    "name": "Crumb & Co.",
    "key_partnerships": [
      {"id": "kp-mill", "text": "Mill", "colour": "brown"}
    ]
  }
}
""", "$.canvas.key_partnerships[0]", 6, "colour"),
    ("dangling_link", """{
  "smbstrat": 1,
  "canvas": {
    "value_propositions": [
      {"id": "vp-fresh", "text": "Fresh bread", "links": ["seg-nobody"]}
    ]
  }
}
""", "$.canvas.value_propositions[0].links[0]", 5, "seg-nobody"),
    ("duplicate_id", """{
  "smbstrat": 1,
  "canvas": {
    "channels": [{"id": "x-1", "text": "Shop"}],
    "customer_segments": [
      {"id": "x-2", "text": "Families"},
      {"id": "x-1", "text": "Tourists"}
    ]
  }
}
""", "$.canvas.customer_segments[1].id", 7, "x-1"),
    ("bad_evidence", """{
  "smbstrat": 1,
  "canvas": {
    "channels": [
      {"id": "ch-shop", "text": "Shop", "evidence": "hopeful"}
    ]
  }
}
""", "$.canvas.channels[0].evidence", 5, "assumption"),
    ("unknown_section", """{
  "smbstrat": 1,
  "scenario": []
}
""", "$.scenario", 3, "unknown key"),
    ("malformed", """{
  "smbstrat": 1,
  "canvas": {
    "name": "Crumb",,
  }
}
""", "$.canvas", 4, ""),
]


@pytest.mark.parametrize("name, text, json_path, line, needle", CRAFTED,
                         ids=[c[0] for c in CRAFTED])
def test_validate_crafted_broken(tmp_path, name, text, json_path, line, needle):
    path = write(tmp_path / (name + ".json"), text)
    proc = run("validate", path)
    assert proc.returncode == 3, err(proc)
    assert proc.stdout == b""
    msg = one_error_line(proc)
    m = re.match(r"smbstrat: (.+):(\d+):(\d+): (\$\S*): (.+)$", msg)
    assert m, msg
    assert m.group(1) == str(path)
    assert int(m.group(2)) == line, msg
    assert int(m.group(3)) >= 1
    assert m.group(4).startswith(json_path), msg
    assert needle in m.group(4) + ": " + m.group(5), msg


def test_validate_invalid_utf8(tmp_path):
    path = write(tmp_path / "latin1.json",
                 b'{\n  "smbstrat": 1,\n  "canvas": {"name": "Caf\xe9"}\n}\n')
    proc = run("validate", path)
    assert proc.returncode == 3
    assert re.search(re.escape(str(path)) + r":3:\d+: ", one_error_line(proc))


def test_validate_missing_version(tmp_path):
    path = write(tmp_path / "noversion.json", '{\n  "canvas": {}\n}\n')
    proc = run("validate", path)
    assert proc.returncode == 3
    assert "smbstrat" in one_error_line(proc)[len("smbstrat: "):]


def test_validate_nonexistent_file_exits_4(tmp_path):
    path = tmp_path / "missing.json"
    proc = run("validate", path)
    assert proc.returncode == 4
    assert proc.stdout == b""
    assert str(path) in one_error_line(proc)


def test_validate_directory_exits_4(tmp_path):
    proc = run("validate", tmp_path)
    assert proc.returncode == 4
    one_error_line(proc)


# ---- render -----------------------------------------------------------------

def test_render_markdown_default():
    proc = run("render", BAKERY)
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.startswith("# Crumb")
    # Every item is on the page.
    for block in NINE_BLOCKS:
        for item in bakery()["canvas"][block]:
            assert item["id"] in text
    assert run("render", "--format", "markdown", BAKERY).stdout == proc.stdout
    assert run("render", BAKERY, "-o", "-").stdout == proc.stdout


@pytest.mark.parametrize("fmt, start, end", [
    ("svg", "<", "</svg>"),
    ("html", "<!", "</html>"),
])
def test_render_svg_html(fmt, start, end):
    proc = run("render", BAKERY, "--format", fmt)
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.lstrip().startswith(start)
    assert text.rstrip().endswith(end)
    assert "Crumb" in text


@pytest.mark.parametrize("fmt", ["markdown", "svg", "html"])
def test_render_to_file(tmp_path, fmt):
    target = tmp_path / ("bakery." + fmt)
    proc = run("render", BAKERY, "-f", fmt, "-o", target)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b"" and proc.stderr == b""
    assert target.read_bytes() == run("render", BAKERY, "--format=" + fmt).stdout
    # -o replaces an existing file and leaves no temporary file behind.
    target.write_text("old")
    assert run("render", BAKERY, "--format", fmt, "--output", target).returncode == 0
    assert target.read_bytes() == run("render", BAKERY, "--format", fmt).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_render_write_errors_exit_4(tmp_path):
    proc = run("render", BAKERY, "-o", tmp_path / "no-such-dir" / "out.md")
    assert proc.returncode == 4
    assert "no-such-dir" in one_error_line(proc)
    # A directory cannot be replaced by a file; nothing is left behind.
    (tmp_path / "taken").mkdir()
    proc = run("render", BAKERY, "-o", tmp_path / "taken")
    assert proc.returncode == 4
    one_error_line(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


@pytest.mark.parametrize("argv", [
    ("render", BAKERY),
    ("render", BAKERY, "--what", "forces", "--format", "svg"),
    ("validate", BAKERY),
    ("score", BAKERY),
    ("score", BAKERY, "--format", "json"),
    ("diff", BAKERY, BAKERY),
    ("new", "canvas"),
    ("new", "forces"),
    ("--help",),
])
def test_full_stdout_exits_4(argv):
    # A report cut short must not look like a complete one to a script.
    with open("/dev/full", "wb") as full:
        proc = run(*argv, stdout=full)
    assert proc.returncode == 4
    assert "standard output" in one_error_line(proc)


def test_render_errors(tmp_path):
    proc = run("render", tmp_path / "missing.json")
    assert proc.returncode == 4
    one_error_line(proc)
    bare = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    proc = run("render", bare)
    assert proc.returncode == 3
    assert "no canvas" in one_error_line(proc)
    broken = write(tmp_path / "broken.json", CRAFTED[0][1])
    proc = run("render", broken, "-o", tmp_path / "out.md")
    assert proc.returncode == 3
    assert not (tmp_path / "out.md").exists()


def forces_only(tmp_path, name="forces.json"):
    return write_json(tmp_path / name, worked_forces())


def test_render_what_defaults_to_canvas_then_forces(tmp_path):
    # The bakery has both: the canvas by default, the forces when asked.
    canvas = run("render", BAKERY)
    assert canvas.returncode == 0, err(canvas)
    assert canvas.stdout == run("render", BAKERY, "--what", "canvas").stdout
    forces = run("render", BAKERY, "-w", "forces")
    assert forces.returncode == 0, err(forces)
    assert out(forces).startswith("# Artisan bread in the Mill Street neighbourhood, 2026\n")
    assert "## Forces\n" in out(forces) and "## Drivers\n" in out(forces)
    # A document with only forces renders them by default.
    path = forces_only(tmp_path)
    proc = run("render", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == run("render", path, "--what=forces").stdout


def test_render_forces_markdown_shows_the_worked_scores(tmp_path):
    # Scores worked by hand in clitool.worked_forces().
    proc = run("render", forces_only(tmp_path))
    text = out(proc)
    assert text.startswith("# Artisan bakery, city centre\n\n**Attractiveness:** 0.51 \u00b7 "
                           "**competitive pressure:** 0.49 (both from 0 to 1) \u00b7 "
                           "**dominant force:** Bargaining Power of Buyers\n")
    assert "| Threat of New Entrants | 2.75 | 0.44 | moderate | 1 | 2 | 7 |\n" in text
    assert "| Bargaining Power of Suppliers | \u2014 | \u2014 | unrated | 1 | 0 | 6 |\n" in text
    assert ("| Bargaining Power of Buyers **(dominant)** | 4.50 | 0.88 | high | 1 | 2 | 4 |\n"
            in text)
    assert "| Threat of Substitutes | 1.50 | 0.13 | low | 1 | 1 | 2 |\n" in text
    assert "| Rivalry Among Existing Competitors | 3.00 | 0.50 | moderate | 2 | 2 | 5 |\n" in text
    assert ("| buyer_power | Buyer switching costs `switching_costs` | 5 | 1 | 0.8 "
            "| The supermarket is next door |\n") in text


@pytest.mark.parametrize("fmt, start, end", [
    ("svg", "<?xml", "</svg>\n"),
    ("html", "<!DOCTYPE html>", "</html>\n"),
])
def test_render_forces_svg_html(tmp_path, fmt, start, end):
    target = tmp_path / ("forces." + fmt)
    proc = run("render", forces_only(tmp_path), "--what", "forces", "-f", fmt, "-o", target)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b"" and proc.stderr == b""
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start) and text.endswith(end)
    assert "Attractiveness 0.51" in text


def test_render_asks_for_what_is_missing(tmp_path):
    bare = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    proc = run("render", bare)
    assert proc.returncode == 3
    assert one_error_line(proc) == (
        f"smbstrat: {bare}: the document has no canvas, forces or scenarios to render")
    proc = run("render", bare, "--what", "forces")
    assert proc.returncode == 3
    assert one_error_line(proc) == f"smbstrat: {bare}: the document has no forces section to render"
    only_forces = forces_only(tmp_path)
    proc = run("render", only_forces, "--what", "canvas", "-o", tmp_path / "out.md")
    assert proc.returncode == 3
    assert "no canvas to render" in one_error_line(proc)
    assert not (tmp_path / "out.md").exists()
    doc = bakery()
    del doc["forces"]
    proc = run("render", write_json(tmp_path / "canvas.json", doc), "--what", "forces")
    assert proc.returncode == 3
    assert "no forces section to render" in one_error_line(proc)


# ---- diff -------------------------------------------------------------------

def diff_lines(proc):
    lines = out(proc).splitlines()
    return lines[:-1], lines[-1]


def test_diff_identical(tmp_path):
    copy_path = write_json(tmp_path / "copy.json", bakery())
    for extra in ((), ("--exit-code",)):
        proc = run("diff", BAKERY, copy_path, *extra)
        assert proc.returncode == 0, err(proc)
        assert out(proc) == f"{BAKERY} -> {copy_path}: no changes\n"
    report = json.loads(out(run("diff", "--format", "json", BAKERY, copy_path)))
    assert report["changes"] == []
    assert set(report["totals"].values()) == {0}


def edited_bakery(tmp_path):
    doc = bakery()
    for item in doc["canvas"]["value_propositions"]:
        if item["id"] == "vp-club":
            item["text"] = "Bread Club: two loaves a week, chosen by the baker"
    doc["canvas"]["channels"].append(
        {"id": "ch-market", "text": "Saturday farmers' market stall"})
    return write_json(tmp_path / "edited.json", doc)


def test_diff_text_and_json(tmp_path):
    edited = edited_bakery(tmp_path)
    proc = run("diff", BAKERY, edited)
    assert proc.returncode == 0, err(proc)
    changes, summary = diff_lines(proc)
    assert sorted(changes) == sorted([
        "+ ch-market (channels): Saturday farmers' market stall",
        "~ vp-club (value_propositions): text",
    ])
    assert summary == f"{BAKERY} -> {edited}: 1 item added, 1 item changed"
    assert run("diff", "--exit-code", BAKERY, edited).returncode == 1

    report = json.loads(out(run("diff", BAKERY, edited, "--format", "json")))
    assert report["before"] == BAKERY and report["after"] == str(edited)
    assert sorted(report["changes"], key=lambda c: c["id"]) == [
        {"change": "added", "id": "ch-market", "block": "channels"},
        {"change": "changed", "id": "vp-club", "block": "value_propositions",
         "fields": ["text"]},
    ]
    assert report["totals"] == {"added": 1, "removed": 0, "changed": 1,
                                "link_added": 0, "link_removed": 0}

    # Backwards, the new channel is removed (with its text from the first file).
    proc = run("diff", edited, BAKERY)
    changes, summary = diff_lines(proc)
    assert "- ch-market (channels): Saturday farmers' market stall" in changes
    assert summary == f"{edited} -> {BAKERY}: 1 item removed, 1 item changed"


def test_diff_fields_and_links(tmp_path):
    doc = bakery()
    canvas = doc["canvas"]
    for item in canvas["revenue_streams"]:
        if item["id"] == "rev-club":
            item["importance"] = 5
            item["evidence"] = "testing"
            item["amount"] = 62400
    for item in canvas["channels"]:
        if item["id"] == "ch-bikes":
            item["links"].append("seg-neighbours")
        if item["id"] == "ch-web":
            item["links"].remove("seg-neighbours")
    after = write_json(tmp_path / "after.json", doc)
    proc = run("diff", BAKERY, after, "--exit-code")
    assert proc.returncode == 1
    changes, summary = diff_lines(proc)
    assert sorted(changes) == sorted([
        "~ rev-club (revenue_streams): importance, evidence, amount",
        "+ link ch-bikes -> seg-neighbours",
        "- link ch-web -> seg-neighbours",
    ])
    assert summary.endswith(": 1 item changed, 1 link added, 1 link removed")
    report = json.loads(out(run("diff", "-f", "json", BAKERY, after)))
    links = sorted((c["change"], c["id"], c["target"]) for c in report["changes"]
                   if c["change"].startswith("link"))
    assert links == [("link_added", "ch-bikes", "seg-neighbours"),
                     ("link_removed", "ch-web", "seg-neighbours")]


def test_diff_missing_canvas_is_empty(tmp_path):
    bare = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    empty = tmp_path / "empty.json"
    assert run("new", "canvas", "-o", empty).returncode == 0
    proc = run("diff", "--exit-code", bare, empty)
    assert proc.returncode == 0
    assert out(proc).endswith(": no changes\n")


def edited_forces(tmp_path):
    """worked_forces() with one change of each kind; see test_diff_forces."""
    doc = worked_forces()
    forces = doc["forces"]
    forces["rivalry"]["drivers"]["exit_barriers"]["rating"] = 4.5
    forces["buyer_power"]["drivers"]["price_sensitivity"]["weight"] = 2
    forces["buyer_power"]["drivers"]["switching_costs"]["rationale"] = "A second supermarket opened"
    del forces["substitutes"]["drivers"]["price_performance"]
    forces["substitutes"]["drivers"]["home_baking"] = {"title": "Home baking", "rating": 2.25}
    forces["supplier_power"]["drivers"]["supplier_concentration"] = {"rating": 4}
    del forces["weights"]
    return write_json(tmp_path / "after.json", doc)


def test_diff_forces_text(tmp_path):
    # Before: clitool.worked_forces(). After, worked by hand:
    #   supplier_power: supplier_concentration 4 -> score 4, high
    #   buyer_power: price_sensitivity weight 2 -> (2*4 + 5)/3 = 4.333 (-0.167)
    #   substitutes: price_performance unrated, home_baking 2.25 -> 2.25 (+0.75)
    #   rivalry: exit_barriers 4.5 -> (4.5 + 3)/2 = 3.75 (+0.75), high; weight 2 -> 1
    #   pressure = (0.4375 + 0.75 + 0.8333 + 0.3125 + 0.6875) / 5 = 0.6042 (was 0.4875)
    #   attractiveness 0.3958 (was 0.5125): -0.1167
    before = forces_only(tmp_path, "before.json")
    after = edited_forces(tmp_path)
    proc = run("diff", before, after)
    assert proc.returncode == 0, err(proc)
    assert out(proc).splitlines() == [
        "~ supplier_power/supplier_concentration: rating unrated -> 4",
        "~ buyer_power/switching_costs: rationale",
        "~ buyer_power/price_sensitivity: weight 1 -> 2",
        "~ substitutes/price_performance: rating 1.5 -> unrated",
        "+ substitutes/home_baking: Home baking (2.25)",
        "~ rivalry/exit_barriers: rating 3 -> 4.5 (+1.5)",
        "~ force supplier_power: score - -> 4.00, band unrated -> high",
        "~ force buyer_power: score 4.50 -> 4.33 (-0.17), band high",
        "~ force substitutes: score 1.50 -> 2.25 (+0.75), band low",
        "~ force rivalry: score 3.00 -> 3.75 (+0.75), band moderate -> high, weight 2 -> 1",
        "~ attractiveness 0.51 -> 0.40 (-0.12), pressure 0.49 -> 0.60 (+0.12)",
        f"{before} -> {after}: 1 driver added, 5 drivers changed, 4 forces changed",
    ]
    assert run("diff", "--exit-code", before, after).returncode == 1
    # Backwards, the custom driver is removed, with its title from the first file.
    proc = run("diff", after, before)
    assert "- substitutes/home_baking: Home baking (2.25)" in out(proc).splitlines()
    assert out(proc).endswith(": 1 driver removed, 5 drivers changed, 4 forces changed\n")


def test_diff_forces_json(tmp_path):
    before = forces_only(tmp_path, "before.json")
    after = edited_forces(tmp_path)
    report = json.loads(out(run("diff", "--format", "json", before, after)))
    assert report["changes"] == []
    forces = report["forces"]
    assert forces["totals"] == {"added": 1, "removed": 0, "changed": 5, "forces_changed": 4}
    drivers = {(d["force"], d["key"]): d for d in forces["drivers"]}
    assert len(drivers) == 6
    assert drivers["rivalry", "exit_barriers"] == {
        "change": "changed", "force": "rivalry", "key": "exit_barriers",
        "title": "Exit barriers", "fields": ["rating"], "rating_before": 3.0,
        "rating_after": 4.5, "delta": 1.5, "weight_before": 1.0, "weight_after": 1.0}
    assert drivers["substitutes", "home_baking"] == {
        "change": "added", "force": "substitutes", "key": "home_baking", "title": "Home baking",
        "fields": [], "rating_before": None, "rating_after": 2.25, "delta": None,
        "weight_before": None, "weight_after": 1.0}
    assert drivers["substitutes", "price_performance"]["rating_after"] is None
    assert drivers["substitutes", "price_performance"]["delta"] is None
    assert drivers["buyer_power", "switching_costs"]["fields"] == ["rationale"]
    assert drivers["buyer_power", "price_sensitivity"]["weight_after"] == 2.0
    assert forces["forces"]["new_entrants"] == {
        "changed": False, "score_before": 2.75, "score_after": 2.75, "score_delta": 0.0,
        "intensity_delta": 0.0, "band_before": "moderate", "band_after": "moderate",
        "weight_before": 1.0, "weight_after": 1.0}
    supplier = forces["forces"]["supplier_power"]
    assert supplier["score_before"] is None and supplier["score_after"] == 4.0
    assert supplier["score_delta"] is None and supplier["band_before"] is None
    rivalry = forces["forces"]["rivalry"]
    assert rivalry["score_delta"] == 0.75 and rivalry["intensity_delta"] == 0.1875
    assert (rivalry["weight_before"], rivalry["weight_after"]) == (2.0, 1.0)
    assert forces["forces"]["buyer_power"]["score_delta"] == pytest.approx(13 / 3 - 4.5)
    assert forces["attractiveness"]["before"] == 0.5125
    assert forces["attractiveness"]["after"] == pytest.approx(1 - 3.0208333333333 / 5)
    assert forces["attractiveness"]["delta"] == pytest.approx(-0.1166666666667)
    assert forces["pressure"]["delta"] == pytest.approx(0.1166666666667)


def test_diff_forces_identical_and_absent(tmp_path):
    before = forces_only(tmp_path, "before.json")
    copy = forces_only(tmp_path, "copy.json")
    proc = run("diff", "--exit-code", before, copy)
    assert proc.returncode == 0
    assert out(proc) == f"{before} -> {copy}: no changes\n"
    report = json.loads(out(run("diff", "-f", "json", before, copy)))
    assert report["forces"]["drivers"] == []
    assert set(report["forces"]["totals"].values()) == {0}
    # Neither document has forces: they are not mentioned.
    bare = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    assert json.loads(out(run("diff", "-f", "json", bare, bare)))["forces"] is None
    # One side without forces compares as a new, unrated assessment: the
    # seven ratings appear, and rivalry's weight 1 -> 2.
    proc = run("diff", bare, before)
    lines = out(proc).splitlines()
    assert "~ rivalry/exit_barriers: rating unrated -> 3" in lines
    assert ("~ force rivalry: score - -> 3.00, band unrated -> moderate, weight 1 -> 2"
            in lines)
    assert "~ attractiveness - -> 0.51, pressure - -> 0.49" in lines
    assert lines[-1] == f"{bare} -> {before}: 7 drivers changed, 4 forces changed"
    report = json.loads(out(run("diff", "-f", "json", bare, before)))
    assert report["forces"]["attractiveness"] == {"before": None, "after": 0.5125,
                                                  "delta": None}


def test_diff_canvas_and_forces_together(tmp_path):
    doc = bakery()
    doc["forces"]["rivalry"]["drivers"]["exit_barriers"]["rating"] = 1
    doc["canvas"]["channels"].append({"id": "ch-market", "text": "Saturday market stall"})
    after = write_json(tmp_path / "after.json", doc)
    proc = run("diff", BAKERY, after)
    assert proc.returncode == 0, err(proc)
    lines = out(proc).splitlines()
    assert lines[0] == "+ ch-market (channels): Saturday market stall"
    assert any(line.startswith("~ rivalry/exit_barriers: rating ") for line in lines)
    assert lines[-1] == (f"{BAKERY} -> {after}: 1 item added, 1 driver changed, "
                         "1 force changed")


def test_diff_errors(tmp_path):
    broken = write(tmp_path / "broken.json", CRAFTED[0][1])
    proc = run("diff", BAKERY, broken)
    assert proc.returncode == 3
    assert proc.stdout == b""
    assert str(broken) in one_error_line(proc)
    proc = run("diff", tmp_path / "missing.json", BAKERY)
    assert proc.returncode == 4
    one_error_line(proc)


# ---- new --------------------------------------------------------------------

def test_new_canvas_stdout_validates(tmp_path):
    proc = run("new", "canvas")
    assert proc.returncode == 0, err(proc)
    doc = json.loads(out(proc))
    assert doc["smbstrat"] == 1
    assert list(doc["canvas"]) == NINE_BLOCKS
    assert all(doc["canvas"][b] == [] for b in NINE_BLOCKS)
    path = write(tmp_path / "new.json", proc.stdout)
    assert run("validate", path).returncode == 0


def test_new_canvas_name_and_file(tmp_path):
    path = tmp_path / "cafe.json"
    proc = run("new", "canvas", "--name", "Crumb & Co. Café", "-o", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b""
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["canvas"]["name"] == "Crumb & Co. Café"
    assert path.read_bytes() == run("new", "canvas", "-n", "Crumb & Co. Café").stdout
    assert run("validate", path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cafe.json"]


def test_new_canvas_refuses_to_overwrite(tmp_path):
    path = write(tmp_path / "mine.json", "precious\n")
    proc = run("new", "canvas", "-o", path)
    assert proc.returncode == 4
    assert "--force" in one_error_line(proc)
    assert path.read_text() == "precious\n"
    proc = run("new", "canvas", "-o", path, "--force")
    assert proc.returncode == 0, err(proc)
    assert json.loads(path.read_text())["smbstrat"] == 1


def test_new_forces(tmp_path):
    proc = run("new", "forces", "--name", "Artisan bakeries in Leeds, 2026")
    assert proc.returncode == 0, err(proc)
    doc = json.loads(out(proc))
    assert doc == {"smbstrat": 1, "forces": {
        "name": "Artisan bakeries in Leeds, 2026",
        "new_entrants": {"drivers": {}}, "supplier_power": {"drivers": {}},
        "buyer_power": {"drivers": {}}, "substitutes": {"drivers": {}},
        "rivalry": {"drivers": {}}}}
    path = tmp_path / "forces.json"
    assert run("new", "forces", "-n", "Artisan bakeries in Leeds, 2026", "-o", path).returncode == 0
    assert path.read_bytes() == proc.stdout
    assert run("validate", path).returncode == 0
    # Nothing is rated yet: every force unscored, 31 drivers to rate.
    score = json.loads(out(run("score", path, "--format", "json")))
    assert score["attractiveness"] is None and len(score["unrated"]) == 31
    # Without a name there is none; and an existing file is left alone.
    assert "name" not in json.loads(out(run("new", "forces")))["forces"]
    proc = run("new", "forces", "-o", path)
    assert proc.returncode == 4
    assert "--force" in one_error_line(proc)
    assert run("new", "forces", "-o", path, "--force").returncode == 0
    assert "name" not in json.loads(path.read_text())["forces"]


def test_new_canvas_errors(tmp_path):
    proc = run("new", "canvas", "-o", tmp_path / "no-such-dir" / "x.json")
    assert proc.returncode == 4
    one_error_line(proc)
    # A name that is not UTF-8 is invalid input, and nothing is written.
    proc = run("new", "canvas", "--name", b"Caf\xe9", "-o", tmp_path / "latin1.json")
    assert proc.returncode == 3
    one_error_line(proc)
    proc = run("new", "forces", "--name", b"Caf\xe9", "-o", tmp_path / "latin1.json")
    assert proc.returncode == 3
    one_error_line(proc)
    assert list(tmp_path.iterdir()) == []
