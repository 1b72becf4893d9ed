# SPDX-License-Identifier: MIT
"""docs/smbstrat.schema.json against the documents in tests/data and examples/.

Every valid document must pass the schema. Every broken_*.json that breaks a
rule JSON Schema can express must fail it, at (or above) the JSON path the C
loader reports; the others are listed with the reason the schema cannot see
the problem, so that a new broken file has to be classified here.
"""
import json
import os
import pathlib
import re

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("SMB_TEST_DATA", ROOT / "tests" / "data"))
EXAMPLES = pathlib.Path(os.environ.get("SMB_EXAMPLES", ROOT / "examples"))
SCHEMA_PATH = ROOT / "docs" / "smbstrat.schema.json"

# broken file -> the JSON path the C loader names (tests/c/test_document.c and
# tests/c/test_document_forces.c)
REJECTED = {
    "broken_unknown_key.json": "$.canvas.key_resources[0].colour",
    "broken_wrong_type.json": "$.canvas.channels[0].tags",
    "broken_importance_range.json": "$.canvas.channels[2].importance",
    "broken_amount_negative.json": "$.canvas.cost_structure[0].amount",
    "broken_amount_too_large.json": "$.canvas.revenue_streams[0].amount",
    # Python reads 1e400 as infinity, which is above the maximum
    "broken_number_overflow.json": "$.canvas.revenue_streams[0].amount",
    "broken_amount_in_wrong_block.json": "$.canvas.channels[0].amount",
    "broken_kind_in_wrong_block.json": "$.canvas.revenue_streams[0].kind",
    "broken_bad_evidence.json": "$.canvas.channels[0].evidence",
    "broken_missing_text.json": "$.canvas.channels[0]",
    "broken_empty_text.json": "$.canvas.channels[0].text",
    "broken_bad_id.json": "$.canvas.channels[0].id",
    "broken_duplicate_tag.json": "$.canvas.channels[0].tags[2]",
    "broken_escaped_key.json": "$.canvas.channels[0].importance",
    "broken_item_not_object.json": "$.canvas.channels[0]",
    "broken_unknown_section.json": "$.scenario",
    "broken_version_2.json": "$.smbstrat",
    "broken_missing_version.json": "$",
    "broken_not_object.json": "$",
    "broken_canvas_not_object.json": "$.canvas",
    "broken_unknown_block.json": "$.canvas.partners",
    "broken_too_many_tags.json": "$.canvas.channels[0].tags[64]",
    "broken_duplicate_link.json": "$.canvas.channels[0].links[1]",
    # refused by the schema because a name must be a string; the loader
    # stops earlier, at the depth limit, deeper down the same path
    "broken_too_deep.json": "$.canvas.name" + "[0]" * 30,
    # the forces section (tests/c/test_document_forces.c)
    "broken_forces_rating_zero.json": "$.forces.rivalry.drivers.exit_barriers.rating",
    "broken_forces_rating_six.json": "$.forces.rivalry.drivers.exit_barriers.rating",
    "broken_forces_rating_string.json": "$.forces.rivalry.drivers.exit_barriers.rating",
    "broken_forces_rating_nan.json": "$.forces.rivalry.drivers.exit_barriers.rating",
    "broken_forces_weight_infinity.json": "$.forces.rivalry.drivers.exit_barriers.weight",
    "broken_forces_negative_weight.json": "$.forces.rivalry.drivers.exit_barriers.weight",
    "broken_forces_confidence.json": "$.forces.rivalry.drivers.exit_barriers.confidence",
    "broken_forces_unknown_driver_key.json": "$.forces.rivalry.drivers.exit_barriers.score",
    "broken_forces_catalogue_title.json": "$.forces.rivalry.drivers.exit_barriers.title",
    "broken_forces_custom_no_title.json": "$.forces.rivalry.drivers.local_footfall",
    "broken_forces_unknown_force.json": "$.forces.rivalries",
    # resilience, scenarios, responses and settings (tests/c/test_document_scenarios.c)
    "broken_resilience_maturity_six.json": "$.resilience.capabilities.agility.maturity",
    "broken_resilience_unknown_capability.json": "$.resilience.capabilities.resourcefulness",
    "broken_scenarios_probability.json": "$.scenarios[0].likelihood",
    "broken_scenarios_impact_zero.json": "$.scenarios[0].impact",
    "broken_scenarios_horizon_zero.json": "$.scenarios[0].horizon_months",
    "broken_scenarios_unknown_source.json": "$.scenarios[0].source",
    "broken_scenarios_unknown_kind.json": "$.scenarios[0].kind[1]",
    "broken_scenarios_first_kind_unknown.json": "$.scenarios[0].kind[0]",
    "broken_scenarios_kind_pair.json": "$.scenarios[0].kind[2]",
    "broken_scenarios_unknown_block.json": "$.scenarios[0].blocks.partners",
    "broken_scenarios_block_weight_zero.json": "$.scenarios[0].blocks.revenue_streams",
    "broken_scenarios_shift_delta.json": "$.scenarios[0].shifts[0].delta",
    "broken_scenarios_unknown_mitigator.json": "$.scenarios[0].mitigated_by[1]",
    "broken_scenarios_lognormal_likelihood.json": "$.scenarios[0].likelihood.dist",
    "broken_scenarios_lognormal_zero.json": "$.scenarios[0].money.min",
    "broken_responses_reduction.json": "$.responses[0].effects.grocers.impact_reduction",
    "broken_responses_negative_cost.json": "$.responses[0].cost",
    "broken_settings_ahp_zero.json": "$.settings.ahp.matrix[1][2]",
    "broken_settings_budget.json": "$.settings.budget",
}

# broken file -> why JSON Schema cannot refuse it
NOT_JSON = {
    "broken_syntax.json": "not JSON",
    "broken_utf8.json": "not UTF-8",
    "broken_empty.json": "not JSON",
    "broken_bom.json": "a byte-order mark",
    "broken_escape_non_ascii.json": "not JSON (\\é is no escape)",
}
SCHEMA_BLIND = {
    "broken_duplicate_key.json": "member names are unique once parsed",
    "broken_nul_escape.json": "\\u0000 is an ordinary character to JSON Schema",
    "broken_duplicate_id.json": "uniqueness across arrays",
    "broken_dangling_link.json": "references between values",
    "broken_bad_link_pair.json": "references between values",
    "broken_self_link.json": "references between values",
    "broken_importance_real.json": "JSON Schema counts 3.0 as an integer",
    "broken_forces_duplicate_driver.json": "member names are unique once parsed",
    "broken_forces_zero_driver_weights.json": "a rule across values (a driver keeps weight)",
    "broken_forces_zero_force_weights.json": "a rule across values (a force keeps weight)",
    "broken_resilience_zero_weights.json": "a rule across values (a capability keeps weight)",
    "broken_scenarios_min_above_max.json": "an order between values",
    "broken_scenarios_mode_outside.json": "an order between values",
    "broken_scenarios_duplicate_id.json": "uniqueness across array elements",
    "broken_scenarios_unknown_driver.json": "references between sections",
    "broken_responses_unknown_scenario.json": "references between sections",
    "broken_responses_opportunity_effect.json": "references between sections",
    "broken_settings_ahp_not_reciprocal.json": "a relation between values",
    "broken_settings_unknown_criterion.json": "references between values",
}


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def valid_documents():
    files = sorted(p for p in DATA.glob("*.json") if not p.name.startswith("broken_"))
    files += sorted(EXAMPLES.glob("*.json"))
    return files


def test_there_are_documents():
    names = {p.name for p in valid_documents()}
    assert {"minimal.json", "full.json", "compact.json", "bakery.json",
            "forces_full.json", "forces_compact.json", "scenarios_full.json"} <= names


@pytest.mark.parametrize("path", valid_documents(), ids=lambda p: p.name)
def test_valid_document_passes(validator, path):
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(load(path))]
    assert errors == []


def test_every_broken_file_is_classified():
    on_disk = {p.name for p in DATA.glob("broken_*.json")}
    listed = set(REJECTED) | set(NOT_JSON) | set(SCHEMA_BLIND)
    assert on_disk == listed
    assert not set(REJECTED) & (set(NOT_JSON) | set(SCHEMA_BLIND))


def covers(schema_path, loader_path):
    """Whether the schema's error is at the loader's path or an ancestor."""
    return schema_path == loader_path or loader_path.startswith(
        (schema_path + ".", schema_path + "[")
    )


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_broken_document_fails_where_the_loader_does(validator, name):
    errors = list(validator.iter_errors(load(DATA / name)))
    assert errors, f"{name} passes the schema"
    paths = [e.json_path for e in errors]
    assert any(covers(p, REJECTED[name]) for p in paths), paths


@pytest.mark.parametrize("name", sorted(NOT_JSON))
def test_broken_document_is_not_json(name):
    with pytest.raises(ValueError):  # JSONDecodeError and UnicodeDecodeError
        load(DATA / name)


@pytest.mark.parametrize("name", sorted(SCHEMA_BLIND))
def test_schema_cannot_see(validator, name):
    # If the schema learns to refuse one of these, move it to REJECTED.
    assert list(validator.iter_errors(load(DATA / name))) == []


def test_schema_refuses_links_from_segments(validator):
    doc = {
        "smbstrat": 1,
        "canvas": {
            "customer_segments": [
                {"id": "a", "text": "A"},
                {"id": "b", "text": "B", "links": ["a"]},
            ]
        },
    }
    paths = [e.json_path for e in validator.iter_errors(doc)]
    assert paths == ["$.canvas.customer_segments[1].links"]


@pytest.mark.parametrize("path", [DATA / "full.json", DATA / "forces_full.json",
                                  DATA / "scenarios_full.json", EXAMPLES / "bakery.json"],
                         ids=lambda p: p.name)
def test_saved_layout_is_json_dumps(path):
    # These files are what smb_document_save_string writes for them (the C
    # suites check that); docs/format.md promises that layout is json.dumps'.
    text = path.read_text(encoding="utf-8")
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text


def forces_doc(drivers, force="rivalry"):
    return {"smbstrat": 1, "forces": {force: {"drivers": drivers}}}


def error_paths(validator, doc):
    return sorted(e.json_path for e in validator.iter_errors(doc))


def test_schema_knows_standard_drivers_from_ones_own(validator):
    # a standard driver takes no title; any other key is one's own and needs one
    assert error_paths(validator, forces_doc({
        "exit_barriers": {"rating": 2, "weight": 0.5, "confidence": 1, "rationale": "r"},
        "local_footfall": {"title": "Footfall", "question": "Falling?", "rating": 4.5},
    })) == []
    assert error_paths(validator, forces_doc({"exit_barriers": {"question": "Q?"}})) == [
        "$.forces.rivalry.drivers.exit_barriers"]
    assert "$.forces.rivalry.drivers.local_footfall.title" in error_paths(
        validator, forces_doc({"local_footfall": {"title": ""}}))
    # the catalogue is per force: exit_barriers is not a driver of buyer_power
    assert error_paths(validator, forces_doc({"exit_barriers": {"rating": 2}},
                                             force="buyer_power")) == [
        "$.forces.buyer_power.drivers.exit_barriers"]


def test_schema_refuses_bad_driver_keys_and_weights(validator):
    paths = error_paths(validator, forces_doc({"bad key": {"title": "B"}}))
    assert paths and all(p.startswith("$.forces.rivalry.drivers") for p in paths)
    doc = {"smbstrat": 1, "forces": {"weights": {"rivalry": 1e7, "rivals": 1}}}
    assert error_paths(validator, doc) == ["$.forces.weights", "$.forces.weights.rivalry"]


def test_format_examples_pass(validator):
    # The complete documents shown in docs/format.md follow the schema too.
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        doc = json.loads(block)
        assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)] == []


def scenario_doc(**fields):
    scenario = {"id": "s", "title": "S", "source": "economic", "direction": "threat",
                "likelihood": 0.5, "impact": 3}
    scenario.update(fields)
    return {"smbstrat": 1, "scenarios": [scenario]}


@pytest.mark.parametrize("fields, path", [
    ({"kind": ["operational", "strategic"]}, "$.scenarios[0].kind"),
    ({"kind": ["technological", "technological"]}, "$.scenarios[0].kind"),
    ({"likelihood": {"dist": "uniform", "min": 0.1, "mode": 0.2, "max": 0.3}},
     "$.scenarios[0].likelihood"),
    ({"likelihood": {"dist": "point", "min": 0.1, "mode": 0.1, "max": 0.1}},
     "$.scenarios[0].likelihood"),
    ({"impact": {"dist": "pert", "min": 1, "max": 5}}, "$.scenarios[0].impact"),
    ({"money": {"dist": "triangular", "min": -1, "mode": 0, "max": 1}},
     "$.scenarios[0].money"),
    ({"mitigated_by": []}, "$.scenarios[0].mitigated_by"),
])
def test_schema_refuses_bad_scenarios(validator, fields, path):
    paths = [e.json_path for e in validator.iter_errors(scenario_doc(**fields))]
    assert paths == [path]


def test_schema_takes_every_distribution_form(validator):
    doc = scenario_doc(likelihood={"dist": "uniform", "min": 0.1, "max": 0.3},
                       impact={"dist": "triangular", "min": 1, "mode": 2, "max": 5},
                       money={"dist": "pert", "min": 0, "mode": 10, "max": 100})
    assert list(validator.iter_errors(doc)) == []


def test_schema_refuses_weights_and_ahp_together(validator):
    doc = {"smbstrat": 1, "settings": {
        "weights": {"cost": 2},
        "ahp": {"criteria": ["cost", "months"], "matrix": [[1, 3], [0.5, 1]]}}}
    paths = [e.json_path for e in validator.iter_errors(doc)]
    assert paths == ["$.settings"]


def test_schema_refuses_a_builtin_criterion_of_ones_own(validator):
    doc = {"smbstrat": 1, "settings": {"criteria": [{"key": "cost", "title": "Cost"}]}}
    paths = [e.json_path for e in validator.iter_errors(doc)]
    assert paths == ["$.settings.criteria[0].key"]
