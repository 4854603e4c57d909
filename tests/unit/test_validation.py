from __future__ import annotations

import fastjsonschema
import pytest

from mystocks.api.validation import ContractViolation, compiled, explain, to_json_schema
from mystocks.errors import FieldProblem


def test_nullable_becomes_a_null_type():
    schema = to_json_schema({"type": "string", "nullable": True, "example": "x"})
    assert schema == {"type": ["string", "null"]}
    validate = compiled({"type": "string", "nullable": True})
    assert validate(None) is None
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        compiled({"type": "string"})(None)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2017-07-26", True),
        ("2017-02-29", False),
        ("2016-02-29", True),
        ("notadate", False),
        ("2017-7-26", False),
        ("20170726", False),
    ],
)
def test_date_format_is_checked_strictly(value, ok):
    validate = compiled({"type": "string", "format": "date"})
    if ok:
        validate(value)
    else:
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            validate(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2017-07-26T09:30:00+08:00", True),
        ("2017-07-26T01:30:00Z", True),
        ("2017-07-26T09:30:00", False),
        ("2017-07-26 09:30:00+08:00", False),
        ("2017-07-26T09:30:00 08:00", False),
        ("2017-07-26T25:00:00Z", False),
    ],
)
def test_date_time_needs_an_offset(value, ok):
    validate = compiled({"type": "string", "format": "date-time"})
    if ok:
        validate(value)
    else:
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            validate(value)


def _explain(schema, value):
    with pytest.raises(fastjsonschema.JsonSchemaValueException) as caught:
        compiled(schema)(value)
    return explain(caught.value, schema)


def test_explanations_read_like_sentences():
    assert _explain({"type": "integer"}, "abc") == "must be an integer; got 'abc'"
    assert _explain({"type": "string", "format": "date"}, "x") == (
        "must be a date (YYYY-MM-DD); got 'x'"
    )
    assert _explain({"type": "string", "enum": ["1m", "1d"]}, "2h") == (
        "must be one of 1m, 1d; got '2h'"
    )
    assert "%2B" in _explain({"type": "string", "format": "date-time"}, "2017-07-26T09:30:00 08:00")
    assert _explain({"type": "integer", "minimum": 1}, 0).startswith("must be bigger than or equal")


def test_contract_violation_names_the_first_field_and_counts_the_rest():
    problem = ContractViolation(
        [FieldProblem("query", "start", "must be a date"), FieldProblem("query", "end", "x")]
    )
    assert problem.detail == "Query parameter 'start' must be a date. (1 more in errors[])"
    assert problem.status == 400


def test_recursive_schemas_compile_to_definitions():
    """Connexion resolves a recursive schema into dicts that contain themselves: a cycle and a
    schema marked `x-recursive` both become one `$ref`d definition that compiles."""
    node: dict = {"type": "object", "properties": {"kind": {"type": "string"}}}
    node["properties"]["children"] = {"type": "array", "items": node}
    converted = to_json_schema({"type": "object", "properties": {"root": node}})
    assert converted["properties"]["root"]["properties"]["children"]["items"] == {
        "$ref": "#/definitions/recursive1"
    }
    marked = {"x-recursive": "Cond", "type": "object", "properties": {"n": {"type": "integer"}}}
    copy = {**marked, "properties": {**marked["properties"], "inner": marked}}
    converted = to_json_schema({"type": "object", "properties": {"a": copy, "b": marked}})
    assert converted["properties"] == {
        "a": {"$ref": "#/definitions/Cond"},
        "b": {"$ref": "#/definitions/Cond"},
    }
    validate = compiled({"type": "object", "properties": {"root": node}})
    validate({"root": {"kind": "a", "children": [{"kind": "b", "children": []}]}})
    with pytest.raises(fastjsonschema.JsonSchemaValueException, match="must be string"):
        validate({"root": {"kind": "a", "children": [{"kind": 1}]}})
