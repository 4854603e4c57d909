"""Account risk alerts on paper accounts: rules over the API (only on your own account), fired
once per crossing on price moves (at most once a second per account) and on fills, the drawdown
peak kept with the rule, and one alert however many instances evaluate.

The account: 100,000.00 of cash buys 1,000 600036.SH at 20.00 with a 5.00 commission, leaving
79,995.00; the equity is then 79,995.00 + 1,000 x the newest tick's price."""

from __future__ import annotations

import datetime as dt
import itertools
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

from mystocks.alerts.service import AlertEngine
from mystocks.app import MyStocksApp
from mystocks.trading.model import Fill
from mystocks.trading.service import trading_day
from tests.conftest import login, wait_following

RULES = "/api/v1/alert-rules"
SYMBOL = "600036.SH"
_seconds = itertools.count()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def trader(app: MyStocksApp, client: TestClient, name: str) -> dict[str, str]:
    app.services.auth.ensure_user(name, f"{name}-password", "trader")
    return login(client, name, f"{name}-password")


def set_price(client: TestClient, headers: dict[str, str], price: float) -> None:
    """A newer tick than any before: the price every valuation marks 600036.SH at."""
    n = next(_seconds)
    ts = f"2017-07-28T10:{n // 60:02d}:{n % 60:02d}+08:00"
    item = {"symbol": SYMBOL, "ts": ts, "price": price, "volume": 100}
    answer = client.post("/api/v1/market/ticks", headers=headers, json={"items": [item]})
    assert answer.status_code == 200, answer.text


def order(client: TestClient, headers: dict[str, str], account_id: int, price: float) -> Any:
    body = {
        "account_id": account_id,
        "symbol": SYMBOL,
        "side": "buy",
        "type": "limit",
        "quantity": 1000,
        "limit_price": price,
    }
    key = {"Idempotency-Key": uuid.uuid4().hex}
    answer = client.post("/api/v1/orders", headers=headers | key, json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def holding(app: MyStocksApp, client: TestClient, headers: dict[str, str]) -> int:
    """A new account of `headers`' user holding 1,000 600036.SH bought at 20.00 (fee 5.00),
    filled at the store, so no trade event reaches the engines."""
    account = client.post(
        "/api/v1/accounts", headers=headers, json={"name": "risk", "initial_cash": 100000}
    ).json()
    last = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100
    placed = order(client, headers, account["id"], last)
    store = app.services.paper.store
    row = store.get_order(placed["id"])
    assert row is not None
    now = dt.datetime.now(dt.UTC)
    assert store.fill(row, Fill(2000, 1000, 500, 0, now, trading_day(now))) is not None
    return int(account["id"])


def engine_of(app: MyStocksApp, clock: Clock) -> AlertEngine:
    """Another evaluator over the same stores (another server instance, or a clock to drive)."""
    s = app.services
    engine = AlertEngine(s.alerts.store, s.data.relational, s.bus, s.paper, clock=clock)
    engine.refresh()
    return engine


def quote(symbol: str = SYMBOL) -> dict[str, Any]:
    return {"symbol": symbol, "last": 1.0, "change_pct": 0.0, "volume": 1, "timestamp": "x"}


def mover(
    client: TestClient, headers: dict[str, str], clock: Clock, engine: AlertEngine
) -> Callable[[float], list[dict[str, Any]]]:
    """`move(price)`: a newer tick at `price`, a second later, and the quote it makes sent to
    `engine`; answers the alerts it fired."""

    def move(price: float) -> list[dict[str, Any]]:
        set_price(client, headers, price)
        clock.now += 1.0
        return engine.on_quotes([quote()])

    return move


def test_drawdown_fires_once_per_crossing_on_price_moves_from_a_rising_peak(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    account_id = holding(app, client, admin)
    body = {
        "kind": "account_drawdown",
        "account_id": account_id,
        "threshold": 5,
        "cooldown_seconds": 0,
    }
    created = client.post(RULES, headers=admin, json=body)
    assert created.status_code == 201, created.text
    rule = created.json()
    assert rule["symbol"] is None and rule["account_id"] == account_id
    assert rule["peak_equity"] is None and rule["armed"] is None
    clock = Clock()
    engine = engine_of(app, clock)

    move = mover(client, admin, clock, engine)
    # 99,995.00 (peak: the initial cash), then 94,995.00: 5.005% down, a crossing.
    assert move(20.0) == []
    [alert] = move(15.0)
    assert alert["value"] == 5.005 and alert["account_id"] == account_id
    assert alert["symbol"] is None and alert["kind"] == "account_drawdown"
    assert move(14.0) == []  # still down: no new crossing
    assert move(20.0) == []  # re-armed
    assert move(30.0) == []  # 109,995.00: a new peak
    assert move(24.51) == []  # 4.99% under it
    [again] = move(24.5)  # 5,500 / 109,995 = 5.0002%
    assert again["value"] == 5.0002
    [listed] = client.get(RULES, headers=admin).json()["items"]
    assert listed["peak_equity"] == 109995.0 and listed["armed"] is False

    # Price moves are looked at once a second per account, and only of symbols it holds.
    assert move(30.0) == []  # re-armed (back at the peak)
    set_price(client, admin, 10.0)
    clock.now += 0.5
    assert engine.on_quotes([quote()]) == []  # too soon after the last look
    clock.now += 0.5
    assert engine.on_quotes([quote("000001.SZ")]) == []  # not held: not looked at
    [late] = engine.on_quotes([quote()])
    assert late["value"] == pytest.approx((109995 - 89995) * 100 / 109995, abs=1e-4)
    alerts = client.get("/api/v1/alerts", headers=admin).json()["items"]
    assert [a["value"] for a in alerts][1:] == [5.0002, 5.005]


def test_position_share_names_the_symbol_and_keeps_its_cooldown(paper_app):
    app, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    account_id = holding(app, client, admin)
    body = {"kind": "position_share", "account_id": account_id, "threshold": 25}
    assert (
        client.post(RULES, headers=admin, json=body | {"cooldown_seconds": 3600}).status_code == 201
    )
    clock = Clock()
    engine = engine_of(app, clock)

    move = mover(client, admin, clock, engine)
    assert move(26.66) == []  # 26,660 / 106,655 = 24.9965%
    [alert] = move(26.67)  # 26,670 / 106,665 = 25.0035%
    assert alert["symbol"] == SYMBOL and alert["value"] == 25.0035
    assert alert["message"] == f"{SYMBOL} is 25.00% of account {account_id}'s equity (bound 25.0%)"
    assert move(26.66) == []  # re-armed
    assert move(26.67) == []  # a crossing within the hour's cooldown: quiet
    [stored] = client.get("/api/v1/alerts", headers=admin).json()["items"]
    assert stored["symbol"] == SYMBOL and stored["account_id"] == account_id


def test_a_fill_is_evaluated_and_two_instances_store_one_alert(paper_app):
    app, client = paper_app
    alice = trader(app, client, "alice")
    account = client.post(
        "/api/v1/accounts", headers=alice, json={"name": "a", "initial_cash": 100000}
    ).json()
    body = {"kind": "position_share", "account_id": account["id"], "threshold": 10}
    assert client.post(RULES, headers=alice, json=body).status_code == 201
    here = app.services.alerts.engine  # the app's own, following the bus
    there = engine_of(app, Clock())  # another instance, driven by hand
    assert here.on_trades([{"account_id": account["id"]}]) == []  # first look: cash only, armed
    assert there.on_trades([{"account_id": account["id"]}]) == []
    # A buy fills on a published tick: matching commits it and publishes its `trade`, which the
    # app's engine follows; about a quarter of the equity is now in one position.
    price = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100
    order(client, alice, account["id"], price)
    tick = {"symbol": SYMBOL, "ts": dt.datetime.now(dt.UTC).isoformat(), "price": price}
    wait_following(app.services.matching.following, here.following_trades)
    app.services.bus.publish("market", "ticks", {"items": [tick | {"volume": 100_000}]})
    deadline = time.monotonic() + 10
    alerts: list[dict[str, Any]] = []
    while not alerts and time.monotonic() < deadline:
        alerts = client.get("/api/v1/alerts", headers=alice).json()["items"]
        time.sleep(0.05)
    [alert] = alerts
    assert alert["owner"] == "alice" and alert["symbol"] == SYMBOL and alert["value"] > 10
    # The other instance sees the same trade: its copy of the rule is armed, the store is not.
    assert there.on_trades([{"account_id": account["id"]}]) == []
    assert len(client.get("/api/v1/alerts", headers=alice).json()["items"]) == 1


def test_rules_on_someone_elses_account_and_bad_rules_are_refused(paper_app):
    app, client = paper_app
    alice, bob = trader(app, client, "alice"), trader(app, client, "bob")
    admin = login(client, "admin", "mystocks-admin")
    account = client.post(
        "/api/v1/accounts", headers=alice, json={"name": "a", "initial_cash": 100000}
    ).json()
    body = {"kind": "account_drawdown", "account_id": account["id"], "threshold": 10}
    refused = client.post(RULES, headers=bob, json=body)
    assert refused.status_code == 404 and refused.json()["detail"] == f"No account {account['id']}."
    assert client.post(RULES, headers=bob, json=body | {"account_id": 999999}).status_code == 404
    assert client.post(RULES, headers=alice, json=body).status_code == 201
    assert client.post(RULES, headers=admin, json=body).status_code == 201  # an admin: any
    assert [r["owner"] for r in client.get(RULES, headers=alice).json()["items"]] == ["alice"]

    def problem(bad: dict[str, Any]) -> tuple[int, list[str]]:
        answer = client.post(RULES, headers=alice, json=bad)
        assert answer.headers["content-type"].startswith("application/problem+json")
        return answer.status_code, [e["name"] for e in answer.json().get("errors", [])]

    assert problem(body | {"symbol": SYMBOL}) == (400, ["symbol"])  # a field of the other kind
    assert problem({"kind": "position_share", "threshold": 10}) == (400, ["account_id"])
    assert problem({"kind": "price_above", "account_id": 1, "threshold": 1})[1] == ["symbol"]
    assert problem(body | {"threshold": 101}) == (400, ["threshold"])  # a percent
    assert problem(body | {"kind": "moon_phase"}) == (400, ["kind"])
    unlisted = {"kind": "price_above", "symbol": "999999.SH", "threshold": 1}
    assert problem(unlisted) == (422, ["symbol"])
