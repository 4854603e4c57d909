"""The dashboard on the sample data: breadth and movers agree with a plain recomputation from
the quotes endpoint's answers, jobs are counted as each user may see them, ingest is metered,
and each caller sees their own paper accounts and open alerts (in the snapshot and over SSE)."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import httpx
from httpx_sse import connect_sse

from mystocks.jobs.runner import Report
from mystocks.market.sample_data import SAMPLE_CN_STOCKS
from tests.conftest import backtest_inputs, login
from tests.integration.test_account_alerts import (
    Clock,
    engine_of,
    holding,
    set_price,
    trader,
)
from tests.servers import thread_server

URL = "/api/v1/dashboard"
LAST_TICK_DAY = "2017-07-26"  # the newest simulated ticks of the Shanghai sample stocks


def _ingest_tick(client: Any, admin: dict[str, str], symbol: str, price: float, ts: str) -> None:
    item = {"symbol": symbol, "ts": ts, "price": price, "volume": 100}
    response = client.post("/api/v1/market/ticks", headers=admin, json={"items": [item]})
    assert response.status_code == 200, response.text


def _recompute(quotes: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Breadth and movers worked out from quotes alone, the way a reader of the contract would."""
    newest = max(quotes, key=lambda q: dt.datetime.fromisoformat(q["timestamp"]))["timestamp"]
    day = newest[:10]
    today = [q for q in quotes if q["timestamp"][:10] == day]
    known = [q for q in today if q["change"] is not None]
    breadth = {
        "as_of": newest,
        "trading_day": day,
        "stocks": len(today),
        "advancing": sum(q["change"] > 0 for q in known),
        "declining": sum(q["change"] < 0 for q in known),
        "unchanged": sum(q["change"] == 0 for q in known),
        "limit_up": sum(q["limit_up"] is not None and q["last"] >= q["limit_up"] for q in known),
        "limit_down": sum(
            q["limit_down"] is not None and q["last"] <= q["limit_down"] for q in known
        ),
        "stale": len(quotes) - len(today),
    }
    up = sorted((q for q in known if q["change_pct"] > 0), key=lambda q: -q["change_pct"])
    down = sorted((q for q in known if q["change_pct"] < 0), key=lambda q: q["change_pct"])
    traded = sorted(today, key=lambda q: -q["amount"])
    movers = {
        "gainers": [q["symbol"] for q in up[:10]],
        "losers": [q["symbol"] for q in down[:10]],
        "turnover": [q["symbol"] for q in traded[:10]],
    }
    return breadth, movers


def test_get_dashboard_breadth_and_movers_match_the_quotes(writable_app):
    _, client, admin = writable_app
    quotes_url = "/api/v1/market/quotes"
    symbols = ",".join(SAMPLE_CN_STOCKS)
    before = {
        q["symbol"]: q
        for q in client.get(quotes_url, headers=admin, params={"symbols": symbols}).json()["items"]
    }
    # One stock to its upper limit, one to its lower, after the day's last simulated tick.
    _ingest_tick(
        client,
        admin,
        "600036.SH",
        before["600036.SH"]["limit_up"],
        f"{LAST_TICK_DAY}T14:59:55+08:00",
    )
    _ingest_tick(
        client,
        admin,
        "601766.SH",
        before["601766.SH"]["limit_down"],
        f"{LAST_TICK_DAY}T14:59:55+08:00",
    )

    snapshot = client.get(URL, headers=admin)
    assert snapshot.status_code == 200, snapshot.text
    got = snapshot.json()
    quotes = client.get(quotes_url, headers=admin, params={"symbols": symbols}).json()["items"]
    breadth, movers = _recompute(quotes)
    assert breadth["limit_up"] == 1 and breadth["limit_down"] == 1  # the setup took hold
    assert breadth["trading_day"] == LAST_TICK_DAY and breadth["stale"] > 0
    assert got["breadth"] == breadth
    # Every A-share with market data is in the universe; the index and US stocks are not.
    assert got["breadth"]["stocks"] + got["breadth"]["stale"] == len(SAMPLE_CN_STOCKS)
    assert {k: [m["symbol"] for m in v] for k, v in got["movers"].items()} == movers
    by_symbol = {q["symbol"]: q for q in quotes}
    for mover in got["movers"]["turnover"]:
        quote = by_symbol[mover["symbol"]]
        assert mover == {k: quote[k] for k in ("symbol", "name", "last", "change_pct", "amount")}
    assert got["risk_alerts_24h"] == 0


def test_get_dashboard_meters_rows_written_to_the_time_series_store(writable_app):
    _, client, admin = writable_app
    assert client.get(URL, headers=admin).json()["ingest_rows_per_second"] == 0
    ticks = [
        {"symbol": "600036.SH", "ts": f"2017-07-27T09:30:0{i}+08:00", "price": 25.5, "volume": 100}
        for i in range(3)
    ]
    assert (
        client.post("/api/v1/market/ticks", headers=admin, json={"items": ticks}).status_code == 200
    )
    bar = {
        "symbol": "600036.SH",
        "ts": "2017-07-27T09:31:00+08:00",
        "open": 25.5,
        "high": 25.6,
        "low": 25.4,
        "close": 25.5,
        "volume": 1000,
    }
    daily = {**bar, "ts": "2017-07-27T00:00:00+08:00"}
    for period, item in (("1m", bar), ("1d", daily)):
        response = client.post(
            "/api/v1/market/bars", headers=admin, json={"period": period, "items": [item]}
        )
        assert response.status_code == 200, response.text
    # 3 ticks + 1 minute bar over the 60 s window; the daily bar went to the relational store.
    assert client.get(URL, headers=admin).json()["ingest_rows_per_second"] == round(4 / 60, 2)


TRAINING = {
    "strategy_type": "momentum",
    "search": {"grid": {"lookback": [5, 10]}},
    "symbols": ["600036.SH"],
    "start": dt.date(2016, 1, 1),
    "end": dt.date(2016, 12, 31),
    "objective": "sharpe",
    "initial_cash": 1e6,
    "costs": {},
    "trials_planned": 2,
}


def test_get_dashboard_counts_the_jobs_each_user_may_see(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("trader", "trader-password", "trader")
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    trader, viewer = (
        login(client, "trader", "trader-password"),
        login(client, "viewer", "viewer-password"),
    )
    # Rows made directly in the stores: no worker picks them up, so they stay as set here.
    backtests, training = app.services.dashboard.backtests, app.services.dashboard.training
    backtests.store.create("admin", None, backtest_inputs())  # queued
    running = backtests.store.create("admin", None, backtest_inputs())
    backtests.store.create("trader", None, backtest_inputs())  # queued
    backtests.record(Report(running["id"], "started"))
    backtests.record(Report(running["id"], "progress", progress=0.5))
    time.sleep(0.01)  # the training job starts later, so it is listed first
    trial = training.store.create("trader", None, TRAINING)
    training.record(Report(trial["id"], "started"))
    training.record(Report(trial["id"], "progress", progress=0.25))

    def jobs(headers: dict[str, str]) -> dict[str, Any]:
        answer = client.get(URL, headers=headers)
        assert answer.status_code == 200, answer.text
        jobs: dict[str, Any] = answer.json()["jobs"]
        return jobs

    seen = jobs(admin)
    assert seen["backtests"] == {"queued": 2, "running": 1}
    assert seen["training"] == {"queued": 0, "running": 1}
    assert [(j["kind"], j["id"], j["owner"], j["progress"]) for j in seen["running"]] == [
        ("training", trial["id"], "trader", 0.25),
        ("backtest", running["id"], "admin", 0.5),
    ]
    assert all(j["started_at"] for j in seen["running"])
    mine = jobs(trader)
    assert mine["backtests"] == {"queued": 1, "running": 0}
    assert [(j["kind"], j["id"]) for j in mine["running"]] == [("training", trial["id"])]
    assert jobs(viewer) == {
        "backtests": {"queued": 0, "running": 0},
        "training": {"queued": 0, "running": 0},
        "running": [],
    }


def test_get_dashboard_needs_a_token(client):
    answer = client.get(URL)
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_get_dashboard_shows_the_callers_own_paper_accounts_and_open_alerts(paper_app):
    app, client = paper_app
    alice, bob = trader(app, client, "alice"), trader(app, client, "bob")
    admin = login(client, "admin", "mystocks-admin")
    risky = holding(app, client, alice)  # 79,995.00 cash + 1,000 600036.SH bought at 20.00
    cash_only = client.post(
        "/api/v1/accounts", headers=bob, json={"name": "cash", "initial_cash": 50000}
    ).json()["id"]
    rule = {"kind": "account_drawdown", "account_id": risky, "threshold": 1, "cooldown_seconds": 0}
    assert client.post("/api/v1/alert-rules", headers=alice, json=rule).status_code == 201
    clock = Clock()
    engine = engine_of(app, clock)
    set_price(client, admin, 22.0)  # 101,995.00: a new peak
    assert engine.on_trades([{"account_id": risky}]) == []
    set_price(client, admin, 21.5)  # 101,495.00: 0.49% down
    assert engine.on_trades([{"account_id": risky}]) == []
    set_price(client, admin, 20.5)  # 100,495.00: 1.47% down, fired
    assert len(engine.on_trades([{"account_id": risky}])) == 1

    def dashboard(headers: dict[str, str]) -> dict[str, Any]:
        answer = client.get(URL, headers=headers)
        assert answer.status_code == 200, answer.text
        snapshot: dict[str, Any] = answer.json()
        return snapshot

    # Read back to back, within the second the per-user parts are kept: each their own.
    mine, theirs, admins = dashboard(alice), dashboard(bob), dashboard(admin)
    assert mine["paper"] == {
        "equity": 100495.0,
        "realized_pnl": 0.0,
        "unrealized_pnl": 495.0,  # 20,500.00 marked minus 20,005.00 paid
        "accounts": [
            {
                "id": risky,
                "name": "risk",
                "equity": 100495.0,
                "realized_pnl": 0.0,
                "unrealized_pnl": 495.0,
            }
        ],
    }
    assert mine["open_alerts"] == mine["risk_alerts_24h"] == 1
    assert [a["id"] for a in theirs["paper"]["accounts"]] == [cash_only]
    assert theirs["paper"]["equity"] == 50000.0 and theirs["open_alerts"] == 0
    assert admins["paper"]["accounts"] == [] and admins["open_alerts"] == 1  # alerts: everyone's

    [alert] = client.get("/api/v1/alerts", headers=alice).json()["items"]
    assert client.post(f"/api/v1/alerts/{alert['id']}/ack", headers=alice).status_code == 200
    assert dashboard(alice)["open_alerts"] == 0  # counted afresh, not kept for the second

    with (
        thread_server(app) as base,
        httpx.Client(base_url=base, headers=bob) as http,
        connect_sse(http, "GET", "/api/v1/sse/dashboard") as stream,
    ):
        first = next(e for e in stream.iter_sse() if e.event == "dashboard_update")
    pushed = json.loads(first.data)["data"]
    assert [a["id"] for a in pushed["paper"]["accounts"]] == [cash_only]
    assert pushed["open_alerts"] == 0


def test_get_dashboard_with_a_watchlist_adds_its_quotes_for_its_owner_only(writable_app):
    app, client, admin = writable_app
    seeds = {
        "name": "dash",
        "items": [{"symbol": "600036.SH", "note": "招行"}, {"symbol": "AAPL.US"}],
    }
    created = client.post("/api/v1/watchlists", headers=admin, json=seeds)
    assert created.status_code == 201, created.text
    wl = created.json()["id"]
    assert "watchlist" not in client.get(URL, headers=admin).json()
    snapshot = client.get(URL, headers=admin, params={"watchlist": wl})
    assert snapshot.status_code == 200, snapshot.text
    shown = snapshot.json()["watchlist"]
    assert shown["watchlist_id"] == wl
    assert [(i["symbol"], i["note"]) for i in shown["items"]] == [
        ("600036.SH", "招行"),
        ("AAPL.US", None),
    ]
    quotes = client.get(f"/api/v1/watchlists/{wl}/quotes", headers=admin).json()
    assert shown == quotes

    app.services.auth.ensure_user("trader", "trader-password", "trader")
    other = login(client, "trader", "trader-password")
    assert client.get(URL, headers=other, params={"watchlist": wl}).status_code == 404
    missing = client.get(URL, headers=admin, params={"watchlist": 999})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    # The SSE stream takes the same parameter, and refuses another's list before it starts.
    refused = client.get("/api/v1/sse/dashboard", headers=other, params={"watchlist": wl})
    assert refused.status_code == 404
