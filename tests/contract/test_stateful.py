"""Schemathesis' stateful run: sequences of calls along the contract's links, each step checked
as the stateless run checks it.

Open an account, then read it, its positions and its trades; place an order, then read or
cancel it; add an alert rule, then remove it; create a strategy or start a backtest, then read
it. Ids come from the responses, so the later calls reach real resources instead of 404s. The
app accepts orders at any hour (`paper_session="always"`); a positive order case is made a
valid limit buy on an account with cash, so that orders exist for the links to follow.
"""

from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from schemathesis import Case, GenerationMode

from mystocks.app import MyStocksApp
from mystocks.identity.auth import Principal
from tests.contract.conftest import make_contract_app

SYMBOL = "600036.SH"
STATEFUL = settings(
    max_examples=25,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def contract_app(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> MyStocksApp:
    return make_contract_app(template_dir, tmp_path_factory, paper_session="always")


@pytest.fixture(scope="module")
def valid_order(contract_app: MyStocksApp) -> dict[str, Any]:
    paper = contract_app.services.paper
    admin = Principal("admin", "admin", 2**62)
    account = paper.create_account(admin, {"name": "stateful", "initial_cash": 10_000_000})
    price = paper.last_prices([SYMBOL])[SYMBOL] / 100
    return {
        "account_id": account["id"],
        "symbol": SYMBOL,
        "side": "buy",
        "type": "limit",
        "quantity": 100,
        "limit_price": price,
    }


def test_linked_operations_conform(
    api_schema: Any, contract_headers: dict[str, str], valid_order: dict[str, Any]
) -> None:
    class Machine(api_schema.as_state_machine()):  # type: ignore[misc]
        calls: Counter[tuple[str, int]]

        def before_call(self, case: Case) -> None:
            if case.operation.label != "POST /api/v1/orders":
                return
            case.headers = case.headers or {}
            # Required, and a key seen before answers the first order (200, not 201): a fresh
            # one each time, even over a generated one, which a replayed example would repeat
            # and so follow other links (Hypothesis calls that a flaky strategy).
            case.headers["Idempotency-Key"] = uuid.uuid4().hex
            if case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE:
                case.body = dict(valid_order)

        def get_call_kwargs(self, case: Case) -> dict[str, Any]:
            return {"headers": contract_headers}

        def after_call(self, response: Any, case: Case) -> None:
            super().after_call(response, case)
            self.calls[(case.operation.label, response.status_code)] += 1

    calls: Counter[tuple[str, int]] = Counter()
    Machine.calls = calls
    Machine.run(settings=STATEFUL)
    # What the sequences reached (run with -s to see it): linked reads and cancels answer 2xx.
    print(f"\nstateful: {sum(calls.values())} calls")
    for (operation, status), count in sorted(calls.items()):
        print(f"  {count:5d}  {status}  {operation}")
