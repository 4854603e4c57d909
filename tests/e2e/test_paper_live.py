"""Paper trading against a fast replay over real connections: a limit order fills when the
replayed price crosses it, its status changes arrive in order on the WebSocket `orders` channel,
the position and cash match the trades, and a price alert on the same symbol arrives over
`GET /api/v1/sse/alerts`."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
import websockets
from httpx_sse import connect_sse
from mystocks_client.api.alerts import create_alert_rule
from mystocks_client.api.paper import (
    create_account,
    create_order,
    get_account,
    get_order,
    list_positions,
    list_trades,
)
from mystocks_client.models import (
    Account,
    AccountInput,
    Alert,
    AlertRule,
    AlertRuleKind,
    Order,
    OrderInput,
    OrderSide,
    OrderStatus,
    OrderType,
    RiskAlertEvent,
    SymbolAlertRuleCreate,
    SymbolAlertRuleCreateKind,
)
from mystocks_sdk import Client

from mystocks.live.setup import FeedOptions, build_feed
from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy, wait_following
from tests.e2e.sdk import access_token, expect
from tests.servers import thread_server

SYMBOL = "600036.SH"
DAY = dt.date(2017, 7, 26)  # the newest sample day with ticks


def day_prices(app: Any) -> list[float]:
    zone = dt.timezone(dt.timedelta(hours=8))
    start = int(dt.datetime.combine(DAY, dt.time(0), zone).timestamp() * 1000)
    rows = app.services.data.timeseries.read_ticks(
        SYMBOL, start=start, end=start + 86_400_000, after=None, limit=100_000
    )
    return [float(r[1]) for r in rows]


async def orders_channel(base: str, token: str, got: list[dict[str, Any]], ready: asyncio.Event,
                         done: asyncio.Event) -> None:  # fmt: skip
    async with websockets.connect(base.replace("http://", "ws://") + "/api/v1/ws") as ws:
        await ws.send(orjson.dumps({"type": "auth", "token": token}).decode())
        await ws.send(orjson.dumps({"type": "subscribe", "channels": ["orders"]}).decode())
        while not ready.is_set():
            message = orjson.loads(await asyncio.wait_for(ws.recv(), 10))
            if message["type"] == "ack" and message["data"]["op"] == "subscribe":
                ready.set()
        while not done.is_set():
            try:
                message = orjson.loads(await asyncio.wait_for(ws.recv(), 0.5))
            except TimeoutError:
                continue
            if message["type"] in ("order_update", "trade"):
                got.append(message["data"])


def test_a_limit_order_fills_on_a_replay_and_an_alert_is_pushed(
    template_dir: Path, tmp_path: Path
) -> None:
    app = app_on_copy(template_dir, tmp_path, paper_session="always", sse_heartbeat_seconds=0.5)
    prices = day_prices(app)
    low = min(prices)
    limit = round(low + 0.01, 2)
    if prices[0] <= limit:
        pytest.fail("the replayed day must open above the limit for a crossing")
    with (
        thread_server(app) as base,
        Client.login(base, "admin", DEV_ADMIN_PASSWORD, timeout=20) as client,
    ):
        token = access_token(client)
        body = AccountInput(name="replay", initial_cash=1e6)
        account = client.call(create_account.sync_detailed, body=body)
        assert isinstance(account, Account)  # 201, the only success it has
        threshold = round(limit + 0.005, 3)
        rule = SymbolAlertRuleCreate(
            kind=SymbolAlertRuleCreateKind.PRICE_BELOW, symbol=SYMBOL, threshold=threshold
        )
        assert isinstance(client.call(create_alert_rule.sync_detailed, body=rule), AlertRule)

        alerts: list[Alert] = []

        def follow_alerts() -> None:
            # The SDK has no alert stream of its own: its frames, over the SDK's connection.
            with connect_sse(client.http, "GET", "/api/v1/sse/alerts") as stream:
                for sse in stream.iter_sse():
                    if sse.event == "risk_alert":
                        alerts.append(RiskAlertEvent.from_dict(sse.json()).data)
                        return

        listener = threading.Thread(target=follow_alerts, daemon=True)
        listener.start()

        async def scenario() -> list[dict[str, Any]]:
            got: list[dict[str, Any]] = []
            ready, done = asyncio.Event(), asyncio.Event()
            channel = asyncio.create_task(orders_channel(base, token, got, ready, done))
            await asyncio.wait_for(ready.wait(), 10)
            order = OrderInput(
                account_id=account.id,
                symbol=SYMBOL,
                side=OrderSide.BUY,
                type_=OrderType.LIMIT,
                quantity=1000,
                limit_price=limit,
            )
            placed = await asyncio.to_thread(
                create_order.sync_detailed,
                client=client.api,
                body=order,
                idempotency_key="replay-1",
            )
            assert isinstance(expect(201, placed), Order)  # 201: placed now, not a replay
            # Matching and the risk alerts follow the bus from "now": from when they say so.
            await asyncio.to_thread(
                wait_following,
                app.services.matching.following,
                app.services.alerts.engine.following_quotes,
            )
            feed = build_feed(
                FeedOptions("replay", symbols=(SYMBOL,), day=DAY, speed=1000),
                app.services.data,
                app.services.cache,
                app.services.bus,
            )
            t0, wall = dt.datetime.now(dt.UTC), 0.0
            while not feed.done:  # 4 h of trading at 1000x, on a fake wall clock
                await asyncio.to_thread(feed.step, t0 + dt.timedelta(seconds=wall))
                wall += 0.2
                await asyncio.sleep(0.005)
            for _ in range(100):
                if any(u.get("status") == "filled" for u in got):
                    break
                await asyncio.sleep(0.1)
            done.set()
            await channel
            return got

        updates = asyncio.run(scenario())
        listener.join(timeout=10)

        statuses = [u for u in updates if "status" in u]
        assert statuses, "no order update arrived on the orders channel"
        order_id = statuses[0]["id"]
        order = client.call(get_order.sync_detailed, order_id)
        assert order.status == OrderStatus.FILLED, order
        pushed = [u["status"] for u in updates if "status" in u]
        stored = [h.status for h in order.history]
        assert pushed == stored[len(stored) - len(pushed) :]  # every change, in order
        assert pushed[-1] == "filled"
        trades = list(client.pages(list_trades.sync_detailed, account.id))
        assert sum(t.quantity for t in trades) == 1000
        assert all(t.price <= limit for t in trades)
        [position] = client.call(list_positions.sync_detailed, account.id).items
        assert position.quantity == 1000
        spent = sum(t.price * t.quantity + t.commission for t in trades)
        after = client.call(get_account.sync_detailed, account.id)
        assert after.cash == pytest.approx(1e6 - spent, abs=0.01)
        assert after.frozen_cash == 0
        assert alerts and alerts[0].kind == AlertRuleKind.PRICE_BELOW and alerts[0].value <= limit
