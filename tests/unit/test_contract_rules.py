"""House rules of the contract that a linter does not check."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from mystocks.app import SPEC_PATH

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
OPERATIONS = [
    (f"{method.upper()} {path}", op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in ("get", "put", "post", "patch", "delete")
]


@pytest.mark.parametrize("name", sorted(SPEC["components"]["schemas"]))
def test_every_schema_has_an_example(name):
    assert "example" in SPEC["components"]["schemas"][name], name


@pytest.mark.parametrize(("label", "op"), OPERATIONS, ids=[label for label, _ in OPERATIONS])
def test_every_operation_declares_its_errors_as_problems(label, op):
    responses = op["responses"]
    assert {"400", "500"} <= set(responses), label
    if op.get("security", SPEC["security"]):
        assert "401" in responses, f"{label} is authenticated but does not declare 401"
    if any("apiKeySignature" in option for option in op.get("security", SPEC["security"])):
        # A key without the operation's scope is refused with 403.
        assert "403" in responses, f"{label} takes API keys but does not declare 403"
    for status, response in responses.items():
        if status.startswith("4") or status == "500":  # /ready's 503 is a readiness report
            ref = response["$ref"]
            content = SPEC["components"]["responses"][ref.rsplit("/", 1)[1]]["content"]
            assert list(content) == ["application/problem+json"], (label, status)


@pytest.mark.parametrize(("label", "op"), OPERATIONS, ids=[label for label, _ in OPERATIONS])
def test_operation_ids_name_the_handler_module_of_their_tag(label, op):
    module, _, name = op["operationId"].rpartition(".")
    assert module == f"mystocks.api.{op['tags'][0]}" and name.isidentifier(), label


def test_list_limits_have_a_maximum():
    for label, op in OPERATIONS:
        for param in op.get("parameters", []):
            if "$ref" in param:
                param = SPEC["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
            if param["name"] == "limit":
                assert "maximum" in param["schema"], label


def test_strategy_parameter_schemas_match_the_engine_registry():
    from mystocks.backtest.strategies import STRATEGY_TYPES

    schemas = SPEC["components"]["schemas"]
    mapping = schemas["StrategyDefinition"]["discriminator"]["mapping"]
    assert set(mapping) == set(STRATEGY_TYPES)
    for name, kind in STRATEGY_TYPES.items():
        definition = schemas[mapping[name].rsplit("/", 1)[1]]
        params = schemas[definition["properties"]["parameters"]["$ref"].rsplit("/", 1)[1]]
        assert set(params["properties"]) == {p.name for p in kind.parameters}, name
        for p in kind.parameters:
            prop = params["properties"][p.name]
            assert prop["type"] == {"int": "integer", "float": "number"}[p.kind], (name, p.name)
            assert (prop["minimum"], prop["maximum"], prop["default"]) == (
                p.minimum,
                p.maximum,
                p.default,
            ), (name, p.name)


@pytest.mark.parametrize(("label", "op"), OPERATIONS, ids=[label for label, _ in OPERATIONS])
def test_an_if_match_header_can_be_refused(label, op):
    """A malformed If-Match is 422 (`services.versions.parse_etag`), so every operation that
    takes one declares it."""
    refs = [p.get("$ref", "") for p in op.get("parameters", [])]
    if "#/components/parameters/IfMatch" in refs:
        assert "422" in op["responses"], label
