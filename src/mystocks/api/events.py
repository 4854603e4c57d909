"""Handlers of the `events` tag: Server-Sent Event streams.

A job stream sends an `id:` line with every event (resume with `Last-Event-ID`), a comment as a
heartbeat when idle, ends after a one-job stream's final event, ends at `sse_max_seconds`
(clients reconnect with the last id and miss nothing), and stops as soon as the client goes
(Starlette cancels the generator on disconnect).

The dashboard stream has no history: it sends the current snapshot at connect, then checks
once a second and sends the snapshot again when its digest changed. Checking on a tick rather
than on bus events bounds it to one event a second per subscriber however busy the jobs are,
and a job's change reaches the dashboard within about a second anyway.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any, cast

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from mystocks import metrics
from mystocks.adapters.bus import Event
from mystocks.api.http import header, principal, services
from mystocks.dashboard.service import digest
from mystocks.jobs.store import TERMINAL
from mystocks.logs import REQUEST_ID

DASHBOARD_TICK = 1.0  # seconds between checks, and so at least between two dashboard events
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def _frame(event: Event) -> bytes:
    data = orjson.dumps(event.envelope()).decode()
    return f"id: {event.id}\nevent: {event.type}\ndata: {data}\n\n".encode()


async def _counted(stream: str, frames: AsyncGenerator[bytes, None]) -> AsyncIterator[bytes]:
    """`frames`, counted in `mystocks_sse_connections` while a client reads them."""
    gauge = metrics.SSE_CONNECTIONS.labels(stream)
    gauge.inc()
    try:
        async for frame in frames:
            yield frame
    finally:
        gauge.dec()
        await frames.aclose()


def _last_event_id() -> str | None:
    """The resume point: an in-process id (`42`) or a Redis stream id (`1732423200000-0`)."""
    value = (header("Last-Event-ID") or "").strip()
    return value if re.fullmatch(r"\d{1,20}(-\d{1,20})?", value) else None


async def _stream(kind: str, job_id: int | None, check: Callable[[], Any]) -> Response:
    """A `<kind>_update` stream: one job's (`job_id`, after `check` found it visible) or all
    the caller's jobs of that kind."""
    who = principal()
    if job_id is not None:  # 404 before the stream starts, like any other read
        await run_in_threadpool(check)
    after = _last_event_id()
    if after is None and job_id is not None:
        after = "0"  # a new follower of one job gets that job's whole story
    id_key = "backtest_id" if kind == "backtest" else "job_id"

    def keep(event: Event) -> bool:
        mine = who.role == "admin" or event.owner == who.username
        return mine and (job_id is None or event.data[id_key] == job_id)

    def last(event: Event) -> bool:
        return job_id is not None and event.data["status"] in TERMINAL

    return _topic_stream(kind, after, keep, last)


def _topic_stream(
    topic: str, after: str | None, keep: Callable[[Event], bool], last: Callable[[Event], bool]
) -> Response:
    """The events of a bus topic that `keep` accepts, after `after`, until `last` says so or
    the stream's time is up; heartbeats while idle."""
    s = services()
    settings = s.settings

    async def frames() -> AsyncGenerator[bytes, None]:
        deadline = time.monotonic() + settings.sse_max_seconds
        yield b"retry: 2000\n\n"
        heartbeat = min(settings.sse_heartbeat_seconds, settings.sse_max_seconds)
        async for event in s.bus.subscribe(topic, after=after, keep=keep, heartbeat=heartbeat):
            if event is None:
                yield b": keep-alive\n\n"
            else:
                yield _frame(event)
                if last(event):
                    return
            if time.monotonic() >= deadline:
                return

    return StreamingResponse(
        _counted(topic, frames()), media_type="text/event-stream", headers=SSE_HEADERS
    )


async def stream_alerts() -> Response:
    who = principal()

    def keep(event: Event) -> bool:
        return who.role == "admin" or event.owner == who.username

    return _topic_stream("alerts", _last_event_id(), keep, lambda _event: False)


async def stream_backtests(*, job_id: int | None = None) -> Response:
    who, s = principal(), services()
    return await _stream("backtest", job_id, lambda: s.backtests.get_backtest(who, job_id or 0))


async def stream_training(*, job_id: int | None = None) -> Response:
    who, s = principal(), services()
    return await _stream("training", job_id, lambda: s.training.get_training_job(who, job_id or 0))


async def stream_sync(*, job_id: int | None = None) -> Response:
    """Sync progress, for administrators: every sync's, or one's from its start."""
    who, s = principal(), services()
    who.require("admin")
    if job_id is not None:
        await run_in_threadpool(s.sync.get_sync_job, job_id)  # 404 before the stream starts
    after = _last_event_id() or ("0" if job_id is not None else None)

    def keep(event: Event) -> bool:
        return job_id is None or event.data["job_id"] == job_id

    def last(event: Event) -> bool:
        return job_id is not None and event.data["status"] != "running"

    return _topic_stream("sync", after, keep, last)


async def stream_dashboard(*, watchlist: int | None = None) -> Response:
    who, s = principal(), services()
    settings = s.settings
    # The first snapshot is read before the stream starts, so a failure is still a problem+json.
    first = await run_in_threadpool(s.dashboard.get_dashboard, who, watchlist)

    async def frames() -> AsyncGenerator[bytes, None]:
        deadline = time.monotonic() + settings.sse_max_seconds
        yield b"retry: 2000\n\n"
        snapshot, sent, quiet_since = first, "", time.monotonic()
        while True:
            key = digest(snapshot)
            if key != sent:
                data = cast(dict[str, Any], snapshot)
                now = dt.datetime.now(dt.UTC)
                yield _frame(Event(key, "dashboard", "dashboard_update", now, data))
                sent, quiet_since = key, time.monotonic()
            elif time.monotonic() - quiet_since >= settings.sse_heartbeat_seconds:
                yield b": keep-alive\n\n"
                quiet_since = time.monotonic()
            # Sleeping after the send is what keeps two events at least a tick apart.
            left = deadline - time.monotonic()
            if left <= 0:
                return
            await asyncio.sleep(min(DASHBOARD_TICK, left))
            if time.monotonic() >= deadline:
                return
            snapshot = await run_in_threadpool(s.dashboard.get_dashboard, who, watchlist)

    return StreamingResponse(
        _counted("dashboard", frames()), media_type="text/event-stream", headers=SSE_HEADERS
    )


async def open_websocket() -> Response:
    """A plain GET of the WebSocket channel: WebSocket handshakes never reach Connexion
    (`mystocks.app.MyStocksApp` sends them to `mystocks.api.ws`), so this only explains."""
    body = {
        "type": "/problems/upgrade-required",
        "title": "Upgrade Required",
        "status": 426,
        "detail": "/api/v1/ws is a WebSocket channel: connect with a WebSocket client"
        " (Upgrade: websocket).",
        "instance": "/api/v1/ws",
    }
    if (request_id := REQUEST_ID.get()) is not None:
        body["request_id"] = request_id
    return Response(
        orjson.dumps(body),
        status_code=426,
        media_type="application/problem+json",
        headers={"Upgrade": "websocket", "Connection": "Upgrade"},
    )
