"""One WebSocket connection's bounded queue, drained into a few frames per batch window.

Fan-out costs per frame, not per tick (DESIGN.md: ~40k frames/s per core through Starlette), so
what waits for a connection is kept as pre-encoded JSON fragments, shared by every connection
that receives them, and joined into one `ticks`, one `bars` and one `quotes` frame per window.
Bounds, so a reader that stops never grows the server's memory:
- ticks and bars: at most `limit` items each; on overflow the oldest are dropped and counted,
  and the next frame of that kind is preceded by a `gap` message;
- quotes: conflated, the newest per symbol (at most one per subscribed symbol);
- signals, orders, alerts: at most `limit` messages, the oldest dropped into a `gap` likewise;
- answers to the client (ack, error, pong): at most `limit`; past that the client is asking far
  faster than it reads, and `push_control` says so (the connection is closed as too slow).
"""

from __future__ import annotations

import datetime as dt
from collections import deque

import orjson

from mystocks import metrics

Ref = tuple[str, str]  # (newest bus event id, its occurred_at in ISO 8601)

BATCHED = ("ticks", "bars")
# Frames stay well under the 1 MiB a client library accepts by default (`websockets`' max_size):
# a batch of more items than this goes out in several frames.
FRAME_ITEMS = 1000


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def control_frame(type_: str, request_id: str | None, data: object, channel: str | None) -> bytes:
    """An `ack`, `error` or `pong` message (`id` echoes the client's request id)."""
    return orjson.dumps(
        {
            "id": request_id or "",
            "type": type_,
            "channel": channel,
            "occurred_at": now_iso(),
            "data": data,
        }
    )


def _batch_frame(kind: str, ref: Ref, items: bytes) -> bytes:
    # Event ids are digits (in process) or `digits-digits` (Redis stream ids), and ISO times need
    # no escaping either: the envelope is formatted, and only the items were ever JSON-encoded.
    return b'{"id":"%s","type":"%s","channel":"%s","occurred_at":"%s","data":{"items":[%s]}}' % (
        ref[0].encode(),
        kind.encode(),
        kind.encode(),
        ref[1].encode(),
        items,
    )


class Outbox:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._fragments: dict[str, list[tuple[bytes, int]]] = {kind: [] for kind in BATCHED}
        self._counts: dict[str, int] = dict.fromkeys(BATCHED, 0)
        self._quotes: dict[str, bytes] = {}
        self._messages: deque[tuple[str, bytes]] = deque()
        self._control: deque[bytes] = deque()
        self._dropped: dict[str, int] = {}
        self._refs: dict[str, Ref] = {}

    def add(self, kind: str, fragment: bytes, count: int, ref: Ref) -> None:
        """`count` items of a batched kind, as `fragment`: JSON objects joined by commas."""
        pending = self._counts[kind]
        if pending and pending + count > self.limit:
            self._dropped[kind] = self._dropped.get(kind, 0) + pending
            self._fragments[kind].clear()
            pending = 0
        self._fragments[kind].append((fragment, count))
        self._counts[kind] = pending + count
        self._refs[kind] = ref

    def quote(self, symbol: str, fragment: bytes, ref: Ref) -> None:
        self._quotes[symbol] = fragment
        self._refs["quotes"] = ref

    def message(self, kind: str, frame: bytes, ref: Ref) -> None:
        """A whole message (signal, order, alert), encoded once for all its receivers."""
        if len(self._messages) >= self.limit:
            dropped_kind, _ = self._messages.popleft()
            self._dropped[dropped_kind] = self._dropped.get(dropped_kind, 0) + 1
        self._messages.append((kind, frame))
        self._refs[kind] = ref

    def push_control(self, frame: bytes) -> bool:
        """Queue an answer to the client; False when too many are waiting already."""
        if len(self._control) >= self.limit:
            return False
        self._control.append(frame)
        return True

    def take(self) -> list[bytes]:
        """Everything waiting, as frames in the order to send them; the outbox is then empty."""
        frames = list(self._control)
        self._control.clear()
        for kind, dropped in self._dropped.items():
            ref = self._refs.get(kind, ("", now_iso()))
            gap = {"id": ref[0], "type": "gap", "channel": kind, "occurred_at": now_iso()}
            frames.append(orjson.dumps({**gap, "data": {"dropped": dropped}}))
            metrics.EVENTS_DROPPED.labels(kind).inc(dropped)
        self._dropped.clear()
        frames.extend(frame for _, frame in self._messages)
        self._messages.clear()
        for kind in BATCHED:
            if self._counts[kind]:
                frames.extend(self._split(kind))
                self._fragments[kind].clear()
                self._counts[kind] = 0
        if self._quotes:
            items = b",".join(self._quotes.values())
            frames.append(_batch_frame("quotes", self._refs["quotes"], items))
            self._quotes.clear()
        return frames

    def _split(self, kind: str) -> list[bytes]:
        frames: list[bytes] = []
        chunk: list[bytes] = []
        items = 0
        for fragment, count in self._fragments[kind]:
            if chunk and items + count > FRAME_ITEMS:
                frames.append(_batch_frame(kind, self._refs[kind], b",".join(chunk)))
                chunk, items = [], 0
            chunk.append(fragment)
            items += count
        frames.append(_batch_frame(kind, self._refs[kind], b",".join(chunk)))
        return frames
