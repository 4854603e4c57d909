"""examples/quickstart.ipynb, executed top to bottom against a real server, so it never rots."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy
from tests.servers import thread_server

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"


def test_the_quickstart_notebook_runs_without_an_error(
    template_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    app = app_on_copy(template_dir, tmp_path / "data")
    with thread_server(app) as url:
        # The kernel is a child process: it inherits these, and matplotlib draws to PNG.
        monkeypatch.setenv("MYSTOCKS_URL", url)
        monkeypatch.setenv("MYSTOCKS_USER", "admin")
        monkeypatch.setenv("MYSTOCKS_PASSWORD", DEV_ADMIN_PASSWORD)
        monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        # Raises CellExecutionError, with the cell and its traceback, on the first error.
        NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
        ).execute()
    nbformat.write(notebook, tmp_path / "quickstart.executed.ipynb")  # for a failed run

    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "the K-line chart and the equity curve"
    text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "signed in to" in text and "600036.SH" in text
    assert "succeeded" in text and "total_return" in text
    assert "404 Not Found - No instrument 999999.SH." in text
