"""Schemathesis over every operation of the contract, against the ASGI app, authenticated.

Positive and negative cases; every default check (status codes, content types, headers and
bodies against the spec, negative data rejected, positive data accepted, ...). The app is a
private copy: ingest cases write into it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from starlette.testclient import TestClient

from mystocks.app import MyStocksApp
from tests.conftest import app_on_copy, login

MAX_EXAMPLES = 50


@pytest.fixture(scope="module")
def contract_app(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> MyStocksApp:
    # Short-lived SSE streams: Schemathesis waits for each answer to end.
    return app_on_copy(
        template_dir,
        tmp_path_factory.mktemp("contract"),
        sse_max_seconds=0.3,
        sse_heartbeat_seconds=0.1,
    )


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


schema = schemathesis.pytest.from_fixture("api_schema")

CASES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    """Print how many cases each operation got (run with -s to see it)."""
    yield
    if CASES:
        print(f"\nschemathesis: {len(CASES)} operations, {sum(CASES.values())} cases")
        for operation, count in sorted(CASES.items()):
            print(f"  {count:5d}  {operation}")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_every_operation_conforms(case: Any, contract_headers: dict[str, str]) -> None:
    CASES[case.operation.label] += 1
    case.call_and_validate(headers=contract_headers)
