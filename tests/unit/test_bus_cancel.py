"""A follower of the in-process bus stops when cancelled, even when the cancellation lands
just as an event arrives.

On Python 3.11 `asyncio.wait_for` swallows a cancellation that arrives in the same turn of
the loop as the awaited result; the bus's follower then went on following, and a server's
shutdown waited for it for ever (seen as a hang of the feed's lifespan test under load).
Each case below cancels at a different turn after a publish; with `wait_for` three of them
never stopped."""

from __future__ import annotations

import asyncio

import pytest

from mystocks.adapters.bus import InProcessEventBus


@pytest.mark.parametrize("turns", range(6))
async def test_a_follower_cancelled_as_an_event_arrives_stops(turns: int) -> None:
    bus = InProcessEventBus()
    following = asyncio.Event()

    async def follow() -> None:
        events = bus.subscribe(
            "market", after=None, keep=lambda e: True, heartbeat=30.0, pinned=following.set
        )
        async for _ in events:
            pass

    task = asyncio.create_task(follow())
    await following.wait()
    for _ in range(3):  # into its wait for the next event
        await asyncio.sleep(0)
    bus.publish("market", "ticks", {})
    for _ in range(turns):
        await asyncio.sleep(0)
    task.cancel()
    # Waiting, not timing: a follower that stops does so within a few turns of the loop; one
    # that swallowed the cancellation would wait out its 30 s heartbeat and more.
    done, _ = await asyncio.wait({task}, timeout=10)
    task.cancel()
    assert task in done and task.cancelled()
