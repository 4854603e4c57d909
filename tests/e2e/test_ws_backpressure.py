"""Backpressure on the WebSocket channel, against `mystocks serve` in its own process (so its
memory is its own), fed through the Redis event bus as the live feed feeds it.

Readers that stop reading must not delay a reader that keeps up, nor grow the server's memory:
each connection's queue is bounded, and what overflows it is dropped and reported in a `gap`.
The kernel's socket buffers (up to megabytes per connection) would hide a stalled reader at a low
rate, so the stalled clients shrink their receive buffers and the ticks come fast.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import socket
import time
from pathlib import Path
from typing import Any

import orjson
import websockets

from mystocks.adapters.redis_bus import RedisEventBus
from tests.e2e.test_ws import receive, request, signed_in, token, ws_url
from tests.servers import subprocess_server

WINDOWS, PER_WINDOW, STALLED = 300, 500, 10
QUEUE = 20_000  # 0.4 s of this feed: a reader that keeps up never overflows it


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


async def stalled_client(base: str, access: str) -> websockets.ClientConnection:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", int(base.rsplit(":", 1)[1])))
    ws = await websockets.connect(ws_url(base), sock=sock, max_queue=2)
    await ws.send(orjson.dumps({"type": "auth", "token": access}).decode())
    await receive(ws)
    await request(ws, {"type": "subscribe", "channels": ["ticks:600036.SH"]})
    return ws


async def drain(ws: websockets.ClientConnection, total: int) -> tuple[list[int], int]:
    """Read until every tick is accounted for: (sequence numbers received, number dropped)."""
    seen: list[int] = []
    dropped = 0
    while len(seen) + dropped < total:
        message = orjson.loads(await asyncio.wait_for(ws.recv(), 20))
        if message["type"] == "gap":
            dropped += message["data"]["dropped"]
        else:
            seen += [item["volume"] for item in message["data"]["items"]]
    return seen, dropped


async def test_stalled_readers_neither_delay_others_nor_grow_memory(
    template_dir: Path, tmp_path: Path, redis_url: str
) -> None:
    shutil.copytree(template_dir, tmp_path, dirs_exist_ok=True)
    prefix = f"test-ws-bp-{time.time_ns()}"
    env = {
        "MYSTOCKS_DATA_DIR": str(tmp_path),
        "MYSTOCKS_SAMPLE_TICK_DAYS": "5",
        "MYSTOCKS_REDIS_URL": redis_url,
        "MYSTOCKS_REDIS_PREFIX": prefix,
        "MYSTOCKS_WS_QUEUE_SIZE": str(QUEUE),
        "MYSTOCKS_WS_STALL_SECONDS": "120",  # this test wants gaps, not closes
        "MYSTOCKS_LOG_LEVEL": "warning",
    }
    bus = RedisEventBus(redis_url, prefix=prefix)
    with subprocess_server(env) as (base, process):
        access = token(base)
        fast = await signed_in(base, access)
        await request(fast, {"type": "subscribe", "channels": ["ticks:600036.SH"]})
        stalled = [await stalled_client(base, access) for _ in range(STALLED)]
        before = rss_mb(process.pid)

        lags: list[float] = []
        fast_seen: list[int] = []

        async def read_fast() -> None:
            while len(fast_seen) < WINDOWS * PER_WINDOW:
                # Plain decoding: validating every frame would make this reader the slow one.
                message = orjson.loads(await asyncio.wait_for(fast.recv(), 20))
                assert message["type"] == "ticks", message  # never a gap for a reader keeping up
                now = time.time()
                for item in message["data"]["items"]:
                    lags.append(now - dt.datetime.fromisoformat(item["ts"]).timestamp())
                    fast_seen.append(item["volume"])

        reader = asyncio.create_task(read_fast())
        for window in range(WINDOWS):
            stamp = dt.datetime.now(dt.UTC).isoformat()
            items: list[dict[str, Any]] = [
                {"symbol": "600036.SH", "ts": stamp, "price": 24.1, "volume": n, "amount": 1.0}
                for n in range(window * PER_WINDOW, (window + 1) * PER_WINDOW)
            ]
            await asyncio.to_thread(bus.publish, "market", "ticks", {"items": items})
            await asyncio.sleep(0.01)
        await asyncio.wait_for(reader, 30)
        peak = rss_mb(process.pid)

        total = WINDOWS * PER_WINDOW
        assert fast_seen == list(range(total))
        lags.sort()
        p99 = lags[int(len(lags) * 0.99)]
        # The fast reader kept up (every tick, in order, never a gap) while the stalled ones
        # overflowed; how fast it was is reported below, and measured in bench/ws.py.
        # Unbounded queues would hold every tick for each stalled reader (~140 MB here).
        assert peak - before < 100, f"server RSS grew {peak - before:.0f} MB"

        for ws in stalled:
            seen, dropped = await drain(ws, total)
            assert dropped > 0 and seen == sorted(seen) and len(set(seen)) == len(seen)
            assert seen[-1] == total - 1
            await ws.close()
        await fast.close()
        print(
            f"\nfast p50 {lags[len(lags) // 2] * 1000:.1f} ms p99 {p99 * 1000:.1f} ms;"
            f" server RSS {before:.0f} -> {peak:.0f} MB"
        )
    bus.close()
