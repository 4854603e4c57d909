"""Generate one typing.Protocol per tag from the bundled contract.

Each operation becomes an `async def <name>(self, *, ...) -> Response` method, `<name>` being the
last segment of its operationId. Parameters are keyword-only because Connexion calls handlers by
keyword, and only keyword-only Protocol parameters make mypy catch a renamed parameter. A handler
module is checked against its Protocol with one assignment (`_: MarketHandlers = market`).
"""

from __future__ import annotations

import keyword
import re
from typing import Any

HEADER = '''"""Handler Protocols, one per tag, generated from the contract by `make generate`.

Do not edit.

Connexion passes path and query parameters by keyword, already coerced to these types and
validated against the contract; `format: date`/`date-time` values arrive as strings. A request
body, JSON or form, arrives as `body`, already validated, typed as its schema's TypedDict.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from starlette.responses import Response

from mystocks_contract import typeddicts as td

'''

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        kind, name = node["$ref"].split("/")[-2:]
        node = spec["components"][kind][name]
    return node


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


class _Types:
    """Python type expressions for schemas; enums referenced by name become Literal aliases."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.aliases: dict[str, str] = {}

    def of(self, schema: dict[str, Any]) -> str:
        name = _ref_name(schema)
        resolved = _deref(self.spec, schema)
        if "enum" in resolved:
            literal = "Literal[" + ", ".join(repr(v) for v in resolved["enum"]) + "]"
            if name is None:
                return literal
            self.aliases[name] = literal
            return name
        kind = resolved.get("type")
        if kind == "array":
            return f"list[{self.of(resolved.get('items', {}))}]"
        if kind == "object":
            return "dict[str, Any]"
        return _SCALARS.get(kind or "", "Any")


def _pyname(name: str) -> str:
    name = re.sub(r"\W", "_", name)
    return name + "_" if keyword.iskeyword(name) else name


def _params(spec: dict[str, Any], op: dict[str, Any], path_item: dict[str, Any], types: _Types):
    required: list[str] = []
    optional: list[str] = []
    params = [*path_item.get("parameters", []), *op.get("parameters", [])]
    for raw in params:
        param = _deref(spec, raw)
        if param["in"] not in ("path", "query"):
            continue  # Connexion does not pass headers or cookies as arguments
        schema = param.get("schema", {})
        annotation = types.of(schema)
        name = _pyname(param["name"])
        if param.get("required"):
            required.append(f"{name}: {annotation}")
        elif "default" in _deref(spec, schema):
            optional.append(f"{name}: {annotation} = ...")
        else:
            optional.append(f"{name}: {annotation} | None = ...")
    body = op.get("requestBody")
    if body:
        body = _deref(spec, body)
        # Connexion passes an OpenAPI 3 body, JSON or form, as one `body` argument, typed as
        # the TypedDict of its schema (`typeddicts.py`), so a renamed body field fails mypy
        # where a handler or use case reads it.
        text = f"body: {_body_type(spec, body)}"
        if body.get("required"):
            required.append(text)
        else:
            optional.append(text + " | None = ...")
    return required + optional


def _body_type(spec: dict[str, Any], body: dict[str, Any]) -> str:
    """`td.<Schema>` for a body whose every media type names one schema, else a plain dict."""
    names = {_ref_name(media.get("schema", {})) for media in body.get("content", {}).values()}
    if len(names) == 1 and None not in names:
        return f"td.{names.pop()}"
    return "dict[str, Any]"


def operations(spec: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    """(tag, operationId, method, operation, path item) for every operation, in spec order."""
    found = []
    for path_item in spec["paths"].values():
        for method, op in path_item.items():
            if method in ("get", "put", "post", "patch", "delete", "head", "options"):
                found.append((op["tags"][0], op["operationId"], method, op, path_item))
    return found


def render(spec: dict[str, Any]) -> str:
    types = _Types(spec)
    by_tag: dict[str, list[str]] = {}
    op_ids: list[str] = []
    for tag, op_id, _method, op, path_item in operations(spec):
        args = _params(spec, op, path_item, types)
        signature = ", ".join(["self", "*", *args]) if args else "self"
        summary = op.get("summary", "").replace('"""', "'")
        method_name = op_id.rsplit(".", 1)[-1]
        by_tag.setdefault(tag, []).append(
            f"    async def {method_name}({signature}) -> Response:\n"
            f'        """{summary}"""\n'
            f"        ..."
        )
        op_ids.append(op_id)
    out = [HEADER]
    for name, literal in sorted(types.aliases.items()):
        out.append(f"{name} = {literal}\n")
    out.append("\n")
    for tag, methods in by_tag.items():
        cls = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]", tag)) + "Handlers"
        out.append(f"\nclass {cls}(Protocol):\n")
        out.append(f'    """Handlers of the `{tag}` tag, in `mystocks.api.{tag}`."""\n\n')
        out.append("\n\n".join(methods) + "\n\n")
    out.append("\nOPERATION_IDS: tuple[str, ...] = (\n")
    out.extend(f"    {op_id!r},\n" for op_id in op_ids)
    out.append(")\n")
    return "".join(out)
