"""The simulated feed provider: the A-share price grid and limit bands, and its clocks."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from mystocks.live.simulated import DemoClock, SessionClock, SimulatedProvider

CN = ZoneInfo("Asia/Shanghai")


def stock(symbol: str, band: float) -> dict[str, object]:
    return {"symbol": symbol, "tick_size": 0.01, "lot_size": 100, "price_limit_pct": band}


def band_of(prev_close: str, pct: str) -> tuple[Decimal, Decimal]:
    """The exchanges' rule, written out here independently of the code under test."""
    base, p, cent = Decimal(prev_close), Decimal(pct), Decimal("0.01")
    return (
        (base * (1 + p)).quantize(cent, ROUND_HALF_UP),
        (base * (1 - p)).quantize(cent, ROUND_HALF_UP),
    )


def run(provider: SimulatedProvider, start: dt.datetime, polls: int, step: float) -> pd.DataFrame:
    frames = [provider.poll(start + dt.timedelta(seconds=i * step)).ticks for i in range(polls)]
    return pd.concat(frames, ignore_index=True)


def on_grid(price: float) -> bool:
    text = Decimal(repr(price))
    return text == text.quantize(Decimal("0.01"))


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    cents=st.integers(100, 300_000),
    pct=st.sampled_from(["0.05", "0.10", "0.20"]),
    volatility=st.sampled_from([0.001, 0.01, 0.08]),
)
def test_prices_stay_on_the_grid_and_inside_the_band(seed, cents, pct, volatility):
    prev = f"{cents / 100:.2f}"
    provider = SimulatedProvider(
        [stock("300001.SZ", float(pct))],
        {"300001.SZ": float(prev)},
        clock=DemoClock(),
        rate=400,
        seed=seed,
        volatility=volatility,
    )
    ticks = run(provider, dt.datetime(2026, 11, 24, 20, tzinfo=CN), 6, 0.5)
    up, down = band_of(prev, pct)
    assert len(ticks) > 0
    assert all(on_grid(p) for p in ticks["price"])
    assert ticks["price"].max() <= float(up) and ticks["price"].min() >= float(down)
    assert (ticks["volume"] % 100 == 0).all() and (ticks["volume"] > 0).all()
    assert ticks["amount"].tolist() == (ticks["price"] * ticks["volume"]).tolist()


def test_a_wild_walk_is_clipped_at_exactly_the_limit_prices():
    # 10.29 x 1.2 = 12.348 -> 12.35 and x 0.8 = 8.232 -> 8.23 (ChiNext, 20%);
    # 10.15 x 1.1 = 11.165 -> 11.17 half-up (half-even would say 11.16) (main board, 10%).
    provider = SimulatedProvider(
        [stock("300059.SZ", 0.20), stock("600036.SH", 0.10)],
        {"300059.SZ": 10.29, "600036.SH": 10.15},
        clock=DemoClock(),
        rate=1000,
        seed=3,
        volatility=0.08,
    )
    ticks = run(provider, dt.datetime(2026, 11, 24, 20, tzinfo=CN), 11, 1.0)
    chinext = ticks[ticks["symbol"] == "300059.SZ"]["price"]
    main = ticks[ticks["symbol"] == "600036.SH"]["price"]
    assert chinext.max() == 12.35 and chinext.min() == 8.23
    assert (chinext == 12.35).sum() > 1  # it sits at the limit, as limit-up stocks do
    assert main.max() == 11.17 and main.min() == float(band_of("10.15", "0.10")[1])


def test_the_same_seed_and_polls_give_the_same_ticks():
    def once(seed: int) -> pd.DataFrame:
        provider = SimulatedProvider(
            [stock("600036.SH", 0.1), stock("000002.SZ", 0.1)],
            {"600036.SH": 25.0, "000002.SZ": 20.5},
            clock=DemoClock(),
            rate=100,
            seed=seed,
        )
        return run(provider, dt.datetime(2026, 11, 24, 20, tzinfo=CN), 10, 0.2)

    pd.testing.assert_frame_equal(once(5), once(5))
    assert not once(5).equals(once(6))


def session_provider(clock: object) -> SimulatedProvider:
    return SimulatedProvider(
        [stock("600036.SH", 0.1)], {"600036.SH": 25.0}, clock=clock, rate=500, seed=1
    )  # type: ignore[arg-type]


def ticks_between(clock: object, start: dt.datetime, end: dt.datetime) -> pd.DataFrame:
    provider = session_provider(clock)
    polls = int((end - start).total_seconds() / 0.5)
    return run(provider, start, polls + 1, 0.5)


def test_the_session_clock_is_silent_at_lunch_and_on_days_without_trading():
    session = SessionClock()
    lunch = dt.datetime(2017, 7, 26, 11, 59, 30, tzinfo=CN)
    saturday = dt.datetime(2026, 11, 28, 10, 0, tzinfo=CN)
    national_day = dt.datetime(2017, 10, 2, 10, 0, tzinfo=CN)  # a Monday, a holiday
    for start in (lunch, saturday, national_day):
        assert ticks_between(session, start, start + dt.timedelta(minutes=1)).empty, start
        assert ticks_between(DemoClock(), start, start + dt.timedelta(minutes=1)).size > 0
    assert session.state(lunch) == "closed until 2017-07-26T13:00+08:00"
    assert session.state(saturday) == "closed until 2026-11-30T09:30+08:00"
    assert session.state(national_day) == "closed until 2017-10-09T09:30+08:00"


def test_the_session_clock_trades_in_sessions_and_stops_at_the_close():
    session = SessionClock()
    start = dt.datetime(2017, 7, 26, 11, 29, 30, tzinfo=CN)
    ticks = ticks_between(session, start, start + dt.timedelta(minutes=1))
    assert len(ticks) > 0
    close = pd.Timestamp("2017-07-26 11:30", tz=CN)
    assert ticks["ts"].min() >= pd.Timestamp(start) and ticks["ts"].max() <= close
    assert ticks["ts"].is_monotonic_increasing
    assert session.state(start) == "trading until 11:30"
