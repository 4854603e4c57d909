"""The WebSocket channel with a real client (`websockets`) against uvicorn on a loopback port.

The server runs in a thread of this process, so a test publishes on the app's own event bus the
way the live feed does (`services.bus.publish("market", "ticks", {"items": [...]})`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import jwt
import orjson
import pytest
import websockets
import yaml
from mystocks_client.api.auth import logout
from mystocks_client.api.watchlists import create_watchlist, put_watchlist_item
from mystocks_client.models import StrategySmaCross, Watchlist, WatchlistInput, WatchlistItemSeed
from mystocks_contract.models import WsServerMessage
from mystocks_sdk import Client
from websockets.asyncio.client import ClientConnection

from mystocks.app import MyStocksApp
from mystocks.settings import DEV_ADMIN_PASSWORD, DEV_JWT_SECRET
from tests.conftest import app_on_copy
from tests.e2e.sdk import access_token, expect
from tests.servers import thread_server

SCHEMAS = Path(__file__).resolve().parents[2] / "openapi" / "components" / "schemas"

WS_SETTINGS = {
    "ws_auth_timeout_seconds": 0.5,
    "ws_reverify_seconds": 0.3,
    "ws_max_subscriptions": 4,
    "ws_batch_seconds": 0.01,
    "ws_idle_timeout_seconds": 5.0,
}


@pytest.fixture(scope="module")
def served(
    template_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[MyStocksApp, str]]:
    app = app_on_copy(template_dir, tmp_path_factory.mktemp("ws"), **WS_SETTINGS)
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    with thread_server(app) as base:
        yield app, base


@pytest.fixture(scope="module")
def admin(served: tuple[MyStocksApp, str]) -> Iterator[Client]:
    """The admin, signed in over HTTP (the WebSocket connections sign in on their own)."""
    with Client.login(served[1], "admin", DEV_ADMIN_PASSWORD) as client:
        yield client


def token(base: str, username: str = "admin", password: str = DEV_ADMIN_PASSWORD) -> str:
    """A new session's access token (the session outlives the HTTP connection closed here)."""
    with Client.login(base, username, password) as client:
        return access_token(client)


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/api/v1/ws"


async def receive(ws: ClientConnection, timeout: float = 5.0) -> dict[str, Any]:
    """The next server message, checked against the contract's `WsServerMessage`."""
    message: dict[str, Any] = orjson.loads(await asyncio.wait_for(ws.recv(), timeout))
    WsServerMessage.model_validate(message)
    return message


async def signed_in(base: str, access: str | None = None) -> ClientConnection:
    access = access or token(base)  # before connecting: the auth timeout is short here
    ws = await websockets.connect(ws_url(base))
    await ws.send(orjson.dumps({"type": "auth", "token": access}).decode())
    ack = await receive(ws)
    assert ack["type"] == "ack" and ack["data"]["op"] == "auth", ack
    return ws


async def request(ws: ClientConnection, message: dict[str, Any]) -> list[dict[str, Any]]:
    """Send a request; answer the messages up to and including its ack."""
    await ws.send(orjson.dumps(message).decode())
    answers = []
    while True:
        answers.append(await receive(ws))
        if answers[-1]["type"] in ("ack", "pong"):
            return answers


async def closed_with(ws: ClientConnection) -> int | None:
    with pytest.raises(websockets.ConnectionClosed):
        while True:
            await asyncio.wait_for(ws.recv(), 5)
    return ws.close_code


@pytest.fixture
async def admin_ws(served: tuple[MyStocksApp, str]) -> AsyncIterator[ClientConnection]:
    ws = await signed_in(served[1])
    yield ws
    await ws.close()


def expired_token() -> str:
    now = int(time.time())
    claims = {"sub": "admin", "role": "admin", "exp": now - 10, "sid": "s", "sxp": now + 60}
    return jwt.encode(claims, DEV_JWT_SECRET, algorithm="HS256")


@pytest.mark.parametrize(
    "first",
    [
        {"type": "subscribe", "channels": ["ticks:600036.SH"]},
        {"type": "auth", "token": "not-a-jwt"},
        {"type": "auth", "token": "EXPIRED"},
        "not json",
    ],
    ids=["no-auth", "bad", "expired", "garbage"],
)
async def test_a_bad_or_missing_token_closes_with_4401(served, first):
    async with websockets.connect(ws_url(served[1])) as ws:
        if isinstance(first, dict) and first.get("token") == "EXPIRED":
            first = {**first, "token": expired_token()}
        await ws.send(first if isinstance(first, str) else orjson.dumps(first).decode())
        assert await closed_with(ws) == 4401


async def test_no_auth_in_time_closes_with_4408(served):
    async with websockets.connect(ws_url(served[1])) as ws:
        assert await closed_with(ws) == 4408


async def test_logout_closes_a_live_connection_with_4401(served):
    base = served[1]
    with Client.login(base, "admin", DEV_ADMIN_PASSWORD) as session:
        ws = await signed_in(base, access_token(session))
        assert expect(204, logout.sync_detailed(client=session.api)) is None
    # Closed at the next re-verification of the session (`closed_with` waits for it).
    assert await closed_with(ws) == 4401


async def test_subscribe_unsubscribe_ping(admin_ws):
    answers = await request(
        admin_ws, {"type": "subscribe", "channels": ["ticks:600036.sh", "bars:600036.SH:1m"]}
    )
    assert answers[-1]["data"]["channels"] == ["ticks:600036.SH", "bars:600036.SH:1m"]
    answers = await request(
        admin_ws, {"type": "unsubscribe", "channels": ["ticks:600036.SH"], "id": "u1"}
    )
    assert answers[-1]["id"] == "u1"
    assert answers[-1]["data"]["subscriptions"] == ["bars:600036.SH:1m"]
    pong = await request(admin_ws, {"type": "ping", "id": "p1"})
    assert pong == [{**pong[0], "type": "pong", "id": "p1"}]


async def test_refused_channels_get_errors_naming_them(served, admin, admin_ws):
    app, base = served
    created = admin.create_strategy("mine", "sma_cross", {}, ["600036.SH"])
    assert isinstance(created, StrategySmaCross)  # 201, the only success it has
    strategy = f"signals:{created.id}"
    viewer = await signed_in(base, token(base, "viewer", "viewer-password"))
    channels = [strategy, "bars:600036.SH:1d", "nonsense", "ticks:000001.SZ"]
    answers = await request(viewer, {"type": "subscribe", "channels": channels, "id": "s1"})
    errors = {a["channel"]: a["data"]["code"] for a in answers if a["type"] == "error"}
    assert errors == {
        strategy: "forbidden_channel",
        "bars:600036.SH:1d": "unsupported_period",
        "nonsense": "unknown_channel",
    }
    assert answers[-1]["data"]["channels"] == ["ticks:000001.SZ"]
    many = [f"quotes:60000{i}.SH" for i in range(6)]
    answers = await request(viewer, {"type": "subscribe", "channels": many})
    assert [a["data"]["code"] for a in answers if a["type"] == "error"] == [
        "too_many_subscriptions"
    ] * 3
    await viewer.close()
    # The owner (an admin here) may follow its strategy's signals; orders are per owner.
    await request(admin_ws, {"type": "subscribe", "channels": [strategy, "orders"]})
    signal = {"strategy_id": created.id, "symbol": "600036.SH", "side": "buy"}
    app.services.bus.publish("signals", "signal", signal, owner="admin")
    order = yaml.safe_load((SCHEMAS / "Order.yaml").read_text())["example"]
    app.services.bus.publish("orders", "order_update", order | {"id": 1}, owner="someone-else")
    app.services.bus.publish("orders", "order_update", order | {"id": 2}, owner="admin")
    got = {m["type"]: m for m in [await receive(admin_ws), await receive(admin_ws)]}
    assert (got["signal"]["channel"], got["signal"]["data"]) == (strategy, signal)
    assert (got["order_update"]["channel"], got["order_update"]["data"]["id"]) == ("orders", 2)


def quote(symbol: str, last: float) -> dict[str, Any]:
    return {
        "symbol": symbol,
        "name": symbol,
        "last": last,
        "open": 1.0,
        "high": 2.0,
        "low": 0.5,
        "prev_close": 1.0,
        "change": 0.0,
        "change_pct": 0.0,
        "volume": 1,
        "amount": 1.0,
        "timestamp": "2026-11-24T15:00:00+08:00",
        "source": "simulated",
    }


async def test_a_watchlist_channel_follows_the_whole_list(served, admin, admin_ws):
    app, base = served
    seeds = [WatchlistItemSeed(symbol="600036.SH"), WatchlistItemSeed(symbol="000001.SZ")]
    body = WatchlistInput(name="ws", items=seeds)
    created = admin.call(create_watchlist.sync_detailed, body=body)
    assert isinstance(created, Watchlist)  # 201, the only success it has
    channel = f"quotes:watchlist:{created.id}"
    answers = await request(admin_ws, {"type": "subscribe", "channels": [channel]})
    assert answers[-1]["data"]["channels"] == [channel]

    # Someone else's list (or none) is refused like someone else's strategy.
    viewer = await signed_in(base, token(base, "viewer", "viewer-password"))
    answers = await request(
        viewer, {"type": "subscribe", "channels": [channel, "quotes:watchlist:999"]}
    )
    codes = {a["channel"]: a["data"]["code"] for a in answers if a["type"] == "error"}
    assert codes == {channel: "forbidden_channel", "quotes:watchlist:999": "forbidden_channel"}
    assert answers[-1]["data"]["channels"] == []
    await viewer.close()

    async def quotes_seen(last: float) -> set[str]:
        items = [quote(s, last) for s in ("600036.SH", "000001.SZ", "600000.SH")]
        app.services.bus.publish("market", "quotes", {"items": items})
        message = await receive(admin_ws)
        assert message["type"] == "quotes", message
        return {item["symbol"] for item in message["data"]["items"]}

    assert await quotes_seen(1.0) == {"600036.SH", "000001.SZ"}
    # After a change of the list, subscribing again follows the list as it is now.
    added = put_watchlist_item.sync_detailed(created.id, "600000.SH", client=admin.api)
    assert isinstance(expect(201, added), Watchlist)  # 201: added, not already there
    answers = await request(admin_ws, {"type": "subscribe", "channels": [channel]})
    assert answers[-1]["data"]["subscriptions"] == [channel]
    assert await quotes_seen(2.0) == {"600036.SH", "000001.SZ", "600000.SH"}


def ticks(symbols: list[str], window: int, per_symbol: int) -> list[dict[str, Any]]:
    return [
        {
            "symbol": symbol,
            "ts": f"2026-11-24T09:30:00.{window:06d}+08:00",
            "price": 10.0 + n / 100,
            "volume": window * 1000 + n,
            "amount": 1.0,
        }
        for n in range(per_symbol)
        for symbol in symbols
    ]


async def test_ticks_of_two_symbols_arrive_exactly_and_in_order(served, admin_ws):
    app = served[0]
    await request(admin_ws, {"type": "subscribe", "channels": ["ticks:600036.SH", "ticks:AAPL.US"]})
    published: list[dict[str, Any]] = []
    for window in range(300):  # a fast replay: 300 windows of 4 symbols, two of them ours
        items = ticks(["600036.SH", "000001.SZ", "AAPL.US", "000002.SZ"], window, 5)
        app.services.bus.publish("market", "ticks", {"items": items})
        published += [t for t in items if t["symbol"] in ("600036.SH", "AAPL.US")]
        if window % 50 == 0:
            await asyncio.sleep(0.005)
    received: list[dict[str, Any]] = []
    frames = 0
    while len(received) < len(published):
        message = await receive(admin_ws)
        assert message["type"] == "ticks", message
        received += message["data"]["items"]
        frames += 1
    for symbol in ("600036.SH", "AAPL.US"):  # every tick, in order per symbol
        assert [t for t in received if t["symbol"] == symbol] == [
            t for t in published if t["symbol"] == symbol
        ]
    assert len(received) == len(published)
    assert frames < 300  # batched: fewer frames than windows published


async def test_quotes_are_conflated_to_the_newest(served, admin_ws):
    app = served[0]
    await request(admin_ws, {"type": "subscribe", "channels": ["quotes:600036.SH"]})
    base = {"symbol": "600036.SH", "name": "招商银行", "open": 1.0, "high": 2.0, "low": 0.5}
    extra = {"prev_close": 1.0, "change": 0.0, "change_pct": 0.0, "volume": 1, "amount": 1.0}
    extra["source"] = "simulated"
    for n in range(200):  # far faster than one batch window
        item = {**base, **extra, "last": float(n), "timestamp": "2026-11-24T15:00:00+08:00"}
        app.services.bus.publish("market", "quotes", {"items": [item]})
    seen: list[float] = []
    while not seen or seen[-1] != 199.0:
        message = await receive(admin_ws)
        assert message["type"] == "quotes"
        assert len(message["data"]["items"]) == 1  # one per symbol
        seen.append(message["data"]["items"][0]["last"])
    assert len(seen) < 50 and seen == sorted(seen)


async def test_two_instances_on_one_redis_both_deliver(template_dir, tmp_path, redis_url):
    prefix = f"test-ws-{time.time_ns()}"
    apps = [
        app_on_copy(template_dir, tmp_path / name, redis_url=redis_url, redis_prefix=prefix)
        for name in ("one", "two")
    ]
    with thread_server(apps[0]) as base_one, thread_server(apps[1]) as base_two:
        clients = [await signed_in(base) for base in (base_one, base_two)]
        for ws in clients:
            await request(ws, {"type": "subscribe", "channels": ["ticks:600036.SH"]})
        items = ticks(["600036.SH"], 1, 3)
        await asyncio.to_thread(apps[0].services.bus.publish, "market", "ticks", {"items": items})
        for ws in clients:
            message = await receive(ws)
            assert message["data"]["items"] == items
            await ws.close()
