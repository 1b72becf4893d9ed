# SPDX-License-Identifier: MIT
"""`smbstrat report`: the shareable report at the command line.

The HTML page is read back by real parsers: its tags balance, every inline
SVG is well-formed XML, nothing is fetched from the network and no script
is present, whatever text the document holds. The options set up the
simulation (or leave it out) and are checked like the other commands'.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_TEST_DATA the tests/data directory, SMB_EXAMPLES the examples directory.
"""
import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from clitool import BAKERY, DATA, err, one_error_line, out, run, write_json

SMALL = os.path.join(DATA, "report_small.json")
SVG_NS = "{http://www.w3.org/2000/svg}"

# HTML elements that never have an end tag.
VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed",
        "source", "track", "wbr"}

HOSTILE = ("<script>alert(\"x\")</script> & &amp; ' \" ]]> <!-- --> "
           "\u0001\u0008\u000b\u000c\u001f\u007f\u0085\u009f "
           "\ufffe\uffff \u2028\u2029 \u202e bread 🍞 面包\r\n# heading | cell")

SECTIONS = ["summary", "business-model-canvas", "five-forces", "resilience-profile",
            "disruption-scenarios", "block-heat", "simulation", "recommended-responses"]


class TagBalance(HTMLParser):
    """Checks that every element is closed in order; collects what a page
    must not have (scripts, event handlers, external references)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.scripts = 0
        self.references = []
        self.ids = []
        self.inline_svg_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "xlink:href", "action", "srcset"):
                self.references.append(value or "")
            if name == "id":
                self.ids.append(value)
            if value and ("http://" in value or "https://" in value) and name != "xmlns":
                self.problems.append(f"network reference {name}={value!r} on <{tag}>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        # <line .../> inside SVG: opened and closed at once.
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack:
            self.problems.append(f"</{tag}> closes nothing")
            return
        top = self.stack.pop()
        if top != tag:
            self.problems.append(f"</{tag}> closes <{top}>")


def check_page(html):
    """Parse a report page and assert it is balanced and self-contained."""
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n")
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    assert parser.problems == []
    assert parser.stack == [], parser.stack
    assert parser.scripts == 0
    # Links only to anchors of the page itself, and each anchor exists.
    for ref in parser.references:
        assert ref.startswith("#"), ref
        assert ref[1:] in parser.ids, ref
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    # No address but the SVG namespace.
    addresses = re.findall(r"https?://[^\s\"'<>]*", html)
    assert set(addresses) <= {"http://www.w3.org/2000/svg"}, addresses
    # Every inline picture is well-formed XML on its own.
    pictures = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    for svg in pictures:
        root = ET.fromstring(svg)
        assert root.tag == SVG_NS + "svg"
        assert root.find(SVG_NS + "title") is not None
    return parser, pictures


def report(*args):
    proc = run("report", *args)
    assert proc.returncode == 0, err(proc)
    assert err(proc) == ""
    return out(proc)


# ---- output -----------------------------------------------------------------

def test_html_to_standard_output_by_default_with_a_simulation():
    html = report(BAKERY, "--trials", "2000")
    parser, pictures = check_page(html)
    for anchor in SECTIONS:
        assert f'<section id="{anchor}"' in html
        assert f'<a href="#{anchor}">' in html
    # Canvas, forces, resilience, risk matrix, heat, histogram.
    assert len(pictures) == 6
    assert "The figures below come from 2,000 simulated outcomes (seed 0)" in html
    assert "<title>Crumb &amp; Co. Bakery \u2014 Strategy report</title>" in html


def test_output_file_and_markdown(tmp_path):
    target = tmp_path / "REPORT.md"
    proc = run("report", BAKERY, "--format", "markdown", "-o", target, "--no-simulation")
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b"" and proc.stderr == b""
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Strategy report: Crumb \\& Co. Bakery\n")
    assert "<svg" not in md and "<section" not in md
    for number, anchor in enumerate(SECTIONS, 1):
        assert re.search(rf"^{number}\. \[[^\]]+\]\(#{anchor}\)$", md, flags=re.M), anchor
    assert "_No simulation was run for this report" in md
    # Replaced atomically: a second run overwrites it whole.
    proc = run("report", SMALL, "-f", "markdown", "-o", target, "--no-simulation")
    assert proc.returncode == 0, err(proc)
    assert target.read_text(encoding="utf-8").startswith("# Strategy report: Corner Deli\n")


def test_dash_means_standard_output():
    assert report(SMALL, "-o", "-", "--no-simulation").startswith("<!DOCTYPE html>")


def test_hostile_text_stays_text(tmp_path):
    doc = json.load(open(SMALL, encoding="utf-8"))
    doc["canvas"]["name"] = HOSTILE
    doc["canvas"]["description"] = HOSTILE
    doc["canvas"]["revenue_streams"][0]["text"] = HOSTILE
    doc["scenarios"][0]["title"] = HOSTILE
    doc["responses"][0]["title"] = HOSTILE
    doc["resilience"]["capabilities"]["agility"]["rationale"] = HOSTILE
    path = write_json(tmp_path / "hostile.json", doc)
    html = report(path, "--trials", "500")
    parser, pictures = check_page(html)
    assert "<script" not in html
    assert html.count("&lt;script&gt;") >= 8
    md = report(path, "-f", "markdown", "--trials", "500")
    assert "<script>" not in md
    # Each table row keeps its cells: the pipe in the title is escaped.
    row = next(line for line in md.splitlines() if line.startswith("| 1 | \\<script"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 10


def test_a_document_without_scenarios_reports_without_a_simulation():
    md = report(os.path.join(DATA, "full.json"), "-f", "markdown")
    assert "_No simulation was run for this report" in md
    assert "_The document has no disruption scenarios: this section is skipped._" in md


def test_the_simulation_is_reproducible_whatever_the_threads():
    one = report(SMALL, "--trials", "3000", "--seed", "11", "--threads", "1")
    two = report(SMALL, "--trials", "3000", "--seed", "11", "--threads", "2")
    assert one == two
    assert "3,000 simulated outcomes (seed 11)" in one
    other = report(SMALL, "--trials", "3000", "--seed", "12", "--threads", "1")
    assert other != one


def test_rho_reaches_the_simulation():
    # Correlated occurrences widen the spread of the loss: the tail moves.
    plain = report(SMALL, "-f", "markdown", "--trials", "5000")
    correlated = report(SMALL, "-f", "markdown", "--trials", "5000", "--rho", "0.9")
    assert plain != correlated
    assert "| Statistic | Loss (threats) | Upside (opportunities) |" in correlated


# ---- usage, help and exit statuses ---------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["--format", "svg"], "unknown format 'svg' (use html or markdown)"),
    (["--trials", "0"], "invalid --trials '0'"),
    (["--trials", "ten"], "invalid --trials 'ten'"),
    (["--seed", "-1"], "invalid --seed '-1'"),
    (["--threads", "257"], "invalid --threads '257'"),
    (["--rho", "x"], "invalid --rho 'x'"),
    (["--rho", "1.5"], "--rho 1.5: rho: must be at least 0 and below 1"),
    (["--no-simulation", "--trials", "10"], "--trials sets up the simulation, which "
                                             "--no-simulation leaves out"),
    (["--bogus"], "--bogus"),
    (["extra.json"], "unexpected argument 'extra.json'"),
])
def test_usage_errors(args, needle):
    proc = run("report", SMALL, *args)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert needle in err(proc)


def test_missing_file_operand():
    proc = run("report")
    assert proc.returncode == 2
    assert "missing FILE" in err(proc)


def test_help():
    for proc in (run("report", "--help"), run("help", "report")):
        assert proc.returncode == 0
        text = out(proc)
        assert text.startswith("Usage: smbstrat report FILE")
        assert "--no-simulation" in text
    assert "report FILE" in out(run("--help"))


def test_invalid_document_and_unreadable_file(tmp_path):
    proc = run("report", os.path.join(DATA, "broken_syntax.json"))
    assert proc.returncode == 3
    one_error_line(proc)
    proc = run("report", tmp_path / "absent.json")
    assert proc.returncode == 4
    one_error_line(proc)


def test_unwritable_output(tmp_path):
    proc = run("report", SMALL, "--no-simulation", "-o", tmp_path / "no" / "such" / "dir.html")
    assert proc.returncode == 4
    one_error_line(proc)
