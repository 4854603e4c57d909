"""auto_trade: a running strategy's live signals become paper orders through the order path and
its checks; what became of each signal (its order, or why none) is kept on the signal."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from starlette.testclient import TestClient

from mystocks.app import MyStocksApp
from tests.conftest import login
from tests.integration.test_account_alerts import set_price, trader
from tests.integration.test_live_signals import SYMBOL, URL, create, last_stored_day


def start(client: TestClient, headers: dict[str, str], created: Any, body: Any) -> Any:
    strategy_id = created.json()["id"]
    return client.post(
        f"{URL}/{strategy_id}/start",
        headers={**headers, "If-Match": created.headers["etag"]},
        json=body,
    )


def replay_day(app: MyStocksApp, client: TestClient, headers: dict[str, str]) -> list[Any]:
    """The last stored day's minutes through the live path, as the feed would publish them;
    answers the signals stored, oldest first."""
    day = last_stored_day(client, headers)
    minutes = client.get(
        f"/api/v1/market/bars/{SYMBOL}",
        headers=headers,
        params={"period": "1m", "start": day, "end": day},
    ).json()["items"]
    live = app.services.live
    live.refresh()
    signals = []
    for i in range(0, len(minutes), 7):
        chunk = [{**bar, "symbol": SYMBOL, "period": "1m"} for bar in minutes[i : i + 7]]
        signals += live.on_bars(chunk)
    return signals


def trading_strategy(
    client: TestClient, admin: dict[str, str], cash: float, quantity: int
) -> tuple[dict[str, Any], Any]:
    """A new paper account with `cash` and a 5m strategy started to trade `quantity` shares per
    buy on it: (the account, the start's answer)."""
    account = client.post(
        "/api/v1/accounts", json={"name": "bot", "initial_cash": cash}, headers=admin
    ).json()
    created = create(client, admin, "5m", fast=3, slow=8)
    auto = {"auto_trade": {"account_id": account["id"], "quantity": quantity}}
    started = start(client, admin, created, auto)
    assert started.status_code == 200, started.text
    return account, started


def test_signals_place_orders_on_the_bound_account(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    account, created = trading_strategy(client, admin, 1_000_000, 300)
    assert created.json()["auto_trade"] == {"account_id": account["id"], "quantity": 300}

    signals = replay_day(app, client, admin)
    assert [s["side"] for s in signals][:2] == ["buy", "sell"], signals
    page = client.get(f"{URL}/{created.json()['id']}/signals", headers=admin).json()["items"]
    first, second = page[-1], page[-2]  # newest first
    # The buy placed a market order of the strategy on the account, through the order path.
    order = client.get(f"/api/v1/orders/{first['order_id']}", headers=admin).json()
    assert first["order_refusal"] is None
    assert (order["account_id"], order["symbol"], order["side"], order["type"]) == (
        account["id"],
        SYMBOL,
        "buy",
        "market",
    )
    assert order["quantity"] == 300 and order["strategy_id"] == created.json()["id"]
    assert order["status"] == "new" and order["frozen_cash"] > 0
    # No tick filled it, so the sell signal found nothing to sell: kept on the signal.
    assert second["order_id"] is None
    assert second["order_refusal"]["code"] == "no_position"
    # Every buy signal is one order (a signal is its Idempotency-Key), and only buys placed any.
    orders = client.get(
        "/api/v1/orders", headers=admin, params={"account_id": account["id"], "limit": 100}
    ).json()["items"]
    buys = [s for s in page if s["side"] == "buy"]
    assert sorted(o["id"] for o in orders) == sorted(s["order_id"] for s in buys)
    # Starting again without auto_trade keeps the signals and turns the trading off. The body
    # is optional, but a body of JSON null is not "no body": it is refused.
    strategy_id = created.json()["id"]
    null = client.post(
        f"{URL}/{strategy_id}/start",
        headers={**admin, "If-Match": created.headers["etag"], "Content-Type": "application/json"},
        content=b"null",
    )
    assert null.status_code == 400 and null.json()["errors"][0]["detail"] == "must not be null"
    again = client.post(
        f"{URL}/{strategy_id}/start", headers={**admin, "If-Match": created.headers["etag"]}
    )
    assert again.status_code == 200, again.text
    assert again.json()["live"] == "running" and again.json()["auto_trade"] is None
    assert replay_day(app, client, admin) == []  # the same bars: no new signal, no order
    start(client, admin, again, {"auto_trade": {"account_id": account["id"], "quantity": 100}})
    current = client.get(f"{URL}/{strategy_id}", headers=admin)
    stopped = client.post(
        f"{URL}/{strategy_id}/stop", headers={**admin, "If-Match": current.headers["etag"]}
    )
    assert stopped.json()["auto_trade"] is None and stopped.json()["live"] == "stopped"


def test_a_refused_order_is_kept_on_the_signal(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    poor, created = trading_strategy(client, admin, 100, 100)
    buy = next(s for s in replay_day(app, client, admin) if s["side"] == "buy")
    assert buy.get("order_id") is None
    stored = client.get(f"{URL}/{created.json()['id']}/signals", headers=admin).json()["items"]
    refused = next(s for s in stored if s["id"] == buy["id"])
    assert refused["order_refusal"]["code"] == "insufficient_cash"
    assert app.services.paper.store.get_account(poor["id"])["frozen_cash"] == 0


def test_only_the_owners_own_accounts_can_be_bound(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    theirs = app.services.paper.store.create_account("bob", "bob's", "CNY", 10_000_000, {})
    created = create(client, admin, "5m", fast=3, slow=8)
    for account_id in (theirs["id"], 99_999):
        refused = start(
            client, admin, created, {"auto_trade": {"account_id": account_id, "quantity": 100}}
        )
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert "auto_trade.account_id" in refused.text
    odd = start(client, admin, created, {"auto_trade": {"account_id": 1, "quantity": 150}})
    assert odd.status_code == 400  # not a board lot: the contract's multipleOf
    assert client.get(f"{URL}/{created.json()['id']}", headers=admin).json()["live"] == "stopped"


def test_a_strategys_pnl_counts_its_own_orders_only(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    account, created = trading_strategy(client, admin, 1_000_000, 300)
    replay_day(app, client, admin)
    # A hand-placed order on the same account and symbol is not the strategy's.
    hand = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "market"}
    assert (
        client.post(
            "/api/v1/orders",
            json=hand | {"quantity": 100},
            headers=admin | {"Idempotency-Key": "h"},
        ).status_code
        == 201
    )
    paper = app.services.paper
    assert paper.strategy_pnl(created.json()["id"]) == 0  # nothing filled yet
    now = dt.datetime.now(dt.UTC).isoformat()
    fills = app.services.matching.on_ticks(
        [{"symbol": SYMBOL, "price": 20.0, "volume": 1_000_000, "ts": now}]
    )
    assert fills >= 2
    trades = paper.store.page_trades(account["id"], before_id=None, limit=100)
    mine = [t for t in trades if paper.store.get_order(t["order_id"])["strategy_id"]]
    assert sum(t["quantity"] for t in mine) == 300 * len(mine) and len(trades) == len(mine) + 1
    last = paper.last_prices([SYMBOL])[SYMBOL]
    paid = sum(t["price"] * t["quantity"] + t["commission"] for t in mine)
    assert paper.strategy_pnl(created.json()["id"]) == 300 * len(mine) * last - paid


def test_a_strategy_loss_alert_fires_when_its_orders_lose(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    account, created = trading_strategy(client, admin, 1_000_000, 300)
    strategy_id = created.json()["id"]
    replay_day(app, client, admin)
    # Someone else's strategy is not found; one's own gets a rule (1 yuan of loss).
    bob = trader(app, client, "bob")
    body = {"kind": "strategy_loss", "strategy_id": strategy_id, "threshold": 1}
    assert client.post("/api/v1/alert-rules", headers=bob, json=body).status_code == 404
    rule = client.post("/api/v1/alert-rules", headers=admin, json=body)
    assert rule.status_code == 201, rule.text
    assert rule.json()["strategy_id"] == strategy_id and rule.json()["account_id"] is None
    engine = app.services.alerts.engine
    set_price(client, admin, 20.0)  # the price every valuation marks 600036.SH at
    assert engine.on_quotes([{"symbol": SYMBOL}]) == []  # first sight: no loss yet, armed

    # The buys fill at 20.00 plus slippage, with commission: a loss at the 20.00 mark.
    now = dt.datetime.now(dt.UTC).isoformat()
    assert app.services.matching.on_ticks(
        [{"symbol": SYMBOL, "price": 20.0, "volume": 1_000_000, "ts": now}]
    )
    loss = -app.services.paper.strategy_pnl(strategy_id)
    assert loss > 100
    deadline = time.monotonic() + 10  # the trade events reach the engine through the bus
    while time.monotonic() < deadline:
        alerts = client.get("/api/v1/alerts", headers=admin).json()["items"]
        if alerts:
            break
        time.sleep(0.1)
    assert len(alerts) == 1, alerts
    alert = alerts[0]
    assert (alert["kind"], alert["strategy_id"], alert["account_id"]) == (
        "strategy_loss",
        strategy_id,
        None,
    )
    # It fired on the first fill that made the loss cross 1 yuan: every order's fill loses the
    # same (300 shares' slippage and the minimum commission), so its value is some k of them.
    orders = len(
        {
            t["order_id"]
            for t in app.services.paper.store.page_trades(account["id"], before_id=None, limit=100)
        }
    )
    assert round(alert["value"] * 100) in {loss * k // orders for k in range(1, orders + 1)}
    assert f"{alert['value']:.2f}" in alert["message"]
    # Fired once: the same loss again is no new crossing.
    assert engine.on_trades([{"account_id": account["id"], "order_id": 1}]) == []
