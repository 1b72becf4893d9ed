# SPDX-License-Identifier: MIT
"""smbstrat new --template and --list: the embedded example documents.

Every template is a complete document for its kind of business: it loads
(the C loader, through the tool), passes docs/smbstrat.schema.json, has
something in every part the methodology scores, and comes out of the tool
exactly as it is stored in examples/templates.
"""
import json
import os
import pathlib

import pytest

from clitool import EXAMPLES, err, one_error_line, out, run

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = pathlib.Path(EXAMPLES) / "templates"
SCHEMA = ROOT / "docs" / "smbstrat.schema.json"

BLOCKS = ["key_partnerships", "key_activities", "key_resources", "value_propositions",
          "customer_relationships", "channels", "customer_segments", "cost_structure",
          "revenue_streams"]
CAPABILITIES = ["adaptability", "agility", "innovation", "customer_centricity", "data_driven"]
# The standard drivers of each force (docs/format.md, "A force").
DRIVERS = {
    "new_entrants": 9, "supplier_power": 6, "buyer_power": 6, "substitutes": 3, "rivalry": 7,
}
# The templates the tool must offer, in --list order.
NAMES = ["bakery", "boutique", "accounting-firm", "fitness-studio", "software-startup"]


def listed():
    proc = run("new", "--list", "--format", "json")
    assert proc.returncode == 0, err(proc)
    return json.loads(out(proc))["templates"]


def template(name):
    proc = run("new", "--template", name)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    return out(proc)


def test_list_json_names_every_stored_template():
    entries = listed()
    assert [e["name"] for e in entries] == NAMES
    # Every stored template is embedded, and nothing else.
    assert sorted(p.stem for p in TEMPLATES.glob("*.json")) == sorted(NAMES)
    for e in entries:
        assert set(e) == {"name", "summary"}
        assert e["summary"] and "\n" not in e["summary"]


def test_list_text_one_line_each_at_80_columns():
    proc = run("new", "--list", columns=None)  # piped: 80 columns
    assert proc.returncode == 0
    lines = out(proc).splitlines()
    assert lines[0].split() == ["TEMPLATE", "DESCRIPTION"]
    rows = lines[1:]
    assert [r.split()[0] for r in rows] == NAMES
    summaries = {e["name"]: e["summary"] for e in listed()}
    for row in rows:
        assert len(row) <= 80
        name = row.split()[0]
        assert row[len(name):].strip() == summaries[name]
        # Descriptions start under their heading.
        assert row.index(summaries[name]) == lines[0].index("DESCRIPTION")


@pytest.mark.parametrize("name", NAMES)
def test_template_is_stored_in_the_saved_layout(name):
    # Loading and saving through the library gives back the stored bytes.
    assert template(name) == (TEMPLATES / f"{name}.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_template_validates_without_findings(tmp_path, name):
    path = tmp_path / f"{name}.json"
    proc = run("new", "-t", name, "-o", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b""
    proc = run("validate", "--strict", path)
    assert proc.returncode == 0, out(proc) + err(proc)
    assert out(proc) == f"{path}: valid, no findings\n"
    for command in ("score", "plan"):
        proc = run(command, path)
        assert proc.returncode == 0, err(proc)


@pytest.mark.parametrize("name", NAMES)
def test_template_passes_the_schema(name):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [e.message for e in validator.iter_errors(json.loads(template(name)))]
    assert errors == []


@pytest.mark.parametrize("name", NAMES)
def test_template_is_complete(name):
    doc = json.loads(template(name))
    canvas = doc["canvas"]
    assert canvas["name"] and canvas["description"]
    ids = set()
    for block in BLOCKS:
        assert canvas[block], f"{name}: empty {block}"
        ids.update(item["id"] for item in canvas[block])
    links = [t for b in BLOCKS for item in canvas[b] for t in item.get("links", [])]
    assert links and set(links) <= ids
    revenue = sum(i["amount"] for i in canvas["revenue_streams"])
    costs = sum(i["amount"] for i in canvas["cost_structure"])
    assert 0 < costs < revenue

    forces = doc["forces"]
    for force, count in DRIVERS.items():
        drivers = forces[force]["drivers"]
        standard = [d for d in drivers.values() if "title" not in d]
        assert len(standard) == count, f"{name}: {force} not fully rated"
        for driver in drivers.values():
            assert 1 <= driver["rating"] <= 5
            assert driver["rationale"]

    capabilities = doc["resilience"]["capabilities"]
    assert list(capabilities) == CAPABILITIES
    assert all(c["rationale"] for c in capabilities.values())

    scenarios = doc["scenarios"]
    # 6 to 10, and 11 in the bakery: it is examples/bakery.json, the worked example.
    assert 6 <= len(scenarios) <= 11
    assert len({s["source"] for s in scenarios}) >= 5
    assert {s["direction"] for s in scenarios} == {"threat", "opportunity"}
    assert all(s["blocks"] for s in scenarios)

    responses = doc["responses"]
    assert 4 <= len(responses) <= 8
    threats = {s["id"] for s in scenarios if s["direction"] == "threat"}
    for response in responses:
        assert response["effects"] and set(response["effects"]) <= threats
    assert doc["settings"]["budget"] > 0


@pytest.mark.parametrize("name", NAMES)
def test_name_replaces_the_business_name_only(name):
    stored = json.loads(template(name))
    renamed = json.loads(template_with_name(name, "Ma Petite Entreprise — Lyon"))
    assert renamed["canvas"]["name"] == "Ma Petite Entreprise — Lyon"
    renamed["canvas"]["name"] = stored["canvas"]["name"]
    assert renamed == stored


def template_with_name(name, business):
    proc = run("new", "--template", name, "--name", business)
    assert proc.returncode == 0, err(proc)
    return out(proc)


def test_template_to_a_file_is_never_replaced_without_force(tmp_path):
    path = tmp_path / "shop.json"
    path.write_text("keep me", encoding="utf-8")
    proc = run("new", "--template", "boutique", "-o", path)
    assert proc.returncode == 4
    assert "already exists (use --force to replace it)" in one_error_line(proc)
    assert path.read_text(encoding="utf-8") == "keep me"
    proc = run("new", "--template", "boutique", "-o", path, "--force", "--name", "Rue Neuve")
    assert proc.returncode == 0, err(proc)
    assert json.loads(path.read_text(encoding="utf-8"))["canvas"]["name"] == "Rue Neuve"


def test_invalid_name_exits_3_and_writes_nothing(tmp_path):
    path = tmp_path / "shop.json"
    proc = run("new", "--template", "bakery", "--name", b"Caf\xe9", "-o", path)
    assert proc.returncode == 3
    assert "UTF-8" in one_error_line(proc)
    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_unknown_template_exits_2_with_the_list():
    proc = run("new", "--template", "florist")
    assert proc.returncode == 2
    assert proc.stdout == b""
    first = err(proc).splitlines()[0]
    assert first == ("smbstrat: unknown template 'florist' (templates: bakery, boutique, "
                     "accounting-firm, fitness-studio, software-startup)")
    assert "Usage: see 'smbstrat new --help'." in err(proc)


def test_mistyped_template_is_suggested():
    proc = run("new", "-t", "bakry")
    assert proc.returncode == 2
    assert err(proc).startswith("smbstrat: unknown template 'bakry'; did you mean 'bakery'? "
                                "(templates: bakery, boutique,")


@pytest.mark.parametrize("argv, needle", [
    (("new", "canvas", "--template", "bakery"), "give either 'canvas' or --template, not both"),
    (("new", "--list", "--template", "bakery"), "--list takes no other option but --format"),
    (("new", "--list", "-o", "x.json"), "--list takes no other option but --format"),
    (("new", "--template", "bakery", "--format", "json"), "--format applies to --list only"),
    (("new", "--list", "--format", "yaml"), "unknown format 'yaml' (use text or json)"),
    (("new", "--template"), "option '--template' needs a value"),
])
def test_new_usage_errors(argv, needle):
    proc = run(*argv)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert needle in err(proc)


def test_empty_canvas_and_forces_still_work(tmp_path):
    for what in ("canvas", "forces"):
        proc = run("new", what, "--name", "Shop")
        assert proc.returncode == 0, err(proc)
        assert list(json.loads(out(proc))) == ["smbstrat", what]
