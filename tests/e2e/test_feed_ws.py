"""The whole live path across processes: `mystocks feed replay` in a process of its own
publishes a stored day through Redis, and WebSocket subscribers on two `mystocks serve`
processes each receive exactly the ticks the store holds for their two symbols, in order."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import websockets
from mystocks_client.api.market import list_bars, list_ticks
from mystocks_client.models.period import Period
from mystocks_sdk import Client

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy, process_env
from tests.e2e.sdk import access_token
from tests.servers import subprocess_server

SYMBOLS = ("600036.SH", "600085.SH")
CST = dt.timezone(dt.timedelta(hours=8))


def stored_ticks(client: Client, symbol: str, day: dt.date) -> list[Any]:
    """Every stored tick of `symbol` on `day`, through the ticks endpoint's pages."""
    start = dt.datetime.combine(day, dt.time(0, 0, 0), CST)
    end = dt.datetime.combine(day, dt.time(23, 59, 59), CST)
    found = client.pages(list_ticks.sync_detailed, symbol, start=start, end=end, limit=10000)
    return [(t.ts, t.price, t.volume) for t in found]


def newest_common_day(client: Client) -> dt.date:
    days = []
    for symbol in SYMBOLS:
        page = client.call(list_bars.sync_detailed, symbol, period=Period("1m"))  # one page
        days.append({b.ts.date() for b in page.items})  # the exchange's day: ts is in +08:00
    return max(days[0] & days[1])


async def follow(base: str, token: str, ready: asyncio.Event, done: asyncio.Event) -> list[Any]:
    received: list[Any] = []
    url = base.replace("http://", "ws://") + "/api/v1/ws"
    async with websockets.connect(url, max_size=None) as ws:
        await ws.send(orjson.dumps({"type": "auth", "token": token}).decode())
        channels = [f"ticks:{s}" for s in SYMBOLS]
        await ws.send(orjson.dumps({"type": "subscribe", "channels": channels}).decode())
        while True:  # the auth and subscribe acks
            message = orjson.loads(await asyncio.wait_for(ws.recv(), 10))
            assert message["type"] == "ack", message
            if message["data"]["op"] == "subscribe":
                break
        ready.set()
        while True:
            try:
                message = orjson.loads(await asyncio.wait_for(ws.recv(), 2.0))
            except TimeoutError:
                if done.is_set():
                    return received
                continue
            if message["type"] == "ticks":
                received += message["data"]["items"]
            else:
                assert message["type"] != "gap", message


async def replay_and_follow(bases: list[str], token: str, env: dict[str, str], day: dt.date) -> Any:
    ready = [asyncio.Event() for _ in bases]
    done = asyncio.Event()
    tasks = [
        asyncio.create_task(follow(b, token, r, done)) for b, r in zip(bases, ready, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in ready)), 20)
    command = [sys.executable, "-m", "mystocks", "feed", "replay", "--day", day.isoformat()]
    command += ["--symbols", ",".join(SYMBOLS), "--speed", "1000"]
    feed = await asyncio.to_thread(
        subprocess.run, command, env=env, capture_output=True, timeout=120
    )
    assert feed.returncode == 0, feed.stdout.decode() + feed.stderr.decode()
    done.set()
    return await asyncio.gather(*tasks)


def test_a_feed_process_reaches_subscribers_on_two_servers(
    template_dir: Path, tmp_path: Path, redis_url: str, redis_prefix: str
) -> None:
    app = app_on_copy(template_dir, tmp_path, redis_url=redis_url, redis_prefix=redis_prefix)
    settings = app.services.settings  # the stores are ready on disk; the servers share them
    env = process_env(settings)
    with (
        subprocess_server(env) as (a, _),
        subprocess_server(env) as (b, _),
        Client.login(a, "admin", DEV_ADMIN_PASSWORD) as client,
    ):
        day = newest_common_day(client)
        expected = {s: stored_ticks(client, s, day) for s in SYMBOLS}
        assert all(len(ticks) > 100 for ticks in expected.values())
        token = access_token(client)
        on_a, on_b = asyncio.run(replay_and_follow([a, b], token, env, day))
    for received in (on_a, on_b):
        for symbol in SYMBOLS:
            got = [
                (dt.datetime.fromisoformat(t["ts"]), t["price"], t["volume"])
                for t in received
                if t["symbol"] == symbol
            ]
            assert got == expected[symbol], symbol
