"""Paper accounts' own pre-trade limits (max order value, max position value, daily loss)
over the server's settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from mystocks.app import MyStocksApp
from tests.conftest import app_on_copy, login

SYMBOL = "600036.SH"


@pytest.fixture
def paper_app(template_dir: Path, tmp_path: Path) -> Iterator[tuple[MyStocksApp, TestClient]]:
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    with TestClient(app) as client:
        yield app, client


def _buy(client: TestClient, headers: dict[str, str], account: int, key: str, qty: int) -> Any:
    body = {"account_id": account, "symbol": SYMBOL, "side": "buy", "type": "market"}
    return client.post(
        "/api/v1/orders", json=body | {"quantity": qty}, headers=headers | {"Idempotency-Key": key}
    )


def test_account_limits_override_the_settings(paper_app):
    app, client = paper_app
    headers = login(client, "admin", "mystocks-admin")
    plain = client.post(
        "/api/v1/accounts", json={"name": "p", "initial_cash": 1_000_000}, headers=headers
    ).json()
    assert (plain["max_order_value"], plain["max_position_value"]) == (None, None)
    assert plain["daily_loss_limit"] is None
    limits = {"max_order_value": 10_000, "max_position_value": 20_000, "daily_loss_limit": 500}
    own = client.post(
        "/api/v1/accounts",
        json={"name": "o", "initial_cash": 1_000_000, **limits},
        headers=headers,
    )
    assert own.status_code == 201, own.text
    assert {k: own.json()[k] for k in limits} == limits
    got = client.get(f"/api/v1/accounts/{own.json()['id']}", headers=headers).json()
    assert {k: got[k] for k in limits} == limits
    fen = client.post(
        "/api/v1/accounts",
        json={"name": "x", "initial_cash": 1000, "daily_loss_limit": 1.005},
        headers=headers,
    )
    assert fen.status_code == 422 and fen.json()["code"] == "daily_loss_limit"

    # A market buy freezes its value at the limit-up price: 1000 shares are worth more than
    # 10,000 yuan at any price of this stock in the sample, so only the account's limit refuses.
    assert _buy(client, headers, plain["id"], "p1", 1000).status_code == 201
    refused = _buy(client, headers, own.json()["id"], "o1", 1000)
    assert refused.status_code == 422 and refused.json()["code"] == "max_order_value"
    last = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100
    lots = int(9_000 / (last * 1.1) / 100) * 100  # under 10,000 at the limit-up price
    # Open buys count towards the position: the third such order would pass 20,000.
    assert _buy(client, headers, own.json()["id"], "o2", lots).status_code == 201
    assert _buy(client, headers, own.json()["id"], "o3", lots).status_code == 201
    more = _buy(client, headers, own.json()["id"], "o4", lots)
    assert more.status_code == 422 and more.json()["code"] == "max_position"
