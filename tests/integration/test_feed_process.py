"""`mystocks feed replay` as a process of its own: its events reach a subscriber in this
process through Redis, and Ctrl-C stops it cleanly with a summary."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import redis

from mystocks.adapters.bus import Event
from mystocks.adapters.redis_bus import RedisEventBus


async def first_of_each_kind(bus: RedisEventBus, timeout: float) -> dict[str, Event]:
    seen: dict[str, Event] = {}

    async def read() -> None:
        async for event in bus.subscribe("market", after="0", keep=lambda e: True, heartbeat=0.2):
            if event is not None:
                seen.setdefault(event.type, event)
            if len(seen) == 3:
                return

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(read(), timeout)
    return seen


def test_a_feed_process_publishes_through_redis_and_stops_on_sigint(
    template_dir: Path, tmp_path: Path, redis_url: str
) -> None:
    shutil.copytree(template_dir, tmp_path, dirs_exist_ok=True)
    prefix = f"test-feed-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYSTOCKS_")}
    env.update(
        MYSTOCKS_DATA_DIR=str(tmp_path),
        MYSTOCKS_REDIS_URL=redis_url,
        MYSTOCKS_REDIS_PREFIX=prefix,
    )
    command = [
        str(Path(sys.executable).with_name("mystocks")), "feed", "replay", "--day", "2017-07-26",
        "--symbols", "600036.SH,600809.SH", "--speed", "1000", "--window", "0.05",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    bus = RedisEventBus(redis_url, prefix=prefix)
    try:
        seen = asyncio.run(first_of_each_kind(bus, timeout=30))
        assert process.poll() is None, "the replay ended before it was interrupted"
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        bus.close()
        client = redis.Redis.from_url(redis_url)
        client.delete(f"{prefix}:events:market")
        client.close()
    text = err.decode()
    assert process.returncode == 0, text
    assert set(seen) == {"ticks", "quotes", "bars"}
    ticks = seen["ticks"].data["items"]
    assert {t["symbol"] for t in ticks} <= {"600036.SH", "600809.SH"}
    assert ticks[0]["ts"].startswith("2017-07-26T09:30:00.000+08:00")
    assert seen["bars"].data["items"][0]["ts"] == "2017-07-26T09:31:00+08:00"
    assert seen["quotes"].owner is None  # market data is public
    assert "feed replay stopped" in text and "ticks" in text, text
