# SPDX-License-Identifier: MIT
"""smbstrat.dask: trials split over the processes of a Dask cluster give
exactly the result of one process."""

import subprocess
import sys
import textwrap

import pytest

np = pytest.importorskip("numpy")

# Debian's tornado warns about its own event loop handling; not ours.
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip(
        "distributed", reason="Dask's distributed scheduler is not installed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_a_cluster_gives_exactly_the_single_process_result(client, bakery_path):
    import smbstrat.dask

    doc = smbstrat.Document.load(bakery_path)
    settings = dict(seed=21, rho=0.3, source_rho={"economic": 0.6}, threshold=9,
                    percentiles=(1, 50, 99.9))
    alone = doc.simulate(50_000, **settings)
    spread = smbstrat.dask.simulate(doc, 50_000, client=client, chunk_trials=7_000, **settings)
    assert spread == alone
    # Every statistic, one by one, and the totals bit for bit.
    assert spread.loss == alone.loss and spread.upside == alone.upside
    assert spread.scenarios == alone.scenarios
    assert spread.sensitivity == alone.sensitivity and spread.tornado == alone.tornado
    assert np.array_equal(spread.totals, alone.totals)
    assert np.array_equal(spread.upside_totals, alone.upside_totals)
    assert spread.totals.tobytes() == alone.totals.tobytes()


def test_a_path_default_chunks_responses_and_the_sketch(client, bakery_path):
    import smbstrat.dask

    doc = smbstrat.Document.load(bakery_path)
    chosen = doc.responses.plan(doc.budget).chosen
    alone = doc.simulate(30_001, keep_totals=False, responses=chosen, measure="money")
    spread = smbstrat.dask.simulate(str(bakery_path), 30_001, client=client,
                                    keep_totals=False, responses=chosen, measure="money")
    assert spread == alone and spread.totals is None


def test_without_a_client_a_local_cluster_is_started_for_the_call(tmp_path, bakery_path):
    # In a fresh process, so that no client of this one is the default.
    pytest.importorskip("distributed")
    script = tmp_path / "alone.py"
    script.write_text(textwrap.dedent(f"""\
        import smbstrat, smbstrat.dask

        if __name__ == "__main__":
            path = {str(bakery_path)!r}
            spread = smbstrat.dask.simulate(path, 3_000, seed=2)
            assert spread == smbstrat.Document.load(path).simulate(3_000, seed=2)
            print("same")
        """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "same\n"


def test_ranges_cover_the_trials_in_order():
    from smbstrat.dask import ranges

    assert ranges(10, 4) == [(0, 4), (4, 4), (8, 2)]
    assert ranges(3, 5) == [(0, 3)]


def test_bad_arguments_fail_before_anything_is_sent(bakery_path):
    import smbstrat.dask

    pytest.importorskip("distributed")
    with pytest.raises(smbstrat.RangeError):
        smbstrat.dask.simulate(bakery_path, 0)
    with pytest.raises(smbstrat.RangeError):
        smbstrat.dask.simulate(bakery_path, 10, chunk_trials=0)
    with pytest.raises(TypeError):
        smbstrat.dask.simulate(bakery_path, 10.0)
    with pytest.raises(TypeError):
        smbstrat.dask.simulate(42, 10)
    with pytest.raises(smbstrat.RangeError):
        smbstrat.dask.simulate(bakery_path, 10, rho=1)
    with pytest.raises(smbstrat.NotFoundError):
        smbstrat.dask.simulate(bakery_path, 10, responses=["nope"])
    with pytest.raises(TypeError, match="unexpected keyword"):
        smbstrat.dask.simulate(bakery_path, 10, trails=5)
    with pytest.raises(smbstrat.FileError):
        smbstrat.dask.simulate(bakery_path.parent / "missing.json", 10)


def test_without_distributed_a_clear_import_error(monkeypatch, bakery_path):
    import smbstrat.dask

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match="needs Dask's distributed scheduler"):
        smbstrat.dask.simulate(bakery_path, 10)
