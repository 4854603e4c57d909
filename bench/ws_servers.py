"""The servers of the WebSocket fan-out bench (`bench/ws.py`), one per process:

    python -m bench.ws_servers app PORT          the real app (uvicorn, one worker), publishing
                                                 ticks on its in-process bus when told
    python -m bench.ws_servers app-redis PORT    the real app on the Redis bus (`bench/ws.py`
                                                 publishes through Redis)
    python -m bench.ws_servers bare PORT         a bare `websockets` server: `broadcast()` of one
                                                 frame per tick to that symbol's subscribers

Each reads commands on stdin: `publish STEP RATE SECONDS` publishes RATE ticks/s over the 100
symbols for SECONDS from a thread, in 10 ms windows (as the live feed writes them), and answers
`done {symbol: count}` on stdout. The tick's `volume` carries STEP and its `ts` the time it was
published, so clients can sort what they receive by step and measure latency.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

SYMBOLS = [f"{600000 + i}.SH" for i in range(100)]
WINDOW = 0.01
CPUS_ENV = "BENCH_SERVER_CPUS"
DATA_ENV = "BENCH_DATA_DIR"
REDIS_ENV = "BENCH_REDIS_URL"
PREFIX_ENV = "BENCH_REDIS_PREFIX"


def publish_steadily(
    publish: Callable[[list[dict[str, Any]]], None], step: int, rate: float, seconds: float
) -> Counter[str]:
    """Publish `rate` ticks/s round-robin over the symbols, one batch per window."""
    counts: Counter[str] = Counter()
    owed, n = 0.0, 0
    start = time.monotonic()
    windows = int(seconds / WINDOW)
    for w in range(windows):
        owed += rate * WINDOW
        stamp = dt.datetime.now(dt.UTC).isoformat()
        items = []
        while owed >= 1:
            symbol = SYMBOLS[n % len(SYMBOLS)]
            items.append(
                {"symbol": symbol, "ts": stamp, "price": 10.0, "volume": step, "amount": 1.0}
            )
            counts[symbol] += 1
            owed -= 1
            n += 1
        if items:
            publish(items)
        pause = start + (w + 1) * WINDOW - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    return counts


def serve_commands(publish: Callable[[list[dict[str, Any]]], None]) -> None:
    """Answer `publish` commands from stdin, in a thread beside the server."""

    def loop() -> None:
        for line in sys.stdin:
            _, step, rate, seconds = line.split()
            counts = publish_steadily(publish, int(step), float(rate), float(seconds))
            print("done", orjson.dumps(counts).decode(), flush=True)

    threading.Thread(target=loop, daemon=True).start()


def app(port: int, redis: bool) -> None:
    import uvicorn

    from mystocks.app import create_app
    from mystocks.settings import Settings

    extra: dict[str, Any] = {}
    if redis:
        extra = {"redis_url": os.environ[REDIS_ENV], "redis_prefix": os.environ[PREFIX_ENV]}
    settings = Settings(
        data_dir=Path(os.environ[DATA_ENV]), env="test", sample_tick_days=0, **extra
    )
    application = create_app(settings)
    if not redis:
        bus = application.services.bus
        serve_commands(lambda items: bus.publish("market", "ticks", {"items": items}))
    uvicorn.run(
        application,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws_per_message_deflate=False,  # as `mystocks serve` runs
    )


def bare(port: int) -> None:
    """The baseline: the `websockets` library's own server and `broadcast()`, no batching."""
    from websockets.asyncio.server import ServerConnection, broadcast, serve

    subscribers: dict[str, set[ServerConnection]] = {s: set() for s in SYMBOLS}

    async def handler(ws: ServerConnection) -> None:
        mine: list[str] = []
        try:
            async for raw in ws:
                message = orjson.loads(raw)
                for channel in message.get("channels", []):
                    symbol = channel.removeprefix("ticks:")
                    subscribers[symbol].add(ws)
                    mine.append(symbol)
        finally:
            for symbol in mine:
                subscribers[symbol].discard(ws)

    async def main() -> None:
        loop = asyncio.get_running_loop()

        def fan_out(items: list[dict[str, Any]]) -> None:
            for item in items:  # encoded once, one frame per tick
                frame = orjson.dumps(
                    {"type": "tick", "channel": f"ticks:{item['symbol']}", "data": item}
                ).decode()
                broadcast(subscribers[item["symbol"]], frame)

        serve_commands(lambda items: loop.call_soon_threadsafe(fan_out, items))
        async with serve(handler, "127.0.0.1", port, compression=None):
            await asyncio.Future()

    asyncio.run(main())


if __name__ == "__main__":
    kind, port_text = sys.argv[1:3]
    if cpus := os.environ.get(CPUS_ENV):
        os.sched_setaffinity(0, {int(cpu) for cpu in cpus.split(",")})
    if kind == "bare":
        bare(int(port_text))
    else:
        app(int(port_text), redis=kind == "app-redis")
