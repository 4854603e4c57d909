"""Request validation compiled once per schema, with messages a person can act on.

Connexion's defaults build a jsonschema validator (and deep-copy the schema) for every parameter
of every request, skip `format: date` entirely, and stop at the first bad parameter with a
validator dump. These subclasses, plugged in through Connexion's public `validator_map`, compile
each schema once with fastjsonschema (OpenAPI 3.0 schemas are JSON Schema draft 4 plus
`nullable`), check `date` and `date-time` strictly, and report every bad parameter by name.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import fastjsonschema
import orjson
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import BadRequestProblem
from connexion.validators import (
    FormDataValidator,
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)

from mystocks.errors import FieldProblem

_DRAFT4 = "http://json-schema.org/draft-04/schema#"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_NOT_JSON_SCHEMA = {
    "nullable",
    "example",
    "examples",
    "xml",
    "discriminator",
    "deprecated",
    "readOnly",
    "writeOnly",
    "externalDocs",
}


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_date_time(value: str) -> bool:
    if not _DATE_TIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


FORMATS = {"date": _is_date, "date-time": _is_date_time}


def to_json_schema(schema: Any) -> Any:
    """OpenAPI 3.0 schema object -> JSON Schema draft 4 (`nullable` becomes a null type).

    Connexion hands over schemas with their `$ref`s resolved, so a recursive schema (a
    screening condition holds conditions) arrives as dicts that contain themselves. Each such
    cycle goes back to a `$ref` into `definitions`, which fastjsonschema compiles; a schema
    marked `x-recursive: <name>` becomes one definition of that name."""
    definitions: dict[str, Any] = {}
    names: dict[int, str] = {id(schema): "#"}
    out = _convert(schema, set(), names, definitions)
    if definitions and isinstance(out, dict):
        out["definitions"] = definitions
    return out


def _convert(
    schema: Any, path: set[int], names: dict[int, str], definitions: dict[str, Any]
) -> Any:
    if isinstance(schema, list):
        return [_convert(s, path, names, definitions) for s in schema]
    if not isinstance(schema, dict):
        return schema
    named = schema.get("x-recursive")
    if isinstance(named, str):
        # A recursive schema names itself: Connexion's resolution unrolls it a few levels as
        # distinct copies before it closes the loop, and compiling those copies takes seconds.
        # One definition per name, referred to wherever a copy stands, compiles in milliseconds.
        if named not in definitions:
            definitions[named] = {}  # claimed before the walk, so the copies inside refer to it
            inner = {k: v for k, v in schema.items() if k != "x-recursive"}
            definitions[named] = _convert(inner, path, names, definitions)
        return {"$ref": f"#/definitions/{named}"}
    key = id(schema)
    if key in path:  # a schema inside itself: refer to it instead of unrolling it forever
        name = names.setdefault(key, f"recursive{len(names)}")
        return {"$ref": name if name == "#" else f"#/definitions/{name}"}
    path.add(key)
    out = {
        k: _convert(v, path, names, definitions)
        for k, v in schema.items()
        if k not in _NOT_JSON_SCHEMA
    }
    path.discard(key)
    if schema.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    found = names.get(key)
    if found is not None and found != "#":
        definitions[found] = out
    return out


_compiled: dict[int, tuple[Any, Any]] = {}


def compiled(schema: dict[str, Any]) -> Any:
    """The compiled validator of a schema dict; cached by identity (the spec outlives us)."""
    hit = _compiled.get(id(schema))
    if hit is None or hit[0] is not schema:
        validator = fastjsonschema.compile(
            {"$schema": _DRAFT4, **to_json_schema(schema)}, formats=FORMATS
        )
        hit = (schema, validator)  # keep `schema` alive so its id is never reused
        _compiled[id(schema)] = hit
    return hit[1]


_TYPE_WORDS = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}


def explain(exc: fastjsonschema.JsonSchemaValueException, schema: dict[str, Any]) -> str:
    """A person's sentence for the first rule a value broke."""
    rule, definition = exc.rule, exc.rule_definition
    if rule == "type":
        kinds = definition if isinstance(definition, list) else [definition]
        text = " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds if k != "null")
        message = f"must be {text}"
    elif rule == "format" and definition == "date":
        message = "must be a date (YYYY-MM-DD)"
    elif rule == "format" and definition == "date-time":
        message = (
            "must be an RFC 3339 date-time with an offset, like 2017-07-26T09:30:00+08:00 "
            "(in a URL, send '+' as %2B)"
        )
    elif rule == "enum":
        message = "must be one of " + ", ".join(str(v) for v in definition)
    elif rule == "pattern" and "(SH|SZ|BJ)" in str(definition):  # the sync's A-shares only
        message = "must be an A-share symbol like 600036.SH, 000002.SZ or 830799.BJ"
    elif rule == "pattern" and "\\." in str(definition):
        message = "must be a symbol like 600036.SH, 000002.SZ or AAPL.US"
    elif rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        message = exc.message.split(" must ", 1)[-1]
        message = "must " + message
    elif rule == "additionalProperties":
        message = "has properties the contract does not define"
    elif rule == "required":
        message = "misses required properties: " + ", ".join(str(v) for v in definition)
    else:
        message = "must " + exc.message.split(" must ", 1)[-1]
    value = exc.value
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        shown = str(value)
        message += f"; got '{shown[:40]}{'…' if len(shown) > 40 else ''}'"
    return message


class ContractViolation(BadRequestProblem):  # type: ignore[misc]
    """A request that breaks the contract: 400 with one entry per bad field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        first = problems[0]
        where = {
            "query": "Query parameter",
            "path": "Path parameter",
            "header": "Header",
            "body": "Body field",
            "form": "Form field",
        }.get(first.location, "Field")
        detail = f"{where} '{first.name}' {first.detail}."
        if len(problems) > 1:
            detail += f" ({len(problems) - 1} more in errors[])"
        super().__init__(detail=detail)
        self.problems = problems


class CompiledParameterValidator(ParameterValidator):  # type: ignore[misc]
    def _check(
        self, location: str, param: dict[str, Any], value: Any, problems: list[FieldProblem]
    ) -> None:
        name = param["name"]
        if value is None:
            if param.get("required"):
                problems.append(FieldProblem(location, name, "is required"))
            return
        schema = param.get("schema", {})
        try:
            compiled(schema)(value)
        except fastjsonschema.JsonSchemaValueException as exc:
            problems.append(FieldProblem(location, name, explain(exc, schema)))

    def validate_request(self, request: Any) -> None:
        problems: list[FieldProblem] = []
        if self.strict_validation:
            known = {p["name"] for p in self.parameters.get("query", [])}
            known |= self.security_query_params
            for extra in sorted(set(request.query_params.keys()) - known):
                problems.append(
                    FieldProblem("query", extra, "is not a parameter of this operation")
                )
        query, path, headers = request.query_params, request.path_params, request.headers
        for param in self.parameters.get("query", []):
            self._check("query", param, query.get(param["name"]), problems)
        for param in self.parameters.get("path", []):
            self._check("path", param, path.get(param["name"].replace("-", "_")), problems)
        for param in self.parameters.get("header", []):
            self._check("header", param, headers.get(param["name"]), problems)
        if problems:
            raise ContractViolation(problems)


def _chosen_branch(
    exc: fastjsonschema.JsonSchemaValueException, schema: dict[str, Any], body: Any
) -> tuple[fastjsonschema.JsonSchemaValueException, dict[str, Any]] | FieldProblem:
    """A discriminated `oneOf` body fails as a whole ("valid by exactly one definition"), which
    names no field: check it against the one branch its discriminator picks instead, so the
    problem points at the field (a missing `account_id`, an extra `symbol`)."""
    if exc.rule != "oneOf" or exc.name != "data" or not isinstance(body, dict):
        return exc, schema
    name = schema.get("discriminator", {}).get("propertyName")
    if name is None:
        return exc, schema
    branches = {
        value: branch
        for branch in schema["oneOf"]
        for value in branch.get("properties", {}).get(name, {}).get("enum", ())
    }
    if name not in body:
        return FieldProblem("body", name, "is required")
    # The discriminator may be any JSON value here (a list, an object): only a string names one.
    branch = branches.get(body[name]) if isinstance(body[name], str) else None
    if branch is None:
        shown = str(body[name])[:40]
        return FieldProblem("body", name, f"must be one of {', '.join(branches)}; got '{shown}'")
    try:
        compiled(branch)(body)
    except fastjsonschema.JsonSchemaValueException as inner:
        return inner, branch
    return exc, schema


def _tag_of(branches: Any) -> str | None:
    """The property every branch pins to one value (`kind`): a discriminator, converted away."""
    if not isinstance(branches, list) or not branches:
        return None
    common: set[str] | None = None
    for branch in branches:
        props = branch.get("properties", {}) if isinstance(branch, dict) else {}
        pinned = {k for k, v in props.items() if len(v.get("enum", ())) == 1}
        common = pinned if common is None else common & pinned
    return sorted(common)[0] if common else None


def _nested_branch(
    exc: fastjsonschema.JsonSchemaValueException, schema: dict[str, Any]
) -> tuple[fastjsonschema.JsonSchemaValueException, str] | FieldProblem:
    """`_chosen_branch` for discriminated `oneOf`s deeper in the body (a screening condition
    inside `all`): check the failing object against the branch its tag picks, again and again,
    so the problem names the field (`condition.conditions[1].days`). Answers the narrowest
    failure and the path prefix of its `data`."""
    prefix = ""
    while exc.rule == "oneOf" and isinstance(exc.value, dict):
        branches = exc.rule_definition
        tag = _tag_of(branches)
        if tag is None:
            break
        where = re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", prefix + (exc.name or "data")[4:])
        where = where.lstrip(".")
        pinned = {b["properties"][tag]["enum"][0]: b for b in branches}
        value = exc.value
        if tag not in value:
            return FieldProblem("body", _field(where, tag), "is required")
        branch = pinned.get(value[tag]) if isinstance(value[tag], str) else None
        if branch is None:
            shown = str(value[tag])[:40]
            detail = f"must be one of {', '.join(map(str, pinned))}; got '{shown}'"
            return FieldProblem("body", _field(where, tag), detail)
        try:
            _branch_validator(schema, branch)(value)
        except fastjsonschema.JsonSchemaValueException as inner:
            prefix, exc = prefix + (exc.name or "data")[4:], inner
            continue
        break
    return exc, prefix


# (id of the schema, the branch as canonical JSON) -> (schema, validator). A recursive schema's
# branch compiles with all its definitions, which takes a good part of a second: once per
# branch, not once per bad request. The branch dicts come from the raised exception, new each
# time, hence the key by content; the schema is kept so its id is never reused.
_branches: dict[tuple[int, bytes], tuple[Any, Any]] = {}


def _branch_validator(schema: dict[str, Any], branch: dict[str, Any]) -> Any:
    key = (id(schema), orjson.dumps(branch, option=orjson.OPT_SORT_KEYS))
    hit = _branches.get(key)
    if hit is None or hit[0] is not schema:
        definitions = to_json_schema(schema).get("definitions", {})
        validator = fastjsonschema.compile(
            {"$schema": _DRAFT4, **branch, "definitions": definitions}, formats=FORMATS
        )
        hit = _branches[key] = (schema, validator)
    return hit[1]


def _field(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _body_problem(
    exc: fastjsonschema.JsonSchemaValueException,
    schema: dict[str, Any],
    location: str,
    body: Any = None,
) -> ContractViolation:
    chosen = _chosen_branch(exc, schema, body)
    if isinstance(chosen, FieldProblem):
        return ContractViolation([chosen])
    exc, schema = chosen
    narrowed = _nested_branch(exc, schema)
    if isinstance(narrowed, FieldProblem):
        return ContractViolation([narrowed])
    exc, prefix = narrowed
    path = prefix + (exc.name or "data").removeprefix("data")
    path = path.lstrip(".")
    path = re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)
    # Point at the fields missing or not defined, not at the object that holds them.
    if exc.rule == "required" and isinstance(exc.value, dict):
        missing = [str(name) for name in exc.rule_definition if name not in exc.value]
        if missing:
            return ContractViolation(
                [FieldProblem(location, _field(path, name), "is required") for name in missing]
            )
    if exc.rule == "additionalProperties" and isinstance(exc.value, dict):
        known = (exc.definition or {}).get("properties", {})
        extra = sorted(set(exc.value) - set(known))
        if extra:
            return ContractViolation(
                [
                    FieldProblem(location, _field(path, name), "is not allowed here")
                    for name in extra
                ]
            )
    return ContractViolation([FieldProblem(location, path or location, explain(exc, schema))])


# A body of JSON `null`, told apart from no body at all (both would parse to None).
_JSON_NULL = object()


class CompiledJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    async def _parse(self, stream: Any, scope: Any) -> Any:
        raw = b"".join([message async for message in stream])
        if not raw:
            return None
        try:
            body = orjson.loads(raw)
            return _JSON_NULL if body is None else body
        except orjson.JSONDecodeError as exc:
            raise ContractViolation(
                [FieldProblem("body", "body", f"is not valid JSON ({exc})")]
            ) from None

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is None:
            # An optional body may be left out (Connexion's own validator refuses it).
            if self._nullable or not self._required:
                return None
            raise ContractViolation([FieldProblem("body", "body", "is required")])
        if body is _JSON_NULL:
            # An optional body may be left out, but a body that is there must match.
            if self._nullable:
                return None
            raise ContractViolation([FieldProblem("body", "body", "must not be null")])
        try:
            compiled(self._schema)(body)
        except fastjsonschema.JsonSchemaValueException as exc:
            raise _body_problem(exc, self._schema, "body", body) from None
        return None


class CompiledFormValidator(FormDataValidator):  # type: ignore[misc]
    def _validate(self, body: Any) -> dict[str, Any] | None:
        if self._strict_validation:
            extra = sorted(set(body) - set(self._schema.get("properties", {})))
            if extra:
                raise ContractViolation(
                    [FieldProblem("form", name, "is not a field of this form") for name in extra]
                )
        try:
            compiled(self._schema)(body)
        except fastjsonschema.JsonSchemaValueException as exc:
            raise _body_problem(exc, self._schema, "form") from None
        return None


# Connexion replaces the whole "body" entry, so every media type it handles is listed here.
VALIDATOR_MAP = {
    "parameter": CompiledParameterValidator,
    "body": MediaTypeDict(
        {
            "*/*json": CompiledJSONBodyValidator,
            "application/x-www-form-urlencoded": CompiledFormValidator,
            "multipart/form-data": MultiPartFormDataValidator,
        }
    ),
}
