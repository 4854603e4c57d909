"""`openapi/asyncapi.yaml` names exactly the WebSocket messages of the OpenAPI components."""

from __future__ import annotations

from pathlib import Path

import yaml

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"


def _union(name: str) -> set[str]:
    schema = yaml.safe_load((OPENAPI / "components" / "schemas" / f"{name}.yaml").read_text())
    return {ref["$ref"].removesuffix(".yaml") for ref in schema["oneOf"]}


def test_asyncapi_messages_are_the_contracts_message_schemas():
    doc = yaml.safe_load((OPENAPI / "asyncapi.yaml").read_text())
    messages = doc["components"]["messages"]
    for name, message in messages.items():
        assert message["payload"]["schema"]["$ref"] == f"./components/schemas/{name}.yaml"
    operations = doc["operations"]
    sent = {m["$ref"].rsplit("/", 1)[1] for m in operations["sendServerMessages"]["messages"]}
    received = {m["$ref"].rsplit("/", 1)[1] for m in operations["sendClientMessages"]["messages"]}
    assert sent == _union("WsServerMessage")
    assert received == _union("WsClientMessage")
    assert set(messages) == sent | received == set(doc["channels"]["ws"]["messages"])
