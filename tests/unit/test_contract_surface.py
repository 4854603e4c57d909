"""Every operation has a handler and every handler an operation (Connexion would refuse the
first at start; nothing else catches the second)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import yaml
from mystocks_contract.protocols import OPERATION_IDS

import mystocks.api
from mystocks.app import SPEC_PATH

# Every module of mystocks.api is a tag's handlers, except these, which serve them all.
INFRASTRUCTURE = {
    "http",
    "security",
    "identity",
    "problems",
    "validation",
    "contract",
    "ratelimit",
    "observe",
}
HANDLER_MODULES = tuple(
    f"mystocks.api.{m.name}"
    for m in pkgutil.iter_modules(mystocks.api.__path__)
    if m.name not in INFRASTRUCTURE
)


def spec_operation_ids() -> set[str]:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return {
        op["operationId"]
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in ("get", "put", "post", "patch", "delete")
    }


def handler_ids() -> set[str]:
    found = set()
    for name in HANDLER_MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (
                inspect.iscoroutinefunction(value)
                and value.__module__ == name
                and not attr.startswith("_")  # private helpers of a handler module
            ):
                found.add(f"{name}.{attr}")
    return found


def test_every_operation_has_a_handler_and_every_handler_an_operation():
    operations = spec_operation_ids()
    handlers = handler_ids()
    assert operations - handlers == set(), "operations without a handler"
    assert handlers - operations == set(), "handlers without an operation"


def test_generated_protocols_list_every_operation():
    assert set(OPERATION_IDS) == spec_operation_ids()


def test_handlers_take_keyword_only_parameters():
    for op_id in spec_operation_ids():
        module_name, _, func_name = op_id.rpartition(".")
        func = getattr(importlib.import_module(module_name), func_name)
        kinds = {p.kind for p in inspect.signature(func).parameters.values()}
        assert kinds <= {inspect.Parameter.KEYWORD_ONLY}, op_id


def test_every_handler_protocol_is_assigned_its_module() -> None:
    """`api/contract.py` holds each tag's module to its generated Protocol (mypy checks the
    assignment); a Protocol left out would let that tag's handlers drift unnoticed."""
    import ast
    from pathlib import Path

    from mystocks_contract import protocols

    generated = {
        name
        for name, value in vars(protocols).items()
        if name.endswith("Handlers") and getattr(value, "_is_protocol", False)
    }
    source = Path(__file__).resolve().parents[2] / "src/mystocks/api/contract.py"
    assigned = {
        node.annotation.id
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.AnnAssign) and isinstance(node.annotation, ast.Name)
    }
    assert generated, "no handler Protocols found in the generated package"
    assert generated - assigned == set()
