# SPDX-License-Identifier: MIT
"""Long calls run without the GIL; the package's locks must keep them from
overlapping a change or a free of the same canvas."""

import importlib.util
import threading

import smbstrat

HAS_PANDAS = importlib.util.find_spec("pandas") is not None


def _run(workers):
    errors = []

    def guard(fn):
        def run():
            try:
                fn()
            except Exception as exc:  # reported to the main thread below
                errors.append(exc)
        return run

    threads = [threading.Thread(target=guard(fn)) for fn in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_render_and_check_while_another_thread_changes_the_canvas():
    canvas = smbstrat.Canvas(name="Busy")
    canvas.add("customer_segments", "seg", "Families")

    def writer():
        for n in range(300):
            canvas.add("channels", f"ch-{n}", f"Channel {n}", links=["seg"])
            if n % 3 == 0:
                canvas.remove(f"ch-{n}")

    def reader():
        for _ in range(60):
            assert canvas.render("svg").lstrip().startswith("<")
            canvas.check()
            canvas.copy()

    _run([writer, reader, reader])
    assert len(canvas["channels"]) == 200  # 300 added, every third removed


def test_document_canvas_replaced_while_others_save_and_read(small_text):
    doc = smbstrat.Document.loads(small_text)
    done = threading.Event()

    def replacer():
        for n in range(100):
            doc.canvas = smbstrat.Canvas(name=f"v{n}")
        done.set()

    def saver():
        while not done.is_set():
            doc.dumps()

    def viewer():
        while not done.is_set():
            view = doc.canvas
            try:
                view.name
                len(view["channels"])
            except smbstrat.DetachedError:
                pass

    _run([replacer, saver, viewer])
    assert doc.canvas.name == "v99"


def test_diff_of_two_canvases_in_both_orders():
    a = smbstrat.Canvas()
    b = smbstrat.Canvas()
    for n in range(50):
        a.add("key_activities", f"k{n}", f"Activity {n}")
    _run([lambda: [a.diff(b) for _ in range(50)], lambda: [b.diff(a) for _ in range(50)]])


def test_score_and_render_while_another_thread_rates_drivers(rated):
    def writer():
        for n in range(300):
            rated["rivalry"]["exit_barriers"].rating = 1 + n % 5
            if n % 10 == 0:
                rated.add_driver("substitutes", f"d{n}", f"Driver {n}", rating=3)
                if n % 20 == 0:
                    rated.remove_driver("substitutes", f"d{n}")

    def reader():
        for _ in range(40):
            assert rated.render("svg").lstrip().startswith("<")
            result = rated.score()
            assert result.pressure is not None
            rated.sensitivity()
            rated.compare(rated.copy())
            if HAS_PANDAS:
                rated.to_dataframe()

    _run([writer, reader, reader])
    assert len(rated["substitutes"]) == 3 + 15  # 30 added, every other one removed


def test_document_forces_replaced_while_others_read(forces_text):
    doc = smbstrat.Document.loads(forces_text)
    done = threading.Event()

    def replacer():
        for n in range(100):
            doc.forces = smbstrat.Forces(name=f"v{n}")
        done.set()

    def viewer():
        while not done.is_set():
            view = doc.forces
            try:
                view.score()
                view["rivalry"]["exit_barriers"].rating = 2
            except smbstrat.DetachedError:
                pass

    _run([replacer, viewer, lambda: [doc.dumps() for _ in range(50)]])
    assert doc.forces.name == "v99"
