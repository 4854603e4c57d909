"""Paper trading over HTTP and at the store: refusals, idempotency, matching on published
ticks, one transaction per fill (fault injection) on SQLite and PostgreSQL, and concurrency on
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from mystocks.adapters.sql.relational import make_engine
from mystocks.app import MyStocksApp
from mystocks.errors import OrderRefused
from mystocks.identity.auth import Principal
from mystocks.trading.matching import Matching
from mystocks.trading.model import Fill
from mystocks.trading.service import PaperService
from mystocks.trading.store import ACCOUNTS, ORDERS, POSITIONS, TRADES, PaperStore
from tests.conftest import app_on_copy, login, wait_following

SYMBOL = "600036.SH"


def _admin(client: TestClient) -> dict[str, str]:
    return login(client, "admin", "mystocks-admin")


def _last(app: MyStocksApp) -> float:
    return app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100


def _order(client: TestClient, headers: dict[str, str], key: str | None, **body: Any) -> Any:
    extra = {} if key is None else {"Idempotency-Key": key}
    return client.post("/api/v1/orders", json=body, headers=headers | extra)


def test_paper_orders_refusals_idempotency_and_a_limit_fill(paper_app):
    app, client = paper_app
    headers = _admin(client)
    account = client.post(
        "/api/v1/accounts", json={"name": "a", "initial_cash": 100000}, headers=headers
    ).json()
    price = _last(app)
    base = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "limit"}
    assert _order(client, headers, None, **base, quantity=100, limit_price=price).status_code == 428
    odd = _order(client, headers, "k0", **base, quantity=150, limit_price=price)
    assert odd.status_code == 422 and odd.json()["code"] == "board_lot"
    tick = _order(client, headers, "k1", **base, quantity=100, limit_price=price + 0.001)
    assert tick.status_code == 422 and tick.json()["code"] == "price_tick"
    band = _order(client, headers, "k2", **base, quantity=100, limit_price=round(price * 1.5, 2))
    assert band.status_code == 422 and band.json()["code"] == "price_limit"
    sell = _order(
        client, headers, "k3", **(base | {"side": "sell"}), quantity=100, limit_price=price
    )
    assert sell.status_code == 422 and sell.json()["code"] == "insufficient_shares"

    first = _order(client, headers, "buy-1", **base, quantity=200, limit_price=price)
    assert first.status_code == 201, first.text
    again = _order(client, headers, "buy-1", **base, quantity=200, limit_price=price)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    frozen = client.get(f"/api/v1/accounts/{account['id']}", headers=headers).json()
    assert frozen["frozen_cash"] == first.json()["frozen_cash"] > price * 200

    # A tick above the limit does not fill; one at it fills, in the lifespan's matching task.
    ts = dt.datetime.now(dt.UTC).isoformat()
    bus = app.services.bus
    wait_following(app.services.matching.following)
    item = {"symbol": SYMBOL, "ts": ts, "volume": 100_000, "amount": 0.0}
    bus.publish("market", "ticks", {"items": [item | {"price": round(price + 0.05, 2)}]})
    bus.publish("market", "ticks", {"items": [item | {"price": price}]})
    order_id = first.json()["id"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        order = client.get(f"/api/v1/orders/{order_id}", headers=headers).json()
        if order["status"] == "filled":
            break
        time.sleep(0.05)
    assert order["status"] == "filled", order
    assert [h["status"] for h in order["history"]] == ["new", "filled"]
    trades = client.get(f"/api/v1/accounts/{account['id']}/trades", headers=headers).json()
    [trade] = trades["items"]
    assert trade["price"] == price and trade["quantity"] == 200
    fee = max(round(price * 200 * 0.00025, 2), 5.0)
    assert trade["commission"] == fee
    after = client.get(f"/api/v1/accounts/{account['id']}", headers=headers).json()
    assert after["frozen_cash"] == 0
    assert after["cash"] == pytest.approx(100000 - price * 200 - fee, abs=0.001)
    [position] = client.get(f"/api/v1/accounts/{account['id']}/positions", headers=headers).json()[
        "items"
    ]
    assert position["quantity"] == 200 and position["available"] == 0  # T+1
    sell = _order(
        client, headers, "k4", **(base | {"side": "sell"}), quantity=200, limit_price=price
    )
    assert sell.status_code == 422 and sell.json()["code"] == "t_plus_one"


class FailingStore(PaperStore):
    """Fails between the position write and the trade write of a fill."""

    def _insert_trade(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise RuntimeError("injected between the position and the trade")


def _snapshot(store: PaperStore) -> list[Any]:
    with store.engine.connect() as conn:
        return [
            [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in (ACCOUNTS, POSITIONS, ORDERS, TRADES)
        ]


def _fault_injection(app: MyStocksApp) -> None:
    paper = app.services.paper
    admin = Principal("admin", "admin", 2**62)
    account = paper.create_account(admin, {"name": "f", "initial_cash": 100000})
    price = _last(app)
    body = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "market"}
    order, _ = paper.create_order(admin, body | {"quantity": 300}, "fault")
    row = paper.store.get_order(order["id"])
    assert row is not None
    fill = Fill(round(price * 100), 100, 500, 0, dt.datetime.now(dt.UTC), dt.date.today())
    # A first fill that works, so the failing one starts from an existing position.
    done = paper.store.fill(row, fill)
    assert done is not None
    row = done[0]
    before = _snapshot(paper.store)
    with pytest.raises(RuntimeError, match="injected"):
        FailingStore(paper.store.engine).fill(row, fill)
    assert _snapshot(paper.store) == before


def test_a_failed_fill_changes_nothing_on_sqlite(template_dir, tmp_path):
    _fault_injection(app_on_copy(template_dir, tmp_path, paper_session="always"))


def test_a_failed_fill_changes_nothing_on_postgres(paper_postgres_app):
    _fault_injection(paper_postgres_app)


def _fill_from_several_instances(app: MyStocksApp, account_id: int, price: int) -> None:
    """Five matchers, each with an engine of its own like a server instance, fed the same ticks
    at and below the orders' limit at once: every order fills once, the trades add up to the
    position, and cash moves by exactly the trades' values and fees, never below zero."""
    paper = app.services.paper
    url = app.services.settings.relational_url
    matchers = [
        Matching(
            PaperService(PaperStore(make_engine(url)), paper.data, paper.settings), app.services.bus
        )
        for _ in range(5)
    ]
    now = dt.datetime.now(dt.UTC).isoformat()
    # A fill takes at most a quarter of a tick's volume: 400 fills a whole 100-share order.
    ticks = [
        {"symbol": SYMBOL, "ts": now, "price": (price - p) / 100, "volume": 400, "amount": 0.0}
        for p in (1, 0, 1, 0)
    ]
    with ThreadPoolExecutor(max_workers=5) as pool:
        fills = sum(pool.map(lambda m: m.on_ticks(ticks), matchers))
    for matcher in matchers:
        matcher.paper.store.engine.dispose()
    assert fills == 10
    orders = paper.store.page_orders(filters={"account_id": account_id}, before_id=None, limit=100)
    assert {o["status"] for o in orders} == {"filled"} and len(orders) == 10
    with paper.store.engine.connect() as conn:
        trades = conn.execute(select(TRADES).where(TRADES.c.account_id == account_id)).all()
    [position] = paper.store.positions(account_id)
    assert sum(t.quantity for t in trades) == position["quantity"] == 1000
    spent = sum(t.price * t.quantity + t.commission + t.stamp_duty for t in trades)
    assert position["cost"] == spent
    row = paper.store.get_account(account_id)
    assert row is not None and row["frozen_cash"] == 0 and row["cash"] >= 0
    assert row["cash"] == row["initial_cash"] - spent


def test_concurrent_orders_on_postgres_never_overspend(paper_postgres_app):
    paper = paper_postgres_app.services.paper
    admin = Principal("admin", "admin", 2**62)
    price = round(_last(paper_postgres_app) * 100)
    need = price * 100 + paper.fee(price * 100)
    account = paper.create_account(
        admin, {"name": "c", "initial_cash": (need * 10 + need - 1) / 100}
    )
    body = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "limit"}
    body |= {"quantity": 100, "limit_price": price / 100}

    def place(key: str) -> str:
        try:
            paper.create_order(admin, body, key)
            return "accepted"
        except OrderRefused as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=25) as pool:
        results = list(pool.map(place, [f"k{i}" for i in range(50)]))
    assert results.count("accepted") == 10
    assert set(results) == {"accepted", "insufficient_cash"}
    row = paper.store.get_account(account["id"])
    assert row is not None and row["cash"] == need - 1 and row["frozen_cash"] == need * 10
    _fill_from_several_instances(paper_postgres_app, account["id"], price)

    # The same Idempotency-Key 20 times at once: one order, its cash frozen once.
    rich = paper.create_account(admin, {"name": "r", "initial_cash": need * 5 / 100})
    body["account_id"] = rich["id"]
    key = uuid.uuid4().hex
    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = set(pool.map(lambda _: paper.create_order(admin, body, key)[0]["id"], range(20)))
    assert len(ids) == 1
    row = paper.store.get_account(rich["id"])
    assert row is not None and row["frozen_cash"] == need and row["cash"] == need * 4
