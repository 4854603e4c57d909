"""The WebSocket hub and outboxes without a network: routing, bounds, gaps, stalls, revocation."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import orjson
import pytest
import yaml
from mystocks_contract.models import WsServerMessage

from mystocks.adapters.bus import Event, InProcessEventBus
from mystocks.identity.auth import Principal
from mystocks.live.channels import ChannelRefused, parse
from mystocks.live.hub import CLOSE_AUTH, CLOSE_TOO_SLOW, Hub, Subscriber
from mystocks.live.outbox import FRAME_ITEMS, Outbox

ALICE = Principal("alice", "viewer", 2**40, "sid", 2**40)
SCHEMAS = Path(__file__).resolve().parents[2] / "openapi" / "components" / "schemas"
ORDER = yaml.safe_load((SCHEMAS / "Order.yaml").read_text())["example"]


def event(n: int, topic: str, type_: str, data: dict, owner: str | None = None) -> Event:
    return Event(str(n), topic, type_, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), data, owner)


def tick(symbol: str, n: int) -> dict:
    return {
        "symbol": symbol,
        "ts": "2026-01-01T09:30:00+08:00",
        "price": 1.0,
        "volume": n,
        "amount": 1.0,
    }


def decoded(outbox: Outbox) -> list[dict]:
    frames = [orjson.loads(frame) for frame in outbox.take()]
    for frame in frames:
        WsServerMessage.model_validate(frame)
    return frames


def quick_hub(auth: object, seconds: float) -> Hub:
    """A hub on an in-process bus whose windows and checks all take `seconds`."""
    return Hub(
        InProcessEventBus(),
        auth,  # type: ignore[arg-type]
        batch_seconds=seconds,
        reverify_seconds=seconds,
        stall_seconds=seconds,
    )


def test_channel_names():
    assert parse("ticks:600036.sh", "a").name == "ticks:600036.SH"
    assert parse("orders", "alice").key == "orders:alice"
    assert parse("signals:7", "a").strategy_id == 7
    watchlist = parse("quotes:watchlist:12", "a")
    assert (watchlist.name, watchlist.kind, watchlist.watchlist_id) == (
        "quotes:watchlist:12",
        "quotes",
        12,
    )
    for bad, code in (("bars:600036.SH:1d", "unsupported_period"), ("x", "unknown_channel")):
        with pytest.raises(ChannelRefused) as refused:
            parse(bad, "a")
        assert refused.value.code == code


def test_an_overflowing_queue_drops_the_oldest_and_says_how_many():
    outbox = Outbox(limit=10)
    for n in range(4):  # 4 events of 4 ticks: the first two overflow
        outbox.add(
            "ticks",
            orjson.dumps([tick("A.SH", 4 * n + i) for i in range(4)])[1:-1],
            4,
            (str(n), "2026-01-01T00:00:00+00:00"),
        )
    gap, ticks = decoded(outbox)
    assert (gap["type"], gap["channel"], gap["data"]) == ("gap", "ticks", {"dropped": 8})
    assert [t["volume"] for t in ticks["data"]["items"]] == list(range(8, 16))
    assert ticks["id"] == "3" and outbox.take() == []


def test_big_batches_are_split_into_frames_and_quotes_conflated():
    outbox = Outbox(limit=10 * FRAME_ITEMS)
    for n in range(3):
        items = [tick("A.SH", n * 600 + i) for i in range(600)]
        outbox.add("ticks", orjson.dumps(items)[1:-1], 600, (str(n), "2026-01-01T00:00:00Z"))
    for last in range(5):
        outbox.quote("A.SH", orjson.dumps({"symbol": "A.SH", "last": last}), ("9", "t"))
    frames = [orjson.loads(frame) for frame in outbox.take()]
    assert [len(f["data"]["items"]) for f in frames[:-1]] == [600, 600, 600]
    assert frames[-1]["data"]["items"] == [{"symbol": "A.SH", "last": 4}]


async def test_routing_reaches_only_the_channels_subscribers():
    hub = quick_hub(None, 1.0)
    sent: list[bytes] = []

    async def send(frame: bytes) -> None:
        sent.append(frame)

    alice, bob = Subscriber(ALICE, "t", send, 100), Subscriber(ALICE, "t", send, 100)
    hub.subscribe(alice, parse("ticks:A.SH", "alice"))
    hub.subscribe(alice, parse("orders", "alice"))
    hub.subscribe(bob, parse("ticks:B.SH", "bob"))
    hub.route(event(1, "market", "ticks", {"items": [tick("A.SH", 1), tick("B.SH", 2)]}))
    hub.route(event(2, "orders", "order_update", ORDER | {"id": 1}, owner="bob"))
    hub.route(event(3, "orders", "order_update", ORDER | {"id": 2}, owner="alice"))
    frames = decoded(alice.outbox)
    assert [f["type"] for f in frames] == ["order_update", "ticks"]
    assert frames[0]["data"] == ORDER | {"id": 2}
    assert [t["volume"] for t in frames[1]["data"]["items"]] == [1]
    assert [t["volume"] for t in decoded(bob.outbox)[0]["data"]["items"]] == [2]


def quote(symbol: str, last: float) -> dict:
    return {"symbol": symbol, "last": last}


async def test_a_watchlist_channel_routes_each_of_its_symbols_quotes():
    from dataclasses import replace

    hub = quick_hub(None, 1.0)

    async def send(frame: bytes) -> None:
        pass

    alice = Subscriber(ALICE, "t", send, 100)
    watchlist = replace(parse("quotes:watchlist:3", "alice"), symbols=("A.SH", "B.SH"))
    hub.subscribe(alice, watchlist)
    hub.subscribe(alice, parse("quotes:A.SH", "alice"))
    items = [quote("A.SH", 1), quote("B.SH", 2), quote("C.SH", 3)]
    hub.route(event(1, "market", "quotes", {"items": items}))
    [frame] = [orjson.loads(f) for f in alice.outbox.take()]
    assert frame["type"] == "quotes"  # one quote per symbol, however many channels name it
    assert frame["data"]["items"] == [quote("A.SH", 1), quote("B.SH", 2)]

    # Subscribing again replaces the symbols; a symbol another channel needs stays routed.
    hub.subscribe(alice, replace(watchlist, symbols=("B.SH", "C.SH")))
    hub.route(event(2, "market", "quotes", {"items": items}))
    assert len(orjson.loads(alice.outbox.take()[0])["data"]["items"]) == 3
    hub.unsubscribe(alice, watchlist.name)
    hub.route(event(3, "market", "quotes", {"items": items}))
    assert orjson.loads(alice.outbox.take()[0])["data"]["items"] == [quote("A.SH", 1)]
    hub.detach(alice)
    assert hub._index == {}


class _Auth:
    def __init__(self) -> None:
        self.revoked: set[str] = set()

    async def verify(self, token: str) -> Principal:
        from mystocks.errors import AuthenticationFailed

        if token in self.revoked:
            raise AuthenticationFailed("signed out")
        return ALICE


async def test_a_stalled_send_closes_4429_and_a_revoked_token_4401():
    auth = _Auth()
    hub = quick_hub(auth, 0.05)
    never = asyncio.Event()

    async def stuck(_frame: bytes) -> None:
        await never.wait()

    async def fine(_frame: bytes) -> None:
        return None

    slow, signed_out = Subscriber(ALICE, "a", stuck, 10), Subscriber(ALICE, "b", fine, 10)
    for subscriber in (slow, signed_out):
        hub.attach(subscriber)
        hub.subscribe(subscriber, parse("ticks:A.SH", "alice"))
    pumps = [asyncio.create_task(s.pump()) for s in (slow, signed_out)]
    hub.route(event(1, "market", "ticks", {"items": [tick("A.SH", 1)]}))
    auth.revoked.add("b")
    assert (await asyncio.wait_for(slow.closing, 2))[0] == CLOSE_TOO_SLOW
    assert (await asyncio.wait_for(signed_out.closing, 2))[0] == CLOSE_AUTH
    for pump in pumps:
        pump.cancel()
    await hub.stop()
