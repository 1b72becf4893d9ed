# SPDX-License-Identifier: MIT
"""The shareable report from Python: Document.report() and save_report().

The report's text is the C library's (tests/c/test_report.c checks its
wording at length); these tests check what Python adds: the sections
arrive, the simulation passed in is the one reported, figures worked out
by hand come through, bad arguments are refused with a clear error and
change nothing, and the file is written whole or not at all."""

import gc
import json
import os
import pickle
import stat

import pytest

import smbstrat

from conftest import EXAMPLES, TEST_DATA

SECTIONS = ("Summary", "Business model canvas", "Five forces", "Resilience profile",
            "Disruption scenarios", "Block heat", "Simulation", "Recommended responses")
ANCHORS = ("summary", "business-model-canvas", "five-forces", "resilience-profile",
           "disruption-scenarios", "block-heat", "simulation", "recommended-responses")

# The no-break space the report puts before a percent sign.
PCT = "\u00a0%"

NO_SIMULATION = ("_No simulation was run for this report, so it does not say how bad a bad "
                 "outcome can get when several disruptions land together._")

# Two threats that occur in every trial (likelihood 1), without a resilience
# profile, so each one's vulnerability is 1 − 0.5 × 0 = 1: every trial's
# loss is 3 × 1 + 1 × 1 = 4, its mean 4, its VaR and ES 4, and it exceeds a
# threshold of 3.5 in 100 % of the trials. 'sure' carries 3 / 4 = 75 % of
# the expected shortfall, 'small' 1 / 4 = 25 %.
CERTAIN = json.dumps({"smbstrat": 1, "scenarios": [
    {"id": "sure", "title": "Certain loss", "source": "economic", "direction": "threat",
     "likelihood": 1, "impact": 3},
    {"id": "small", "title": "Small loss", "source": "cyber", "direction": "threat",
     "likelihood": 1, "impact": 1}]})


@pytest.fixture
def bakery():
    return smbstrat.Document.load(EXAMPLES / "bakery.json")


@pytest.fixture
def deli():
    return smbstrat.Document.load(TEST_DATA / "report_small.json")


@pytest.fixture
def certain():
    return smbstrat.Document.loads(CERTAIN)


def section(markdown, title):
    """The text of one section of a Markdown report, heading included."""
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:] if end < 0 else markdown[start:end]


# ---- content ---------------------------------------------------------------


def test_markdown_has_every_section_in_order(bakery):
    md = bakery.report("markdown")
    assert md.startswith("# Strategy report: Crumb \\& Co. Bakery\n")
    positions = [md.index(f"\n## {title}\n") for title in SECTIONS]
    assert positions == sorted(positions)
    for number, (title, anchor) in enumerate(zip(SECTIONS, ANCHORS), 1):
        assert f"\n{number}. [{title}](#{anchor})\n" in md
    assert "<svg" not in md


def test_html_is_one_page_with_every_section(bakery):
    page = bakery.report()
    assert page.startswith("<!DOCTYPE html>\n")
    assert page.rstrip().endswith("</html>")
    for anchor in ANCHORS:
        assert page.count(f'<section id="{anchor}"') == 1
        assert f'href="#{anchor}"' in page
    assert bakery.report("html") == page


def test_figures_worked_out_by_hand_come_through(deli):
    md = deli.report("markdown")
    # Revenue 1,000 (rs-sales) − costs 1,500 (cs-rent) = −500.
    assert ("\nRevenue of 1,000 against costs of 1,500 leaves a loss of 500: the model does "
            "not pay for itself yet.\n") in md
    # Supplier power: the mean of its two rated drivers, (4 + 3.5) / 2 = 3.75.
    assert "\nBargaining Power of Suppliers is the strongest force (3.8 of 5)" in md
    assert "| Bargaining Power of Suppliers **(strongest)** | 3.75 | high | 1 | 2 of 6 |\n" in md


def test_without_a_simulation_the_section_says_so(certain):
    md = certain.report("markdown")
    assert f"\n## Simulation\n\n{NO_SIMULATION}\n" in md
    page = certain.report("html")
    assert "No simulation was run for this report" in page


def test_the_simulation_passed_in_is_the_one_reported(certain):
    result = certain.simulate(1000, seed=7, threshold=3.5, threads=1)
    assert result.mean == 4.0  # the hand-worked certain loss
    md = certain.report("markdown", simulation=result)
    simulation = section(md, "Simulation")
    assert NO_SIMULATION not in simulation
    assert ("The figures below come from 1,000 simulated outcomes (seed 7), each a draw of "
            "which scenarios occur and how hard they hit") in simulation
    assert (f"In the worst 5{PCT} of 1,000 simulated outcomes, the threats' total severity is "
            f"at least 4.00 (value-at-risk at 95{PCT}) and 4.00 on average (expected "
            f"shortfall).") in simulation
    assert f"| Share of outcomes above 3.50 | 100{PCT} |\n" in simulation
    assert f"| 1 | Certain loss `sure` | 100{PCT} | 3.00 | 75{PCT} |\n" in simulation
    assert f"| 2 | Small loss `small` | 100{PCT} | 1.00 | 25{PCT} |\n" in simulation
    # The summary leads with the tail.
    assert f"\n- In the worst 5{PCT} of 1,000 simulated outcomes" in section(md, "Summary")
    page = certain.report(simulation=result)
    assert f">VaR 95{PCT}: 4.00</text>" in page


def test_a_result_without_totals_keeps_its_c_result_alive(certain):
    # No totals array holds the C result here: the result itself must.
    result = certain.simulate(1000, seed=7, keep_totals=False, threads=1)
    assert result.totals is None
    gc.collect()
    page = certain.report(simulation=result)
    assert "streaming sketch" in page
    assert "there is no histogram" in page


def test_a_result_from_a_model_is_accepted(certain):
    config = smbstrat.SimulationConfig(seed=7)
    model = smbstrat.SimulationModel(certain, config)
    result = model.finish(model.run(0, 500, threads=1))
    md = certain.report("markdown", result)
    assert "500 simulated outcomes (seed 7)" in md


# ---- refused arguments -------------------------------------------------------


@pytest.mark.parametrize("format,message", [
    ("svg", "format svg: a report is html or markdown"),
    ("pdf", "format 'pdf': a report is html or markdown"),
    ("HTML", "format 'HTML': a report is html or markdown"),
    ("", "format '': a report is html or markdown"),
])
def test_a_format_other_than_html_or_markdown_is_refused(certain, format, message):
    before = certain.dumps()
    with pytest.raises(smbstrat.InvalidArgumentError) as info:
        certain.report(format)
    assert message in str(info.value)
    assert info.value.status == smbstrat.core.SMB_EINVAL
    assert certain.dumps() == before


@pytest.mark.parametrize("format", [None, 1, b"html", ["html"]])
def test_a_format_of_the_wrong_type_is_a_type_error(certain, format):
    with pytest.raises(TypeError, match="format must be str"):
        certain.report(format)


@pytest.mark.parametrize("simulation", ["result", 1, {"mean": 4.0}])
def test_a_simulation_of_the_wrong_type_is_a_type_error(certain, simulation):
    with pytest.raises(TypeError, match="simulation must be a SimulationResult or None"):
        certain.report("html", simulation)


def test_a_simulation_of_another_document_is_refused(certain, deli):
    result = certain.simulate(200, threads=1)
    before = deli.dumps()
    with pytest.raises(smbstrat.InvalidArgumentError) as info:
        deli.report(simulation=result)
    assert "simulation: scenario 'sure' is not in the document" in str(info.value)
    assert deli.dumps() == before
    bare = smbstrat.Document.loads('{"smbstrat": 1, "canvas": {"name": "Bare"}}')
    with pytest.raises(smbstrat.InvalidArgumentError, match="no scenarios section"):
        bare.report("markdown", result)


def test_a_result_rebuilt_from_a_pickle_holds_no_c_result(certain):
    result = certain.simulate(200, threads=1)
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    with pytest.raises(smbstrat.InvalidArgumentError, match="rebuilt from a pickle"):
        certain.report(simulation=copy)


# ---- save_report --------------------------------------------------------------


@pytest.mark.parametrize("name,format", [("r.html", "html"), ("r.HTM", "html"),
                                         ("r.md", "markdown"), ("r.markdown", "markdown")])
def test_save_report_takes_the_format_from_the_suffix(certain, tmp_path, name, format):
    path = tmp_path / name
    certain.save_report(path)
    assert path.read_text(encoding="utf-8") == certain.report(format)


def test_save_report_writes_the_format_and_simulation_given(certain, tmp_path):
    result = certain.simulate(1000, seed=7, threads=1)
    path = tmp_path / "report.txt"
    certain.save_report(str(path), format="markdown", simulation=result)
    assert path.read_text(encoding="utf-8") == certain.report("markdown", result)
    certain.save_report(os.fsencode(tmp_path / "report.html"), simulation=result)
    assert "1,000 simulated outcomes" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_save_report_replaces_a_file_and_keeps_its_permissions(certain, tmp_path):
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o600)
    certain.save_report(path)
    assert path.read_text(encoding="utf-8") == certain.report("markdown")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_new_report_file_is_readable_by_all(certain, tmp_path):
    path = tmp_path / "new.html"
    certain.save_report(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_suffix_without_a_format_is_refused_and_writes_nothing(certain, tmp_path):
    for name in ("report.txt", "report"):
        with pytest.raises(smbstrat.InvalidArgumentError, match="names no report format"):
            certain.save_report(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_leaves_the_old_file_intact(certain, deli, tmp_path):
    path = tmp_path / "report.html"
    path.write_text("old")
    result = certain.simulate(200, threads=1)
    with pytest.raises(smbstrat.InvalidArgumentError):
        deli.save_report(path, simulation=result)
    with pytest.raises(smbstrat.InvalidArgumentError):
        deli.save_report(path, format="svg")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_file_that_cannot_be_written_is_a_file_error(certain, tmp_path):
    with pytest.raises(smbstrat.FileError) as info:
        certain.save_report(tmp_path / "missing" / "report.html")
    assert "cannot create a temporary file beside it" in str(info.value)
    assert info.value.filename == str(tmp_path / "missing" / "report.html")
    folder = tmp_path / "folder.html"
    folder.mkdir()
    with pytest.raises(smbstrat.FileError, match="cannot save: Is a directory"):
        certain.save_report(folder)
    assert isinstance(info.value, OSError)


def test_save_report_refuses_a_path_of_the_wrong_type(certain):
    with pytest.raises(TypeError, match="path must be str, bytes or os.PathLike"):
        certain.save_report(3)
