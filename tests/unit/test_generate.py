"""tools/generate.py's reshaping of the contract for openapi-python-client."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from bundle import bundle
from generate import distribute_unions, for_client

ROOT = Path(__file__).resolve().parents[2]
REF = "#/components/schemas/"


def schemas() -> dict[str, Any]:
    def variant(kind: str, field: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["type", field],
            "properties": {"type": {"enum": [kind]}, field: {"type": "integer"}},
        }

    return {
        "Meta": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
        "Fast": variant("fast", "n"),
        "Slow": variant("slow", "m"),
        "Kind": {
            "oneOf": [{"$ref": REF + "Fast"}, {"$ref": REF + "Slow"}],
            "discriminator": {
                "propertyName": "type",
                "mapping": {"fast": REF + "Fast", "slow": REF + "Slow"},
            },
        },
        "Thing": {
            "description": "A thing.",
            "allOf": [{"$ref": REF + "Meta"}, {"$ref": REF + "Kind"}],
        },
    }


def accepts(components: dict[str, Any], document: Any) -> bool:
    root = {"components": {"schemas": components}, "$ref": REF + "Thing"}
    return jsonschema.Draft7Validator(root).is_valid(document)


@pytest.mark.parametrize(
    "document",
    [
        {"id": 1, "type": "fast", "n": 5},
        {"id": 1, "type": "slow", "m": 5},
        {"id": 1, "type": "fast", "m": 5},  # the other variant's field
        {"type": "fast", "n": 5},  # no id
        {"id": 1, "type": "medium", "n": 5},
        {"id": "1", "type": "slow", "m": 5},
        [],
    ],
)
def test_distributing_a_union_over_allof_accepts_exactly_the_same_documents(document):
    before = schemas()
    after = copy.deepcopy(before)
    distribute_unions(after)
    assert accepts(after, document) == accepts(before, document)


def test_the_union_becomes_one_named_object_per_discriminator_value():
    after = schemas()
    distribute_unions(after)
    assert after["Thing"]["oneOf"] == [{"$ref": REF + "ThingFast"}, {"$ref": REF + "ThingSlow"}]
    assert after["Thing"]["discriminator"]["mapping"] == {
        "fast": REF + "ThingFast",
        "slow": REF + "ThingSlow",
    }
    assert after["ThingSlow"]["allOf"] == [{"$ref": REF + "Meta"}, {"$ref": REF + "Slow"}]
    assert after["Kind"] == schemas()["Kind"]  # the union itself stays for other users


def test_the_clients_contract_has_no_allof_over_a_union_and_names_operations_by_handler():
    client = for_client(bundle(ROOT / "openapi" / "openapi.yaml"))
    components = client["components"]["schemas"]
    for name, schema in components.items():
        for part in schema.get("allOf", []):
            target = components.get(part.get("$ref", "").removeprefix(REF), {})
            assert "discriminator" not in target, name
    assert {"StrategySmaCross", "StrategyInputMomentum"} <= set(components)
    assert client["paths"]["/api/v1/strategies"]["post"]["operationId"] == "create_strategy"
