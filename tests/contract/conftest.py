"""The contract tests' app, sign-in and loaded schema: one private app per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from mystocks_sdk import signature_headers
from schemathesis import GenerationMode
from starlette.testclient import TestClient

from mystocks.api.identity import read_body, signed_target
from mystocks.app import MyStocksApp
from tests.conftest import WHILE_FUZZING, app_on_copy, login

MAX_EXAMPLES = 50
SIGNED_EXAMPLES = 10  # the signed run repeats every operation: fewer cases each


def make_contract_app(
    template_dir: Path, tmp_path_factory: pytest.TempPathFactory, **overrides: Any
) -> MyStocksApp:
    # Short-lived SSE streams: Schemathesis waits for each answer to end.
    return app_on_copy(
        template_dir,
        tmp_path_factory.mktemp("contract"),
        sse_max_seconds=0.05,
        sse_heartbeat_seconds=0.02,
        **overrides,
    )


@pytest.fixture(scope="module")
def contract_app(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> MyStocksApp:
    return make_contract_app(template_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def contract_headers(contract_app: MyStocksApp) -> Iterator[dict[str, str]]:
    with TestClient(contract_app) as client:
        yield login(client, "admin", "mystocks-admin")


@pytest.fixture(scope="module")
def api_schema(contract_app: MyStocksApp) -> Any:
    loaded = schemathesis.openapi.from_asgi("/openapi.json", contract_app)
    loaded.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=MAX_EXAMPLES
    )
    # Valid by the contract yet unusable (a made-up cursor, an unlisted symbol) is 422 here;
    # a change without If-Match is 428 and one naming a stale version 412, by design (the
    # header is optional in the contract precisely so that its absence gets that answer).
    # A plain GET of the WebSocket channel is 426 (it needs `Upgrade: websocket`).
    # A 5xx is never an acceptable answer to valid data.
    loaded.config.checks.positive_data_acceptance.expected_statuses = [
        "2xx",
        "3xx",
        "401",
        "403",
        "404",
        "409",
        "412",
        "422",
        "426",
        "428",
        "429",
    ]
    return loaded


@pytest.fixture(autouse=True)
def _fuzzed_inputs_stay_out_of_the_run_log() -> Iterator[None]:
    """See `tests.conftest._WhileFuzzing`."""
    WHILE_FUZZING.active = True
    yield
    WHILE_FUZZING.active = False


class SigningTransport:
    """What a program's HTTP client does for an API key, as an ASGI layer in front of the app:
    a request that names the key (`X-MS-APIKEY`) gets the other three signing headers,
    computed over its method, path, query and body exactly as they arrive. A request without
    the header goes through unsigned, so Schemathesis can still check that unauthenticated
    requests are refused."""

    def __init__(self, app: Any, key_id: str, secret: str) -> None:
        self.app = app
        self.key_id = key_id.encode()
        self.secret = secret

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        headers = dict(scope.get("headers", []))
        if scope["type"] != "http" or headers.get(b"x-ms-apikey") != self.key_id:
            await self.app(scope, receive, send)
            return
        body, receive = await read_body(receive, 1 << 30)
        signed = signature_headers(
            self.key_id.decode(), self.secret, scope["method"], *signed_target(scope), body
        )
        extra = [(k.lower().encode(), v.encode()) for k, v in signed.items() if k != "X-MS-APIKEY"]
        await self.app({**scope, "headers": [*scope["headers"], *extra]}, receive, send)


@pytest.fixture(scope="module")
def signed_key(contract_app: MyStocksApp, contract_headers: dict[str, str]) -> dict[str, Any]:
    with TestClient(contract_app) as client:
        scopes = ["read", "trade", "admin"]
        answer = client.post(
            "/api/v1/api-keys",
            json={"name": "schemathesis", "scopes": scopes},
            headers=contract_headers,
        )
        assert answer.status_code == 201, answer.text
        return answer.json()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def signed_schema(contract_app: MyStocksApp, signed_key: dict[str, Any], api_schema: Any) -> Any:
    """The contract loaded through the signing transport, with the same checks as `api_schema`."""
    transport = SigningTransport(contract_app, signed_key["key_id"], signed_key["secret"])
    loaded = schemathesis.openapi.from_asgi("/openapi.json", transport)
    loaded.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=SIGNED_EXAMPLES
    )
    # The boundary cases of the coverage phase (three quarters of this run's time) are the
    # bearer run's to try: what this run adds is the signature on every operation's valid and
    # invalid requests, which the examples and fuzzing phases send.
    loaded.config.phases.update(phases=["examples", "fuzzing"])
    expected = api_schema.config.checks.positive_data_acceptance.expected_statuses
    loaded.config.checks.positive_data_acceptance.expected_statuses = expected
    return loaded
