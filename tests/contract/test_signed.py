"""Schemathesis over every operation again, authenticated by a signed API key instead of a
bearer token: every request goes through the signature check (and the key's scopes), so the
contract must hold for programs too. The key has every scope; the operations that take a
bearer token only (managing keys, signing out) must answer 401."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from tests.contract.conftest import SIGNED_EXAMPLES

schema = schemathesis.pytest.from_fixture("signed_schema")


@schema.parametrize()
@settings(
    max_examples=SIGNED_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_every_operation_conforms_when_signed(case: Any, signed_key: dict[str, Any]) -> None:
    # Schemathesis fills in a (made-up) bearer token for the other scheme; a program signing
    # with its key sends none (both at once is refused: one identity per request).
    if case.headers:
        case.headers.pop("Authorization", None)
    answer = case.call_and_validate(headers={"X-MS-APIKEY": signed_key["key_id"]})
    bearer_only = case.operation.path.startswith("/api/v1/api-keys") or case.operation.path == (
        "/api/v1/auth/logout"
    )
    if bearer_only:
        assert answer.status_code in (400, 401, 404, 405, 415), answer.text
    else:
        assert answer.status_code != 401 or case.operation.definition.raw.get("security") == [], (
            answer.text
        )
