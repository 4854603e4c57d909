"""The WebSocket hub: one bus subscription per topic per process, routed to connections.

Connections never subscribe to the bus themselves (a Redis connection and a copy of every event
each would not scale); the hub follows the topics `market`, `signals`, `orders` and `alerts`
once, from its first connection on, and routes each event by channel into the outboxes of the
subscribers of that channel (`mystocks.live.outbox`). Every `batch_seconds` it wakes the
subscribers that have something waiting; each drains its outbox in its own task (`pump`), so a
reader that stops only ever blocks its own task.

A housekeeping loop closes connections whose one send has been blocked for `stall_seconds`
(4429), and every `reverify_seconds` checks each live token once more through
`AuthService.verify`, closing with 4401 the connections whose token expired or whose session was
signed out, on this server or any other sharing its Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import orjson

from mystocks.adapters.bus import Event, EventBus
from mystocks.errors import AuthenticationFailed, ServiceUnavailable
from mystocks.identity.auth import AuthService, Principal
from mystocks.live.channels import OWNED_KINDS, Channel, owned_key
from mystocks.live.outbox import Outbox, Ref

log = logging.getLogger("mystocks.ws")

TOPICS = ("market", "signals", "orders", "alerts")

# Close codes (the contract's `WsCloseCode`).
CLOSE_GOING_AWAY = 1001
CLOSE_TRY_LATER = 1013
CLOSE_AUTH = 4401
CLOSE_TIMEOUT = 4408
CLOSE_TOO_SLOW = 4429


class Subscriber:
    """One connection as the hub sees it: who, what it subscribed to, and its outbox."""

    def __init__(
        self,
        principal: Principal,
        token: str,
        send: Callable[[bytes], Awaitable[None]],
        queue_size: int,
    ) -> None:
        self.principal = principal
        self.token = token
        self.outbox = Outbox(queue_size)
        self.channels: dict[str, Channel] = {}
        self.wake = asyncio.Event()
        self.sending_since: float | None = None
        self.closing: asyncio.Future[tuple[int, str]] = asyncio.get_running_loop().create_future()
        self._send = send

    def close(self, code: int, reason: str) -> None:
        """Ask the connection to close (its endpoint sends the close frame)."""
        if not self.closing.done():
            self.closing.set_result((code, reason))

    def answer(self, frame: bytes) -> None:
        """Queue an answer to the client and send it now, not at the next batch window."""
        if self.outbox.push_control(frame):
            self.wake.set()
        else:
            self.close(CLOSE_TOO_SLOW, "too many answers waiting: read them")

    async def pump(self) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            for frame in self.outbox.take():
                self.sending_since = time.monotonic()
                await self._send(frame)
            self.sending_since = None


class Hub:
    def __init__(
        self,
        bus: EventBus,
        auth: AuthService,
        *,
        batch_seconds: float,
        reverify_seconds: float,
        stall_seconds: float,
    ) -> None:
        self.bus = bus
        self.auth = auth
        self.batch_seconds = batch_seconds
        self.reverify_seconds = reverify_seconds
        self.stall_seconds = stall_seconds
        self.subscribers: set[Subscriber] = set()
        self._index: dict[str, set[Subscriber]] = {}
        self._dirty: set[Subscriber] = set()
        self._tasks: list[asyncio.Task[None]] = []
        # Set per topic once the bus subscription's start is fixed (`following`).
        self._pinned: dict[str, asyncio.Event] = {}

    # -- connections ----------------------------------------------------------------------------
    def attach(self, subscriber: Subscriber) -> None:
        if not self._tasks:  # started with the first connection, on the serving loop
            self._tasks = [asyncio.create_task(self._follow(topic)) for topic in TOPICS]
            self._tasks += [asyncio.create_task(self._tick()), asyncio.create_task(self._sweep())]
        self.subscribers.add(subscriber)

    def detach(self, subscriber: Subscriber) -> None:
        for channel in subscriber.channels.values():
            self._unindex(subscriber, channel.keys)
        subscriber.channels.clear()
        self.subscribers.discard(subscriber)
        self._dirty.discard(subscriber)

    def subscribe(self, subscriber: Subscriber, channel: Channel) -> None:
        """Add (or replace, for a watchlist subscribed again) a channel of `subscriber`."""
        self.unsubscribe(subscriber, channel.name)
        subscriber.channels[channel.name] = channel
        for key in channel.keys:
            self._index.setdefault(key, set()).add(subscriber)

    def unsubscribe(self, subscriber: Subscriber, name: str) -> None:
        channel = subscriber.channels.pop(name, None)
        if channel is not None:
            # A symbol may be both `quotes:X` and in a watchlist channel: keep the keys that
            # another channel of this subscriber still needs.
            needed = {key for other in subscriber.channels.values() for key in other.keys}
            self._unindex(subscriber, [key for key in channel.keys if key not in needed])

    def _unindex(self, subscriber: Subscriber, keys: Iterable[str]) -> None:
        for key in keys:
            subscribers = self._index.get(key)
            if subscribers is not None:
                subscribers.discard(subscriber)
                if not subscribers:
                    del self._index[key]

    async def stop(self) -> None:
        for subscriber in list(self.subscribers):
            subscriber.close(CLOSE_GOING_AWAY, "server stopping")
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        self._pinned = {}  # a hub started again follows the bus from then on, not from before

    async def following(self, within: float) -> bool:
        """Wait (at most `within` seconds) until the hub follows every topic: from then on an
        event published reaches the subscribers of its channel. False if it did not in time
        (the bus is away); the hub keeps trying, and the caller goes on without the promise."""
        try:
            async with asyncio.timeout(within):
                for topic in TOPICS:
                    await self._pinned.setdefault(topic, asyncio.Event()).wait()
        except TimeoutError:
            return False
        return True

    # -- events ---------------------------------------------------------------------------------
    async def _follow(self, topic: str) -> None:
        after: str | None = None  # from now; after a failure, from the last event routed
        while True:
            try:
                # A short heartbeat keeps a blocking XREAD well inside Redis client timeouts.
                pinned = self._pinned.setdefault(topic, asyncio.Event())
                events = self.bus.subscribe(
                    topic, after=after, keep=_everything, heartbeat=5.0, pinned=pinned.set
                )
                async for event in events:
                    if event is not None:
                        after = event.id
                        self.route(event)
            except asyncio.CancelledError:
                raise
            except Exception:  # Redis gone, or a malformed event: log it, follow on
                log.exception("following the %s topic; retrying in 1 s", topic)
                await asyncio.sleep(1.0)

    def route(self, event: Event) -> None:
        """Put one bus event into the outboxes of its channels' subscribers, encoded once."""
        ref: Ref = (event.id, event.occurred_at.isoformat())
        index, dirty = self._index, self._dirty
        if event.topic == "market":
            items: list[dict[str, Any]] = event.data.get("items") or []
            if event.type == "quotes":
                for item in items:
                    subscribers = index.get(f"quotes:{item['symbol']}")
                    if subscribers:
                        fragment = orjson.dumps(item)
                        for subscriber in subscribers:
                            subscriber.outbox.quote(item["symbol"], fragment, ref)
                        dirty.update(subscribers)
                return
            if event.type not in ("ticks", "bars"):
                return
            groups: dict[str, list[dict[str, Any]]] = {}
            for item in items:
                key = (
                    f"ticks:{item['symbol']}"
                    if event.type == "ticks"
                    else f"bars:{item['symbol']}:{item.get('period', '1m')}"
                )
                if key in index:
                    groups.setdefault(key, []).append(item)
            for key, group in groups.items():
                fragment = orjson.dumps(group)[1:-1]  # the objects without the list's brackets
                for subscriber in index[key]:
                    subscriber.outbox.add(event.type, fragment, len(group), ref)
                dirty.update(index[key])
            return
        if event.topic == "signals":
            key = f"signals:{event.data.get('strategy_id')}"
            kind, type_ = "signals", "signal"
        elif event.topic in OWNED_KINDS and event.owner:
            key = owned_key(event.topic, event.owner)
            # The bus event's own type: orders -> order_update or trade, alerts -> risk_alert
            kind, type_ = event.topic, event.type
        else:
            return
        subscribers = index.get(key)
        if subscribers:
            channel = key if kind == "signals" else kind
            envelope = {"id": event.id, "type": type_, "channel": channel, "occurred_at": ref[1]}
            frame = orjson.dumps({**envelope, "data": event.data})
            for subscriber in subscribers:
                subscriber.outbox.message(kind, frame, ref)
            dirty.update(subscribers)

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self.batch_seconds)
            if self._dirty:
                dirty, self._dirty = self._dirty, set()
                for subscriber in dirty:
                    subscriber.wake.set()

    # -- housekeeping ---------------------------------------------------------------------------
    async def _sweep(self) -> None:
        next_verify = time.monotonic() + self.reverify_seconds
        while True:
            await asyncio.sleep(min(1.0, self.reverify_seconds, self.stall_seconds))
            now = time.monotonic()
            for subscriber in list(self.subscribers):
                started = subscriber.sending_since
                if started is not None and now - started > self.stall_seconds:
                    subscriber.close(CLOSE_TOO_SLOW, "too slow: the connection stopped reading")
            if now >= next_verify:
                next_verify = now + self.reverify_seconds
                await self.reverify()

    async def reverify(self) -> None:
        """Check every live token once (connections often share one) and close those refused."""
        by_token: dict[str, list[Subscriber]] = {}
        for subscriber in self.subscribers:
            by_token.setdefault(subscriber.token, []).append(subscriber)
        for token, subscribers in by_token.items():
            try:
                await self.auth.verify(token)
            except AuthenticationFailed as exc:
                for subscriber in subscribers:
                    subscriber.close(CLOSE_AUTH, exc.detail)
            except ServiceUnavailable:  # Redis is down and sign-in state fails closed
                return  # try again next round rather than cut everyone off on a blip


def _everything(_event: Event) -> bool:
    return True
