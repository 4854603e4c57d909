"""The feed's live 1-minute bars, and the replay's pace (lunch break squeezed out)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd

from mystocks.live.replay import ReplayProvider
from mystocks.live.rollup import MinuteBars
from mystocks.live.simulated import DemoClock, SimulatedProvider

CN = ZoneInfo("Asia/Shanghai")
INSTRUMENTS = {
    s: {"symbol": s, "timezone": "Asia/Shanghai", "market": "CN", "tick_size": 0.01,
        "lot_size": 100, "price_limit_pct": 0.1}
    for s in ("600036.SH", "000002.SZ")
}  # fmt: skip


def frame(rows: list[tuple[str, str, float, int]]) -> pd.DataFrame:
    ticks = pd.DataFrame(rows, columns=["symbol", "ts", "price", "volume"])
    ticks["ts"] = pd.to_datetime(ticks["ts"]).dt.tz_localize(CN).dt.tz_convert("UTC")
    ticks["ts"] = ticks["ts"].astype("datetime64[ms, UTC]")
    ticks["amount"] = ticks["price"] * ticks["volume"]
    return ticks


def test_live_bars_equal_an_end_stamped_aggregation_of_the_same_ticks():
    provider = SimulatedProvider(
        list(INSTRUMENTS.values()),
        {"600036.SH": 25.0, "000002.SZ": 20.5},
        clock=DemoClock(),
        rate=50,
        seed=11,
    )
    start = dt.datetime(2026, 11, 24, 20, 0, 20, tzinfo=CN)
    bars, closed, ticks = MinuteBars(INSTRUMENTS), [], []
    for i in range(200):  # 200 s in 1 s windows, bars closing as the clock passes their end
        batch = provider.poll(start + dt.timedelta(seconds=i))
        ticks.append(batch.ticks)
        closed += bars.add(batch.ticks) + bars.close_until(int(batch.clock.timestamp() * 1000))
    closed += bars.close_all()
    every = pd.concat(ticks, ignore_index=True)
    end = every["ts"].dt.floor("min") + pd.Timedelta(minutes=1)
    expected = (
        every.assign(end=end.astype("datetime64[ms, UTC]").astype("int64"))
        .groupby(["symbol", "end"])
        .agg(open=("price", "first"), high=("price", "max"), low=("price", "min"),
             close=("price", "last"), volume=("volume", "sum"), amount=("amount", "sum"))
        .reset_index()
    )  # fmt: skip
    got = pd.DataFrame(
        [(b.symbol, b.end, b.open, b.high, b.low, b.close, b.volume, b.amount) for b in closed],
        columns=list(expected.columns),
    ).sort_values(["symbol", "end"], ignore_index=True)
    assert len(got) == len(expected) >= 8
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def at(local: str) -> int:
    return int(pd.Timestamp(local, tz=CN).value // 10**6)


def test_closing_prints_join_the_last_bar_and_the_clock_closes_it_before_lunch():
    bars = MinuteBars(INSTRUMENTS)
    closed = bars.add(frame([
        ("600036.SH", "2017-07-26 11:29:10", 25.0, 100),
        ("600036.SH", "2017-07-26 11:30:00", 25.1, 300),  # the closing print
    ]))  # fmt: skip
    assert closed == []
    assert bars.close_until(at("2017-07-26 11:29:59.999")) == []
    (bar,) = bars.close_until(at("2017-07-26 11:30"))
    assert (bar.open, bar.close, bar.volume) == (25.0, 25.1, 400)
    assert bar.end == at("2017-07-26 11:30")
    (after_lunch,) = bars.add(frame([
        ("600036.SH", "2017-07-26 13:00:00", 25.2, 100),  # an open, not a close: the 13:01 bar
        ("600036.SH", "2017-07-26 13:01:00", 25.3, 100),
    ]))  # fmt: skip
    assert after_lunch.end == at("2017-07-26 13:01")


def test_a_replay_keeps_the_pace_times_speed_and_skips_the_lunch_break():
    ticks = frame([
        ("600036.SH", "2017-07-26 10:00:00", 25.0, 100),
        ("600036.SH", "2017-07-26 10:00:30", 25.1, 100),
        ("000002.SZ", "2017-07-26 10:00:30", 20.0, 100),  # same instant: given order kept
        ("600036.SH", "2017-07-26 11:29:50", 25.2, 100),
        ("000002.SZ", "2017-07-26 13:00:10", 20.1, 100),
        ("600036.SH", "2017-07-26 14:59:50", 25.3, 100),
    ])  # fmt: skip
    # Trading seconds after 10:00:00, worked out by hand: 11:30 is 5400 s on, and 13:00:10
    # comes 10 s after it; 14:59:50 is 5400 + 7190.
    expected = [0, 30, 30, 5390, 5410, 12590]
    provider = ReplayProvider(ticks, dt.date(2017, 7, 26), speed=1000)
    t0 = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
    seen: list[tuple[int, str, float]] = []
    # At 1000x a trading second is a wall millisecond: poll a millisecond before each tick is
    # due (it must not come yet) and when it is due (it must come).
    for poll in sorted({t for o in expected for t in (o - 1, o) if t >= 0}):
        batch = provider.poll(t0 + dt.timedelta(milliseconds=poll))
        pairs = zip(batch.ticks["symbol"], batch.ticks["price"], strict=True)
        seen += [(poll, s, p) for s, p in pairs]
    assert batch.done
    assert [(s, p) for _, s, p in seen] == list(zip(ticks["symbol"], ticks["price"], strict=True))
    assert [ms for ms, _, _ in seen] == expected
    assert batch.clock == dt.datetime(2017, 7, 26, 14, 59, 50, tzinfo=CN)
