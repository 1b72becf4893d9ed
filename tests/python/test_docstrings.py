# SPDX-License-Identifier: MIT
"""Every public object documents itself, so that help(), an editor's
hover and a notebook's Shift-Tab have something to say: the modules, each
name in their __all__, each public method and property of the classes,
and each field of the result records."""

import dataclasses
import importlib
import inspect
import pydoc

import pytest

import smbstrat

# The modules users import, and the names each makes public.
MODULES = ("smbstrat", "smbstrat.plot", "smbstrat.dask")


def public_names(module):
    return [name for name in module.__all__ if not name.startswith("__")]


def public_objects():
    """(qualified name, object) for every module, every name in its
    __all__ that is a class or a function, and every public member of
    those classes: methods, class and static methods, properties."""
    found = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        found.append((module_name, module))
        for name in public_names(module):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isroutine(obj)):
                continue  # constants (BLOCK_KEYS...) are documented with "#:" comments
            found.append((f"{module_name}.{name}", obj))
            if inspect.isclass(obj):
                found.extend(members(f"{module_name}.{name}", obj))
    return found


def members(qualified, cls):
    for name in dir(cls):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, property):
            yield f"{qualified}.{name}", raw
        elif isinstance(raw, (staticmethod, classmethod)):
            yield f"{qualified}.{name}", raw.__func__
        elif inspect.isroutine(raw):
            yield f"{qualified}.{name}", raw


def documentation(obj):
    doc = obj.__doc__ if isinstance(obj, property) else inspect.getdoc(obj)
    return (doc or "").strip()


def test_the_walk_reaches_the_whole_api():
    names = {name for name, _ in public_objects()}
    for expected in ("smbstrat.Document.load", "smbstrat.Document.simulate",
                     "smbstrat.Canvas.margin", "smbstrat.ScenarioScores.to_dataframe",
                     "smbstrat.SimulationResult.var", "smbstrat.plot.risk_matrix",
                     "smbstrat.dask.simulate", "smbstrat.ahp", "smbstrat.Error"):
        assert expected in names


PUBLIC = public_objects()


@pytest.mark.parametrize("name,obj", PUBLIC, ids=[name for name, _ in PUBLIC])
def test_public_object_has_a_docstring(name, obj):
    doc = documentation(obj)
    assert doc, f"{name} has no docstring"
    if inspect.isclass(obj) and dataclasses.is_dataclass(obj):
        # a dataclass without a docstring gets its signature as one
        assert not doc.startswith(f"{obj.__name__}("), f"{name} has no docstring"


def result_records():
    return [obj for name, obj in PUBLIC if inspect.isclass(obj) and dataclasses.is_dataclass(obj)]


@pytest.mark.parametrize("cls", result_records(), ids=lambda cls: cls.__name__)
def test_every_field_of_a_record_is_documented(cls):
    doc = inspect.getdoc(cls)
    for field in dataclasses.fields(cls):
        assert field.name in doc, f"{cls.__name__}.{field.name} is not in the docstring"


def test_formulas_point_to_the_methodology():
    # the docstrings that state a formula say where it is explained
    for obj in (smbstrat.plot.forces, smbstrat.plot.risk_matrix, smbstrat.plot.block_heat,
                smbstrat.plot.simulation, smbstrat.plot.tornado, smbstrat.plot.portfolio,
                smbstrat.Effect, smbstrat.mcda):
        assert "docs/methodology.md" in inspect.getdoc(obj), obj


def test_help_renders_and_lists_the_entry_points():
    text = pydoc.render_doc(smbstrat, renderer=pydoc.plaintext)
    assert "libsmbstrat: strategy frameworks for small and medium businesses" in text
    for entry in ("class Document", "class Canvas", "class Forces", "class Scenarios",
                  "class Responses", "class SimulationResult", "smbstrat.plot", "plot (package)"):
        assert entry in text, entry
    document = pydoc.render_doc(smbstrat.Document, renderer=pydoc.plaintext)
    for method in ("load(", "score(", "simulate(", "save("):
        assert method in document
    figures = pydoc.render_doc(smbstrat.plot, renderer=pydoc.plaintext)
    for function in ("canvas(", "forces(", "risk_matrix(", "block_heat(", "simulation(",
                     "tornado(", "es_contributions(", "portfolio("):
        assert function in figures
