# SPDX-License-Identifier: MIT
"""Hostile use of the Python package: wrong argument types, huge and
non-finite numbers, NUL characters and lone surrogates, views that outlive
their section or their document, and threads that change and read one
document at once. Every misuse must raise a Python exception; none may
crash the interpreter.

The sweeps that could crash run in a child interpreter (this file run as a
script, ``python3 test_hardening.py SWEEP LOG``), which writes each call to
LOG before making it. A crash then fails the test naming the call it died
in, instead of killing the whole pytest run.
"""

from __future__ import annotations

import collections
import gc
import inspect
import json
import math
import os
import pathlib
import subprocess
import sys
import threading
import time
import weakref

import pytest

HERE = pathlib.Path(__file__).resolve()
SOURCE_ROOT = HERE.parents[2]
EXAMPLES = pathlib.Path(os.environ.get("SMB_EXAMPLES", SOURCE_ROOT / "examples"))
BAKERY = EXAMPLES / "bakery.json"


# ---------------------------------------------------------------------------
# What the sweeps pass where something else is expected


def bad_values():
    """(label, value) pairs: wrong types, and values of the right type at
    or past the limits of C parameters. No value is a large count that
    would be valid (2**31 trials are, and would run for minutes): C's int
    range is the targeted tests' business."""
    return [
        ("None", None),
        ("''", ""),
        ("'x'", "x"),
        ("str with NUL", "a\0b"),
        ("lone surrogate", "\ud800"),
        ("bytes", b"x"),
        ("invalid UTF-8 bytes", b"\xff\xfe"),
        ("1.5", 1.5),
        ("NaN", math.nan),
        ("inf", math.inf),
        ("-inf", -math.inf),
        ("-1", -1),
        ("0", 0),
        ("2**63", 2**63),
        ("2**64", 2**64),
        ("-2**63-1", -(2**63) - 1),
        ("10**400", 10**400),
        ("True", True),
        ("[]", []),
        ("['x']", ["x"]),
        ("[None]", [None]),
        ("{'x': 1}", {"x": 1}),
        ("object()", object()),
        ("a callable", lambda *args, **kwargs: True),
    ]


# Operators the sweep also applies, besides the public methods.
OPERATORS = ("__getitem__", "__setitem__", "__delitem__", "__contains__", "__eq__",
             "__lt__", "__add__", "__call__", "__len__", "__iter__", "__bool__",
             "__repr__", "__str__", "__hash__", "__reduce__", "_repr_html_")

# Keyword arguments the keyword sweep gives alongside the one it spoils, so
# that a call that accepts the spoilt value stays small.
KEYWORD_BASE = {"simulate": {"trials": 200}}


class Sweep:
    """Calls that must raise an Exception or return; never crash. A
    SystemError (a C function that failed without setting an exception) is
    a bug of the bindings, recorded as a failure."""

    def __init__(self, log_path):
        self.log = open(log_path, "w", encoding="utf-8", errors="backslashreplace")
        self.counts = collections.Counter()
        self.failures = []

    def attempt(self, what, call):
        self.log.write(what + "\n")
        self.log.flush()
        try:
            call()
        except SystemError as error:
            self.failures.append(f"{what}: SystemError: {error}")
            self.counts["SystemError"] += 1
        except Exception as error:  # the promise: an exception, of any kind
            self.counts[type(error).__name__] += 1
            if os.environ.get("SMB_HARDENING_TRACE") == type(error).__name__:
                self.log.write(f"  -> {type(error).__name__}: {error}\n")
        else:
            self.counts["returned"] += 1

    def callable_(self, what, function, keyword_base=None):
        """Call with 0 to 3 copies of each bad value as positional
        arguments, then with each keyword parameter spoilt alone."""
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            signature = None
        positional = 3
        keywords = []
        if signature is not None:
            params = list(signature.parameters.values())
            positional = min(3, sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                                    for p in params))
            keywords = [p.name for p in params if p.kind == p.KEYWORD_ONLY]
            if any(p.kind == p.VAR_POSITIONAL for p in params):
                positional = 3
        for count in range(1, positional + 1):
            for label, value in bad_values():
                self.attempt(f"{what}({', '.join([label] * count)})",
                             lambda: function(*([value] * count)))
        base = dict(keyword_base or {})
        for name in keywords:
            for label, value in bad_values():
                kwargs = dict(base, **{name: value})
                self.attempt(f"{what}({name}={label})", lambda: function(**kwargs))

    def instance(self, obj):
        """Every public property (read, set to each bad value, deleted),
        method and operator of `obj`."""
        cls = type(obj)
        name_of = cls.__name__
        for name in sorted(dir(obj)):
            if name.startswith("_") and name not in OPERATORS:
                continue
            static = inspect.getattr_static(obj, name, None)
            if isinstance(static, property) or not callable(getattr(obj, name, None)):
                self.attempt(f"{name_of}.{name}", lambda: getattr(obj, name))
                for label, value in bad_values():
                    self.attempt(f"{name_of}.{name} = {label}",
                                 lambda: setattr(obj, name, value))
                self.attempt(f"del {name_of}.{name}", lambda: delattr(obj, name))
                continue
            method = getattr(obj, name)
            if isinstance(method, type):
                continue
            self.attempt(f"{name_of}.{name}()", method)
            self.callable_(f"{name_of}.{name}", method, KEYWORD_BASE.get(name))

    def summary(self, **extra):
        self.log.close()
        return json.dumps({"counts": dict(self.counts), "failures": self.failures, **extra})


# ---------------------------------------------------------------------------
# The objects a document leads to


def _document_roots(smbstrat, doc):
    """A document and what its analyses return, as starting points."""
    roots = [doc, doc.score(), doc.canvas.check(), doc.forces.score(),
             doc.scenarios.score(), doc.responses.rank(), doc.responses.plan(),
             doc.responses.residual([doc.responses[0].id])]
    simulation = getattr(smbstrat, "SimulationConfig", None)
    if simulation is not None:
        config = smbstrat.SimulationConfig()
        model = smbstrat.SimulationModel(doc, config)
        part = model.run(0, 100, threads=1)
        roots += [config, model, part, model.finish(part), doc.simulate(200, threads=1)]
    return roots


def _children(obj):
    """What an object leads to: its properties' values and the first
    elements of what it holds."""
    for name in dir(obj):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(obj, name, None)
        if isinstance(static, property) or not callable(getattr(obj, name, None)):
            try:
                yield getattr(obj, name)
            except Exception:
                pass
    if isinstance(obj, (str, bytes)):
        return
    keys = getattr(obj, "keys", None)
    try:
        if callable(keys):
            for key in list(keys())[:2]:
                yield obj[key]
        elif hasattr(obj, "__iter__"):
            for index, value in enumerate(obj):
                if index == 2:
                    break
                yield value
    except Exception:
        pass


def discover(smbstrat, doc):
    """One instance of every class of the package reachable from the
    document, by class."""
    found = {}
    queue = collections.deque((root, 0) for root in _document_roots(smbstrat, doc))
    while queue:
        obj, depth = queue.popleft()
        module = getattr(type(obj), "__module__", "") or ""
        if module.startswith("smbstrat"):
            if type(obj) in found:
                continue
            found[type(obj)] = obj
        elif not isinstance(obj, (tuple, list, dict)) and not hasattr(obj, "keys"):
            continue
        if depth < 4:
            queue.extend((child, depth + 1) for child in _children(obj))
    return found


# ---------------------------------------------------------------------------
# The sweeps (run in the child)


def sweep_api(log_path):
    """Every public method, property and operator of every object a
    document leads to, each on a fresh copy of the document; then every
    public class and function of the package."""
    import smbstrat

    sweep = Sweep(log_path)
    classes = sorted(discover(smbstrat, smbstrat.Document.load(BAKERY)), key=lambda c: c.__name__)
    for cls in classes:
        fresh = discover(smbstrat, smbstrat.Document.load(BAKERY))
        sweep.instance(fresh[cls])
    names = []
    for name in smbstrat.__all__:
        value = getattr(smbstrat, name)
        if isinstance(value, type) and not issubclass(value, BaseException):
            names.append(name)
            sweep.attempt(f"{name}()", value)
            sweep.callable_(name, value)
            for attr, static in vars(value).items():
                if isinstance(static, (classmethod, staticmethod)) and not attr.startswith("_"):
                    sweep.callable_(f"{name}.{attr}", getattr(value, attr))
        elif callable(value) and not isinstance(value, type):
            names.append(name)
            sweep.callable_(name, value)
    return sweep.summary(classes=[c.__name__ for c in classes], names=names)


def _core_handles(core, doc_ptr):
    """Valid C handles of a freshly loaded document, by C type name."""
    canvas = core.smb_document_canvas(doc_ptr)
    scenarios = core.smb_document_scenarios(doc_ptr)
    responses = core.smb_document_responses(doc_ptr)
    return {
        "smb_document": doc_ptr,
        "smb_canvas": canvas,
        "smb_forces": core.smb_document_forces(doc_ptr),
        "smb_resilience": core.smb_document_resilience(doc_ptr),
        "smb_scenarios": scenarios,
        "smb_responses": responses,
        "smb_item": core.smb_canvas_item_at(canvas, 0, 0),
        "smb_scenario": core.smb_scenarios_at(scenarios, 0),
        "smb_response": core.smb_responses_at(responses, 0),
    }


def c_parameter_types():
    """{function: {parameter: C type}} from the public headers."""
    import re

    declaration = re.compile(r"SMB_API\s+[^;{}]*?\b(smb_\w+)\s*\(([^;{}]*?)\)\s*;", re.S)
    types = {}
    for header in sorted((SOURCE_ROOT / "include" / "smbstrat").glob("*.h")):
        for name, params in declaration.findall(header.read_text(encoding="utf-8")):
            types[name] = {}
            for param in params.split(","):
                words = re.findall(r"[A-Za-z_]\w*|\*", param)
                if len(words) >= 2:
                    types[name][words[-1]] = " ".join(words[:-1])
    return types


def _sample(c_type, handles):
    """A valid argument for a C parameter type, or None when unknown."""
    import re

    base = re.search(r"\b(smb_\w+)", c_type)
    if "*" in c_type and base:
        return handles.get(base.group(1))
    if c_type.startswith("const char *") or c_type == "const char *":
        return "x"
    if "*" in c_type:
        return None
    if "double" in c_type:
        return 1.0
    return 0


def sweep_core(log_path):
    """The raw layer (smbstrat.core): every function with None for 0 to 6
    arguments, then with valid handles of a fresh document for every
    argument but one, which is None (NULL in C). The C API must take NULL
    anywhere: it reports SMB_EINVAL or answers its documented default."""
    from smbstrat import core

    sweep = Sweep(log_path)
    c_types = c_parameter_types()
    # Replacing the allocator is not an argument check.
    functions = sorted(name for name in dir(core) if name.startswith("smb_")
                       and callable(getattr(core, name)) and name != "smb_set_allocator")
    for name in functions:
        function = getattr(core, name)
        for count in range(0, 7):
            sweep.attempt(f"core.{name}({', '.join(['None'] * count)})",
                          lambda: function(*([None] * count)))
        try:
            params = list(inspect.signature(function).parameters)
        except (TypeError, ValueError):
            continue
        types = [c_types.get(name, {}).get(param.lstrip("_"), "") for param in params]
        for spoilt, c_type in enumerate(types):
            if "*" not in c_type or len(params) < 2:
                continue
            status, doc_ptr = core.smb_document_load_file(str(BAKERY).encode())
            handles = _core_handles(core, doc_ptr)
            args = [None if index == spoilt else _sample(kind, handles)
                    for index, kind in enumerate(types)]
            labels = ["NULL" if index == spoilt else f"{param}" for index, param in
                      enumerate(params)]
            sweep.attempt(f"core.{name}({', '.join(labels)})", lambda: function(*args))
            core.smb_document_free(doc_ptr)
    return sweep.summary(functions=len(functions), declared=len(c_types))


def sweep_detached(log_path):
    """Views that outlived what they show: every method and property of a
    section view after its section was removed, and of an item view after
    its item was removed, must raise (DetachedError, NotFoundError...) or
    answer; the sections' owners are then gone for good."""
    import smbstrat

    sweep = Sweep(log_path)
    for section in ("canvas", "forces", "resilience", "scenarios", "responses"):
        doc = smbstrat.Document.load(BAKERY)
        view = getattr(doc, section)
        children = [child for child in _children(view)
                    if (getattr(type(child), "__module__", "") or "").startswith("smbstrat")]
        setattr(doc, section, None)
        del doc
        gc.collect()
        for obj in [view] + children:
            sweep.instance(obj)
    doc = smbstrat.Document.load(BAKERY)
    item = next(iter(doc.canvas.iter_items()))
    doc.canvas.remove(item.id)
    sweep.instance(item)
    return sweep.summary()


def sweep_threads(log_path):
    """Eight threads at once on one document: some change the canvas, rate
    drivers, edit scenarios and replace whole sections, the others score,
    rank, plan, render, save and read views. Views of a replaced section
    raise DetachedError, lookups of removed items NotFoundError; nothing
    else may fail, and the document stays loadable."""
    import smbstrat

    log = open(log_path, "w", encoding="utf-8")
    doc = smbstrat.Document.load(BAKERY)
    spare = smbstrat.Document.load(BAKERY)
    expected = (smbstrat.DetachedError, smbstrat.NotFoundError, smbstrat.ExistsError)
    errors = []
    counts = collections.Counter()
    deadline = time.monotonic() + float(os.environ.get("SMB_HARDENING_SECONDS", "4"))

    def run(name, body):
        step = 0
        while time.monotonic() < deadline:
            step += 1
            try:
                body(step)
                counts[name] += 1
            except expected:
                counts[name + " (expected error)"] += 1
            except Exception as error:  # anything else is a bug
                errors.append(f"{name} step {step}: {type(error).__name__}: {error}")
                return

    def edit_canvas(step):
        canvas = doc.canvas
        item_id = f"t-{step % 7}"
        if canvas.find(item_id) is not None:
            canvas.remove(item_id)
        else:
            canvas.add("channels", item_id, f"Thread item {step}", importance=step % 5 + 1)

    def rate(step):
        doc.forces["rivalry"]["exit_barriers"].rating = 1 + step % 5

    def edit_scenarios(step):
        scenario = doc.scenarios[step % len(doc.scenarios)]
        scenario.horizon_months = 1 + step % 24

    def replace_sections(step):
        if step % 2:
            doc.canvas = spare.canvas
        else:
            doc.forces = spare.forces

    def read(step):
        doc.score()
        doc.responses.rank()
        doc.responses.plan()
        doc.canvas.render("svg")
        doc.forces.render("html")
        smbstrat.Document.loads(doc.dumps())
        for item in doc.canvas.iter_items():
            item.text, item.importance

    def simulate(step):
        if hasattr(doc, "simulate"):
            doc.simulate(500, seed=step, threads=2)

    workers = [("edit_canvas", edit_canvas), ("rate", rate), ("edit_scenarios", edit_scenarios),
               ("replace_sections", replace_sections), ("simulate", simulate)]
    workers += [(f"read{n}", read) for n in range(3)]
    threads = [threading.Thread(target=run, args=worker) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log.write("joined\n")
    smbstrat.Document.loads(doc.dumps())
    log.close()
    return json.dumps({"counts": dict(counts), "failures": errors})


def sweep_crash(log_path):
    """A sweep that crashes, for the test of the harness."""
    import signal

    with open(log_path, "w", encoding="utf-8") as log:
        log.write("crash()\n")
    os.kill(os.getpid(), signal.SIGSEGV)


SWEEPS = {"crash": sweep_crash, "api": sweep_api, "core": sweep_core, "detached": sweep_detached,
          "threads": sweep_threads}


# ---------------------------------------------------------------------------
# The tests (pytest, in this process)


def run_sweep(name, tmp_path, timeout=900):
    """Run a sweep in a child interpreter and return its summary; a crash
    fails the test with the call it died in."""
    log = tmp_path / f"{name}.log"
    proc = subprocess.run([sys.executable, str(HERE), name, str(log)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or "Sanitizer" in proc.stderr:
        calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        last = calls[-1] if calls else "(before the first call)"
        how = (f"died of signal {-proc.returncode}" if proc.returncode < 0
               else f"exited {proc.returncode}")
        raise AssertionError(f"the {name} sweep {how} during: {last}\n{proc.stderr[-4000:]}")
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["failures"] == [], "\n".join(summary["failures"][:20])
    return summary


def test_every_public_entry_point_refuses_bad_arguments(tmp_path):
    summary = run_sweep("api", tmp_path)
    counts = summary["counts"]
    # The sweep reached the package: dozens of classes, thousands of calls,
    # most of them refused with the package's own exceptions.
    assert len(summary["classes"]) >= 30, summary["classes"]
    assert {"Document", "Canvas", "Item", "Forces", "Driver", "Resilience", "Scenarios",
            "Scenario", "Responses", "Response"} <= set(summary["classes"])
    assert sum(counts.values()) >= 20000
    assert counts.get("TypeError", 0) >= 1000
    assert counts.get("RangeError", 0) >= 100
    assert counts.get("InvalidArgumentError", 0) >= 100


def test_raw_core_layer_takes_null_everywhere(tmp_path):
    summary = run_sweep("core", tmp_path)
    assert summary["functions"] >= 300
    assert sum(summary["counts"].values()) >= 7 * summary["functions"]


def test_views_that_outlived_their_section(tmp_path):
    summary = run_sweep("detached", tmp_path)
    assert summary["counts"].get("DetachedError", 0) >= 100


def test_threads_changing_and_reading_one_document(tmp_path):
    summary = run_sweep("threads", tmp_path)
    counts = summary["counts"]
    for worker in ("edit_canvas", "rate", "edit_scenarios", "replace_sections", "read0"):
        assert counts.get(worker, 0) + counts.get(worker + " (expected error)", 0) > 0, counts


def test_a_crash_in_the_child_is_reported_not_fatal(tmp_path):
    """The harness itself: a sweep that dies of a signal fails its test
    with the call it was making, and pytest lives on."""
    # died of SIGSEGV, or exited 1 where AddressSanitizer catches the signal
    with pytest.raises(AssertionError, match=r"(died of signal 11|exited 1) during: crash\(\)"):
        run_sweep("crash", tmp_path)


# The targeted cases, in this process: each value goes where its kind of
# mistake is most likely, with the exception it must raise.


def test_huge_integers(small):
    import smbstrat

    item, flour = small.item("vp-fresh"), small.item("cost-flour")
    for value in (2**31, 2**63, 2**64, -(2**31) - 1, -(2**63) - 1, 10**400):
        with pytest.raises(smbstrat.RangeError):
            item.importance = value
    for value in (2**63, 2**64, -(2**63) - 1, 10**400, -1):
        with pytest.raises(smbstrat.RangeError):
            flour.amount = value
    assert (item.importance, flour.amount) == (5, 12000)
    with pytest.raises(smbstrat.RangeError):
        smbstrat.weighted_sum([[10**400, 1], [2, 3]], [1, 1])
    doc = smbstrat.Document.load(BAKERY)
    if hasattr(doc, "simulate"):
        for value in (2**64, -(2**63) - 1, 10**400, -1):
            with pytest.raises((smbstrat.RangeError, smbstrat.InvalidArgumentError)):
                doc.simulate(value)
            with pytest.raises((smbstrat.RangeError, smbstrat.InvalidArgumentError)):
                doc.simulate(10, seed=value)


def test_non_finite_numbers():
    import smbstrat

    doc = smbstrat.Document.load(BAKERY)
    driver = doc.forces["rivalry"]["exit_barriers"]
    targets = [(item, "amount") for item in doc.canvas.iter_items() if item.amount is not None][:1]
    targets += [(driver, "rating"), (driver, "weight"), (driver, "confidence"), (doc, "budget"),
                (doc.scenarios[0], "horizon_months"), (doc.responses[0], "cost")]
    before = doc.dumps()
    for obj, attr in targets:
        for value in (math.nan, math.inf, -math.inf, 10**400):
            with pytest.raises(smbstrat.RangeError):
                setattr(obj, attr, value)
    assert doc.dumps() == before


def test_nul_and_surrogates_in_text(small):
    import smbstrat

    item = small.item("vp-fresh")
    for value in ("Fresh\0bread", "\0", "bread\ud800", "\udfff"):
        for attr in ("text", "notes"):
            with pytest.raises((smbstrat.InvalidArgumentError, UnicodeEncodeError)):
                setattr(item, attr, value)
    assert item.text == "Fresh bread"
    for text in ('{"smbstrat": 1, "canvas": {"name": "a\0b"}}',
                 '{"smbstrat": 1, "canvas": {"name": "\ud800"}}',
                 b'{"smbstrat": 1, "canvas": {"name": "\xed\xa0\x80"}}',
                 b'{"smbstrat": 1, "canvas": {"name": "\\ud800"}}'):
        with pytest.raises(smbstrat.ParseError):
            smbstrat.Document.loads(text)


def test_paths_with_nul_and_invalid_utf8(tmp_path):
    import smbstrat

    doc = smbstrat.Document.load(BAKERY)
    for path in ("a\0b.json", b"a\0b.json"):
        with pytest.raises(ValueError):
            smbstrat.Document.load(path)
        with pytest.raises(ValueError):
            doc.save(path)
    odd = tmp_path / os.fsdecode(b"\xff\xfe.json")
    doc.save(odd)
    assert smbstrat.Document.load(odd).dumps() == doc.dumps()
    with pytest.raises(smbstrat.FileError, match="missing-"):
        smbstrat.Document.load(tmp_path / os.fsdecode(b"missing-\xff.json"))


def test_objects_outlive_their_document():
    import smbstrat

    doc = smbstrat.Document.load(BAKERY)
    canvas, forces, item = doc.canvas, doc.forces, next(iter(doc.canvas.iter_items()))
    score = doc.scenarios.score()
    text = item.text
    alive = weakref.ref(doc)
    del doc
    gc.collect()
    # the views keep their document alive, and results own their data
    assert alive() is not None
    assert item.text == text
    assert canvas.render("svg").startswith("<?xml")
    assert forces.score().attractiveness is not None
    assert len(score.threats) > 0
    del canvas, forces, item
    gc.collect()
    assert alive() is None


def test_simulation_totals_outlive_everything():
    import smbstrat

    doc = smbstrat.Document.load(BAKERY)
    if not hasattr(doc, "simulate"):
        return
    totals = doc.simulate(1000, seed=3, threads=1).totals
    expected = float(totals.sum())
    del doc
    gc.collect()
    assert float(totals.sum()) == expected
    assert not totals.flags.writeable


if __name__ == "__main__":
    print(SWEEPS[sys.argv[1]](sys.argv[2]))
