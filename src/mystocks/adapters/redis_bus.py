"""The event bus on Redis Streams: events published by any server process reach SSE
subscribers on every process, and `Last-Event-ID` resumes across them.

One stream per topic (`<prefix>:events:<topic>`), trimmed to about `retention` entries. An
event's id is its stream id (`1732423200000-0`): increasing, and exactly what `XREAD` resumes
after, so a client that reconnects to another instance misses nothing within the window.
Publishing is synchronous (it happens on worker-report threads); subscribing is asyncio.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
import redis
import redis.asyncio as aioredis

from mystocks import metrics
from mystocks.adapters.bus import Event


class RedisEventBus:
    def __init__(self, url: str, *, prefix: str = "mystocks", retention: int = 10_000) -> None:
        self.url = url
        self.prefix = prefix
        self.retention = retention
        self._client = redis.Redis.from_url(url)

    def _key(self, topic: str) -> str:
        return f"{self.prefix}:events:{topic}"

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> Event:
        occurred = dt.datetime.now(dt.UTC)
        fields = {
            "type": type,
            "occurred_at": occurred.isoformat(),
            "data": orjson.dumps(data),
            "owner": owner or "",
        }
        stream_id = self._client.xadd(
            self._key(topic),
            fields,  # type: ignore[arg-type]
            maxlen=self.retention,
            approximate=True,
        )
        metrics.EVENTS_PUBLISHED.labels(topic).inc()
        return Event(_text(stream_id), topic, type, occurred, data, owner)

    async def subscribe(
        self,
        topic: str,
        *,
        after: str | None,
        keep: Callable[[Event], bool],
        heartbeat: float,
        pinned: Callable[[], None] | None = None,
    ) -> AsyncIterator[Event | None]:
        key = self._key(topic)
        # A connection of its own per subscription: each blocks in XREAD, and belongs to the
        # event loop that is listening.
        # Its reads must outlast the blocking XREAD: redis-py 8 times reads out after 5 s by
        # default, which a heartbeat of 5 s or more (SSE's is 15 s) would always hit.
        client = aioredis.Redis.from_url(self.url, socket_timeout=heartbeat + 5.0)
        try:
            if after is None:
                # "From now" is pinned to the newest id once: XREAD's `$` means "after the newest
                # at this call", so an event landing between two calls would be skipped.
                newest: Any = await client.xrevrange(key, count=1)
                position = _text(newest[0][0]) if newest else "0-0"
            else:
                position = after if "-" in after else f"{after}-0"
            if pinned is not None:
                pinned()
            while True:
                found: Any = await client.xread(
                    {key: position}, count=500, block=max(1, int(heartbeat * 1000))
                )
                if not found:
                    yield None
                    continue
                for stream_id, fields in found[0][1]:
                    position = _text(stream_id)
                    event = _event(position, topic, fields)
                    if keep(event):
                        yield event
        finally:
            await client.aclose()

    def close(self) -> None:
        self._client.close()


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _event(stream_id: str, topic: str, fields: dict[Any, Any]) -> Event:
    get = {_text(k): v for k, v in fields.items()}
    return Event(
        stream_id,
        topic,
        _text(get["type"]),
        dt.datetime.fromisoformat(_text(get["occurred_at"])),
        orjson.loads(get["data"]),
        _text(get["owner"]) or None,
    )
