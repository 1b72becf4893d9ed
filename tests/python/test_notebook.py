# SPDX-License-Identifier: MIT
"""examples/notebook.ipynb runs from top to bottom, headless, with the
package of this build: every cell without an error, every figure shown."""

import json
import sys

import pytest

from conftest import EXAMPLES

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK = EXAMPLES / "notebook.ipynb"


def test_the_committed_notebook_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A "python3" kernel that is this interpreter, found before any other
    (JUPYTER_PATH comes first), with Jupyter's and IPython's files in a
    temporary directory. The kernel inherits the environment, and with it
    the PYTHONPATH that finds this build's package."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (this build)",
        "language": "python",
    }))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    for variable, directory in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                                ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython"),
                                ("MPLCONFIGDIR", "matplotlib")):
        (tmp_path / directory).mkdir()
        monkeypatch.setenv(variable, str(tmp_path / directory))
    return "python3"


def test_the_notebook_runs_and_shows_its_figures(kernel):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=600,
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()  # raises CellExecutionError, with the traceback, on any error
    outputs = [output for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    # forces, risk matrix, block heat, simulation, tornado, ES contributions, portfolio
    assert len(images) == 7
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("smbstrat-canvas" in o.data["text/html"] for o in tables)
    assert any("smbstrat-simulation" in o.data["text/html"] for o in tables)
