"""Handlers of the `events` tag: Server-Sent Event streams.

A stream sends an `id:` line with every event (resume with `Last-Event-ID`), a comment as a
heartbeat when idle, ends after a one-job stream's final event, ends at `sse_max_seconds`
(clients reconnect with the last id and miss nothing), and stops as soon as the client goes
(Starlette cancels the generator on disconnect).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from mystocks.api.http import header, principal, services
from mystocks.services.backtests import TOPIC
from mystocks.services.events import Event
from mystocks.storage.backtests import TERMINAL


def _frame(event: Event) -> bytes:
    data = orjson.dumps(event.envelope()).decode()
    return f"id: {event.id}\nevent: {event.type}\ndata: {data}\n\n".encode()


def _last_event_id() -> int | None:
    value = header("Last-Event-ID")
    return int(value) if value is not None and value.strip().isdigit() else None


async def stream_backtests(*, job_id: int | None = None) -> Response:
    who, s = principal(), services()
    if job_id is not None:  # 404 before the stream starts, like any other read
        await run_in_threadpool(s.backtests.get_backtest, who, job_id)
    after = _last_event_id()
    if after is None and job_id is not None:
        after = 0  # a new follower of one job gets that job's whole story

    def keep(event: Event) -> bool:
        mine = who.role == "admin" or event.owner == who.username
        return mine and (job_id is None or event.data["backtest_id"] == job_id)

    settings = s.settings

    async def frames() -> AsyncIterator[bytes]:
        deadline = time.monotonic() + settings.sse_max_seconds
        yield b"retry: 2000\n\n"
        async for event in s.bus.subscribe(
            TOPIC,
            after=after,
            keep=keep,
            heartbeat=min(settings.sse_heartbeat_seconds, settings.sse_max_seconds),
        ):
            if event is None:
                yield b": keep-alive\n\n"
            else:
                yield _frame(event)
                if job_id is not None and event.data["status"] in TERMINAL:
                    return
            if time.monotonic() >= deadline:
                return

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(frames(), media_type="text/event-stream", headers=headers)
