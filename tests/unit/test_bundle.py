from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from bundle import BundleError, bundle


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_component_files_become_internal_refs_and_paths_are_inlined(tmp_path):
    write(tmp_path / "openapi.yaml", "openapi: 3.0.3\npaths:\n  /a:\n    $ref: paths/a.yaml#/a\n")
    write(
        tmp_path / "paths/a.yaml",
        "a:\n  get:\n    responses:\n      '200':\n        $ref: ../components/responses/Ok.yaml\n",
    )
    write(
        tmp_path / "components/responses/Ok.yaml",
        "description: ok\ncontent:\n"
        "  application/json:\n    schema:\n      $ref: ../schemas/Thing.yaml\n",
    )
    write(tmp_path / "components/schemas/Thing.yaml", "type: object\n")
    write(tmp_path / "components/schemas/Unused.yaml", "type: string\n")
    doc = bundle(tmp_path / "openapi.yaml")
    assert doc["paths"]["/a"]["get"]["responses"]["200"] == {"$ref": "#/components/responses/Ok"}
    assert doc["components"]["responses"]["Ok"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Thing"
    }
    assert list(doc["components"]["schemas"]) == ["Thing"]


def test_missing_files_and_pointers_fail_loudly(tmp_path):
    write(tmp_path / "openapi.yaml", "paths:\n  /a:\n    $ref: paths/none.yaml#/a\n")
    with pytest.raises(BundleError, match="missing file"):
        bundle(tmp_path / "openapi.yaml")
    write(tmp_path / "paths/none.yaml", "b: {}\n")
    with pytest.raises(BundleError, match="no 'a'"):
        bundle(tmp_path / "openapi.yaml")
