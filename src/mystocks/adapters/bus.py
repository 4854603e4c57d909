"""The event bus: publish after commit, subscribe with resume (`Last-Event-ID`).

`InProcessEventBus` keeps the newest events of each topic in memory (the retention window), so
a subscriber that reconnects with the id of the last event it saw receives everything after it
with no gap, as long as that id is still within the window. Publishing is thread-safe (job
results arrive on worker-management threads); subscribers are asyncio tasks woken through their
loops. A Redis implementation of the same interface comes with the multi-instance work.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from mystocks import metrics


@dataclass(frozen=True)
class Event:
    id: str  # increasing within a topic; what `Last-Event-ID` carries back
    topic: str
    type: str
    occurred_at: dt.datetime
    data: dict[str, Any]
    owner: str | None = None  # who may see it (admins see all); not part of the envelope

    def envelope(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "occurred_at": self.occurred_at.isoformat(),
            "data": self.data,
        }


class EventBus(Protocol):
    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> Event: ...

    def subscribe(
        self,
        topic: str,
        *,
        after: str | None,
        keep: Callable[[Event], bool],
        heartbeat: float,
        pinned: Callable[[], None] | None = None,
    ) -> AsyncIterator[Event | None]:
        """Events of `topic` after id `after` that `keep` accepts, then new ones as they come;
        None every `heartbeat` seconds of silence. `pinned` is called once the start is fixed
        (with `after=None`, "now"): every event published after that call will be seen, so a
        follower can say it is ready instead of its callers sleeping."""
        ...


class InProcessEventBus:
    def __init__(self, retention: int = 10_000) -> None:
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._events: dict[str, deque[Event]] = {}
        self._retention = retention
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> Event:
        with self._lock:
            event = Event(str(next(self._ids)), topic, type, dt.datetime.now(dt.UTC), data, owner)
            self._events.setdefault(topic, deque(maxlen=self._retention)).append(event)
            waiters = list(self._waiters)
        metrics.EVENTS_PUBLISHED.labels(topic).inc()
        for loop, flag in waiters:
            with contextlib.suppress(RuntimeError):  # that subscriber's loop has closed
                loop.call_soon_threadsafe(flag.set)
        return event

    def _after(self, topic: str, after: int) -> list[Event]:
        # From the newest back: a follower that keeps up reads a few events, not the window.
        fresh: list[Event] = []
        with self._lock:
            for event in reversed(self._events.get(topic, ())):
                if int(event.id) <= after:
                    break
                fresh.append(event)
        fresh.reverse()
        return fresh

    async def subscribe(
        self,
        topic: str,
        *,
        after: str | None,
        keep: Callable[[Event], bool],
        heartbeat: float,
        pinned: Callable[[], None] | None = None,
    ) -> AsyncIterator[Event | None]:
        flag = asyncio.Event()
        waiter = (asyncio.get_running_loop(), flag)
        with self._lock:
            self._waiters.add(waiter)
            if after is None:  # start from now
                newest = self._events.get(topic)
                position = int(newest[-1].id) if newest else 0
            else:  # ids here are integers; anything else (another bus's id) starts over
                position = int(after) if after.isdigit() else 0
        if pinned is not None:
            pinned()
        try:
            while True:
                flag.clear()
                fresh = self._after(topic, position)
                for event in fresh:
                    position = int(event.id)
                    if keep(event):
                        yield event
                if fresh:
                    continue
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
                # cancellation that lands as the flag is set, and the server's shutdown then
                # waits for this follower for ever.
                try:
                    async with asyncio.timeout(heartbeat):
                        await flag.wait()
                except TimeoutError:
                    yield None
        finally:
            with self._lock:
                self._waiters.discard(waiter)
