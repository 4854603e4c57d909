"""The live feed against real stores: writes before events, quotes equal to the endpoint's,
bars equal to the stored ones, a replay of a stored day, and the feed beside the server."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pandas as pd
import pytest

from mystocks.adapters.bus import Event, InProcessEventBus
from mystocks.adapters.manager import UnifiedManager
from mystocks.live.setup import FeedOptions, build_feed
from mystocks.market.quotes import build_quotes
from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy, login

SYMBOLS = ("600036.SH", "300059.SZ")  # a 10% and a 20% board
LAST_SAMPLE_DAY = dt.date(2017, 7, 26)
REPLAYED = ("600036.SH", "600809.SH")  # both traded on the last sample day


def ms(iso: str) -> int:
    return int(dt.datetime.fromisoformat(iso).timestamp() * 1000)


class StoreCheckingBus(InProcessEventBus):
    """Records, at each publish, whether the store already holds what the event announces."""

    def __init__(self, data: UnifiedManager) -> None:
        super().__init__()
        self.data = data
        self.unstored: list[tuple[str, Any]] = []

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> Event:
        if type == "quotes":  # what the endpoint would answer at this moment
            instruments = self.data.relational.get_instruments(q["symbol"] for q in data["items"])
            now = build_quotes(self.data, [instruments[q["symbol"]] for q in data["items"]])
            self.unstored += [(type, q) for q, n in zip(data["items"], now, strict=True) if q != n]
        store = self.data.timeseries
        stored = [i for i in data["items"] if i.get("period", "1m") == "1m"]  # 5m+: not stored
        symbols = {item["symbol"] for item in stored if type != "quotes"}
        for symbol in symbols:
            mine = [item for item in stored if item["symbol"] == symbol]
            lo, hi = ms(mine[0]["ts"]), ms(mine[-1]["ts"]) + 1
            if type == "ticks":
                rows = store.read_ticks(symbol, start=lo, end=hi, after=None, limit=10_000)
                held = {(r[0], r[1], r[2]) for r in rows}
                wanted = [(ms(t["ts"]), t["price"], t["volume"]) for t in mine]
            elif type == "bars":
                rows = store.read_minute_bars(symbol, start=lo, end=hi)
                held = {r[:7] for r in rows}
                wanted = [(ms(b["ts"]), *(b[k] for k in BAR_FIELDS)) for b in mine]
            else:
                continue
            self.unstored += [(type, item) for item in wanted if item not in held]
        return super().publish(topic, type, data, owner)


BAR_FIELDS = ("open", "high", "low", "close", "volume", "amount")


def market_events(bus: InProcessEventBus, kind: str) -> list[Event]:
    return [e for e in bus._events.get("market", ()) if e.type == kind]


def test_simulated_ticks_are_written_before_events_and_quotes_match_the_endpoint(writable_app):
    app, client, headers = writable_app
    data = app.services.data
    bus = StoreCheckingBus(data)
    options = FeedOptions("simulated", symbols=SYMBOLS, clock="demo", rate=10, seed=4)
    feed = build_feed(options, data, app.services.cache, bus)
    before = client.get("/api/v1/market/quotes", params={"symbols": ",".join(SYMBOLS)}).json()
    start = dt.datetime.now(dt.UTC).replace(second=50, microsecond=0)
    for i in range(40):  # 117 s of market time in 3 s windows: two bars close per symbol
        feed.step(start + dt.timedelta(seconds=3 * i))

    assert bus.unstored == []
    ticks = [t for e in market_events(bus, "ticks") for t in e.data["items"]]
    assert len(ticks) > 50 and feed.stats.ticks == len(ticks)
    latest: dict[str, dict[str, Any]] = {}
    for event in market_events(bus, "quotes"):
        latest.update({q["symbol"]: q for q in event.data["items"]})
    answer = client.get(
        "/api/v1/market/quotes", params={"symbols": ",".join(SYMBOLS)}, headers=headers
    ).json()
    assert answer != before
    assert {q["symbol"]: q for q in answer["items"]} == latest
    assert all(q["source"] == "simulated" for q in latest.values())

    bars = [b for e in market_events(bus, "bars") for b in e.data["items"] if b["period"] == "1m"]
    assert sorted(b["symbol"] for b in bars) == sorted(SYMBOLS * 2)
    for symbol in SYMBOLS:  # the stored bars are the minutes of the stored ticks
        stored = data.timeseries.read_ticks(
            symbol, start=int(start.timestamp() * 1000), end=None, after=None, limit=10_000
        )
        frame = pd.DataFrame(stored, columns=["ts", "price", "volume", "amount", "sim"])
        frame["end"] = (frame["ts"] // 60_000 + 1) * 60_000
        whole = frame[frame["end"] <= int((start + dt.timedelta(seconds=117)).timestamp() * 1000)]
        expected = [
            (end, g["price"].iloc[0], g["price"].max(), g["price"].min(), g["price"].iloc[-1],
             int(g["volume"].sum()))
            for end, g in whole.groupby("end")
        ]  # fmt: skip
        got = [(ms(b["ts"]), b["open"], b["high"], b["low"], b["close"], b["volume"])
               for b in bars if b["symbol"] == symbol]  # fmt: skip
        assert got == expected


def test_a_replay_emits_the_stored_day_in_order_and_writes_nothing(writable_app):
    app, client, headers = writable_app
    data = app.services.data
    counts = (data.timeseries.count("ticks"), data.timeseries.count("minute_bars"))
    bus = InProcessEventBus()
    options = FeedOptions("replay", symbols=REPLAYED, day=LAST_SAMPLE_DAY, speed=1000)
    feed = build_feed(options, data, app.services.cache, bus)
    t0 = dt.datetime.now(dt.UTC)
    wall = 0.0
    while not feed.done:  # a fake wall clock: 15 s of replay at 1000x in 0.2 s windows
        feed.step(t0 + dt.timedelta(seconds=wall))
        wall += 0.2
    feed.close(t0 + dt.timedelta(seconds=wall))
    assert 14.0 < wall < 14.8  # 4 h of trading at 1000x: 14.4 s, the lunch break squeezed out

    start = int(dt.datetime(2017, 7, 26, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    stored = {
        s: data.timeseries.read_ticks(s, start=start * 1000, end=(start + 86400) * 1000,
                                      after=None, limit=100_000)
        for s in REPLAYED
    }  # fmt: skip
    ticks = [t for e in market_events(bus, "ticks") for t in e.data["items"]]
    assert [(ms(t["ts"]), t["price"], t["volume"]) for t in ticks] == sorted(
        ((r[0], r[1], r[2]) for rows in stored.values() for r in rows), key=lambda r: r[0]
    )
    for symbol in REPLAYED:
        mine = [t for t in ticks if t["symbol"] == symbol]
        assert [(ms(t["ts"]), t["price"]) for t in mine] == [(r[0], r[1]) for r in stored[symbol]]
        bars = [b for e in market_events(bus, "bars") for b in e.data["items"]
                if b["symbol"] == symbol and b["period"] == "1m"]  # fmt: skip
        minute = data.timeseries.read_minute_bars(
            symbol, start=start * 1000, end=(start + 86400) * 1000
        )
        assert [(ms(b["ts"]), b["open"], b["high"], b["low"], b["close"], b["volume"])
                for b in bars] == [r[:6] for r in minute]  # fmt: skip
        assert [b["amount"] for b in bars] == pytest.approx([r[6] for r in minute])
    assert (data.timeseries.count("ticks"), data.timeseries.count("minute_bars")) == counts

    # The 5m to 60m bars published as they closed are the endpoint's bars of that day.
    for period in ("5m", "15m", "30m", "60m"):
        for symbol in REPLAYED:
            live = [
                {k: b[k] for k in ("ts", *BAR_FIELDS)}
                for e in market_events(bus, "bars")
                for b in e.data["items"]
                if b["symbol"] == symbol and b["period"] == period
            ]
            params = {"period": period, "start": "2017-07-26", "end": "2017-07-26"}
            page = client.get(f"/api/v1/market/bars/{symbol}", params=params, headers=headers)
            served = [{k: b[k] for k in ("ts", *BAR_FIELDS)} for b in page.json()["items"]]
            assert len(live) == 240 // int(period[:-1])
            assert [{**b, "amount": 0} for b in live] == [{**b, "amount": 0} for b in served]
            assert [b["amount"] for b in live] == pytest.approx([b["amount"] for b in served])

    # The day replayed is the newest stored one, so its final quotes are the endpoint's.
    final = {q["symbol"]: q for e in market_events(bus, "quotes") for q in e.data["items"]}
    answer = client.get(
        "/api/v1/market/quotes", params={"symbols": ",".join(REPLAYED)}, headers=headers
    ).json()
    for quote in answer["items"]:
        replayed = final[quote["symbol"]]
        assert replayed["amount"] == pytest.approx(quote["amount"])
        assert {**replayed, "amount": 0} == {**quote, "amount": 0}


def test_the_server_runs_the_feed_beside_it_and_stops_it(template_dir, tmp_path):
    from starlette.testclient import TestClient

    app = app_on_copy(
        template_dir, tmp_path, feed="simulated", feed_clock="demo", feed_rate=200,
        feed_window_seconds=0.05, feed_symbols="600036.SH",
    )  # fmt: skip
    bus = app.services.bus
    assert isinstance(bus, InProcessEventBus)
    with TestClient(app) as client:
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        deadline = time.monotonic() + 10
        while not market_events(bus, "quotes") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert market_events(bus, "quotes"), "no quotes event within 10 s"
        quote = client.get("/api/v1/market/quotes/600036.SH", headers=headers).json()
        assert quote["source"] == "simulated"
    assert not [t for t in threading.enumerate() if t.name == "live-feed"]


def test_a_symbol_s_day_is_read_back_once_then_kept_up_from_its_ticks(writable_app, monkeypatch):
    import mystocks.live.feed as feed_module

    app, _, _ = writable_app
    read_back: list[str] = []

    def counting(data: Any, instruments: Any) -> Any:
        read_back.extend(i["symbol"] for i in instruments)
        return build_quotes(data, instruments)

    monkeypatch.setattr(feed_module, "build_quotes", counting)
    bus = StoreCheckingBus(app.services.data)
    options = FeedOptions("simulated", symbols=SYMBOLS, clock="demo", rate=10, seed=5)
    feed = build_feed(options, app.services.data, app.services.cache, bus)
    start = dt.datetime.now(dt.UTC).replace(second=10, microsecond=0)
    for i in range(30):
        feed.step(start + dt.timedelta(seconds=i))
    assert bus.unstored == []  # every quotes event still equals the endpoint's answer
    assert len(market_events(bus, "quotes")) > 10
    assert sorted(read_back) == sorted(SYMBOLS)  # once per symbol and day, not per window
