"""A bus subscription says when its start is fixed (`pinned`), and what follows the bus says it
is ready: from then on every event published reaches it, so nobody sleeps and hopes."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from mystocks.adapters.bus import EventBus, InProcessEventBus
from mystocks.adapters.follow import follow
from mystocks.live.hub import TOPICS, Hub


async def first_after_pinning(bus: EventBus) -> Any:
    """Publish once before subscribing and once after `pinned`: the second is the first seen."""
    bus.publish("market", "ticks", {"n": "before"})
    pinned = asyncio.Event()
    events = bus.subscribe(
        "market", after=None, keep=lambda e: True, heartbeat=5.0, pinned=pinned.set
    )
    first = asyncio.ensure_future(anext(events))
    await asyncio.wait_for(pinned.wait(), 10)
    bus.publish("market", "ticks", {"n": "after"})
    event = await asyncio.wait_for(first, 10)
    await events.aclose()  # type: ignore[attr-defined]
    return event.data


async def test_an_event_published_after_pinning_is_seen_and_none_before() -> None:
    assert await first_after_pinning(InProcessEventBus()) == {"n": "after"}


async def test_a_follower_is_ready_before_the_first_event_it_must_see() -> None:
    bus = InProcessEventBus()
    ready = threading.Event()
    seen: list[list[dict[str, Any]]] = []
    task = asyncio.create_task(
        follow(bus, "market", "ticks", seen.append, lambda: None, what="test", ready=ready)
    )
    try:
        assert await asyncio.to_thread(ready.wait, 10)
        bus.publish("market", "ticks", {"items": [{"n": 1}]})
        for _ in range(1000):  # the handler runs in the thread pool: wait for it, not a time
            if seen:
                break
            await asyncio.sleep(0.01)
        assert seen == [[{"n": 1}]]
    finally:
        task.cancel()


class NoAuth:
    async def verify(self, token: str) -> Any:
        raise AssertionError("not asked")


async def test_the_hub_says_when_it_follows_every_topic() -> None:
    bus = InProcessEventBus()
    hub = Hub(bus, NoAuth(), batch_seconds=0.05, reverify_seconds=60, stall_seconds=60)  # type: ignore[arg-type]
    assert await hub.following(within=0.01) is False  # nothing follows before a connection
    hub._tasks = [asyncio.create_task(hub._follow(topic)) for topic in TOPICS]
    try:
        assert await hub.following(within=10) is True
    finally:
        await hub.stop()


async def test_a_stopped_hub_no_longer_says_it_follows() -> None:
    bus = InProcessEventBus()
    hub = Hub(bus, NoAuth(), batch_seconds=0.05, reverify_seconds=60, stall_seconds=60)  # type: ignore[arg-type]
    hub._tasks = [asyncio.create_task(hub._follow(topic)) for topic in TOPICS]
    assert await hub.following(within=10) is True
    await hub.stop()
    assert await hub.following(within=0.01) is False
