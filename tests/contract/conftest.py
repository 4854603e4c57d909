"""The contract tests' app, sign-in and loaded schema: one private app per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis import GenerationMode
from starlette.testclient import TestClient

from mystocks.app import MyStocksApp
from tests.conftest import app_on_copy, login

MAX_EXAMPLES = 50


def make_contract_app(
    template_dir: Path, tmp_path_factory: pytest.TempPathFactory, **overrides: Any
) -> MyStocksApp:
    # Short-lived SSE streams: Schemathesis waits for each answer to end.
    return app_on_copy(
        template_dir,
        tmp_path_factory.mktemp("contract"),
        sse_max_seconds=0.3,
        sse_heartbeat_seconds=0.1,
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
