"""Following one kind of bus event in a server task: what live signals, risk alerts and
matching share.

`follow` runs a sync handler (it touches the database, so in the thread pool) on the items of
each `type` event of a topic (`data["items"]` of the feed's batches; `items` says otherwise for
events that carry one thing, like a paper `trade`), reloads its state every `refresh_every`
seconds (rules or strategies changed on another instance), logs and skips a window that fails,
and subscribes again from the newest event when the bus itself fails (Redis gone), until
cancelled.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from mystocks.adapters.bus import EventBus

log = logging.getLogger("mystocks.follow")


async def follow(
    bus: EventBus,
    topic: str,
    type: str,
    handle: Callable[[list[dict[str, Any]]], Any],
    refresh: Callable[[], Any],
    *,
    what: str,
    refresh_every: float = 5.0,
    items: Callable[[dict[str, Any]], list[dict[str, Any]]] = lambda data: data["items"],
    ready: threading.Event | None = None,
) -> None:
    """`ready` is set once the bus subscription's start is fixed: from then on, every event
    published reaches `handle` (tests and callers wait for it instead of sleeping)."""
    while True:
        try:
            await _follow(bus, topic, type, handle, refresh, what, refresh_every, items, ready)
        except Exception as exc:
            log.warning("%s lost the event bus (%s); retrying in 2 s", what, exc)
            await asyncio.sleep(2)


async def _follow(
    bus: EventBus,
    topic: str,
    type: str,
    handle: Callable[[list[dict[str, Any]]], Any],
    refresh: Callable[[], Any],
    what: str,
    refresh_every: float,
    items: Callable[[dict[str, Any]], list[dict[str, Any]]],
    ready: threading.Event | None,
) -> None:
    await run_in_threadpool(refresh)
    refreshed = time.monotonic()
    events = bus.subscribe(
        topic,
        after=None,
        keep=lambda e: e.type == type,
        heartbeat=refresh_every,
        pinned=None if ready is None else ready.set,
    )
    async for event in events:
        try:
            if time.monotonic() - refreshed >= refresh_every:
                await run_in_threadpool(refresh)
                refreshed = time.monotonic()
            if event is not None:
                await run_in_threadpool(handle, items(event.data))
        except Exception:  # one bad window must not stop the task for good
            log.exception("%s failed on event %s", what, event and event.id)
