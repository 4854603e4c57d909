"""Schemathesis over every operation of the contract, against the ASGI app, authenticated.

Positive and negative cases; every default check (status codes, content types, headers and
bodies against the spec, negative data rejected, positive data accepted, ...). The app is a
private copy (tests/contract/conftest.py): ingest cases write into it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.contract.conftest import MAX_EXAMPLES

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
