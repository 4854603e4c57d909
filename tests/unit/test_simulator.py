"""The intraday simulator must reproduce the real daily bars exactly and be cheap and seeded."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mystocks.market.sample_data import (
    SAMPLE_CN_INDEX,
    SAMPLE_CN_STOCKS,
    load_daily_bars,
)
from mystocks.market.simulator import MINUTE_COLUMNS, TICK_COLUMNS, simulate_intraday

Frames = tuple[pd.DataFrame, pd.DataFrame]


@pytest.fixture(scope="module")
def daily() -> pd.DataFrame:
    return load_daily_bars()


@pytest.fixture(scope="module")
def cn_daily(daily: pd.DataFrame) -> pd.DataFrame:
    return daily[daily["symbol"].isin(SAMPLE_CN_STOCKS)].reset_index(drop=True)


@pytest.fixture(scope="module")
def simulated(cn_daily: pd.DataFrame) -> Frames:
    # Its speed is measured where speed belongs: `bench/` (not a timed assertion here).
    return simulate_intraday(cn_daily)


@pytest.fixture(scope="module")
def minutes(simulated: Frames) -> pd.DataFrame:
    return simulated[0]


@pytest.fixture(scope="module")
def ticks(simulated: Frames) -> pd.DataFrame:
    return simulated[1]


def _local_day(ts: pd.Series, tz: str = "Asia/Shanghai") -> pd.Series:
    return ts.dt.tz_convert(tz).dt.normalize().dt.tz_localize(None).astype("datetime64[ns]")


def _per_day(ticks: pd.DataFrame, daily: pd.DataFrame, tz: str = "Asia/Shanghai") -> pd.DataFrame:
    days = ticks.assign(date=_local_day(ticks["ts"], tz)).groupby(["symbol", "date"])
    agg = days.agg(
        first=("price", "first"),
        last=("price", "last"),
        top=("price", "max"),
        bottom=("price", "min"),
        shares=("volume", "sum"),
    ).reset_index()
    return agg.merge(daily, on=["symbol", "date"], how="left", validate="one_to_one")


def test_shapes_columns_and_types(minutes: pd.DataFrame, ticks: pd.DataFrame) -> None:
    assert tuple(minutes.columns) == MINUTE_COLUMNS
    assert tuple(ticks.columns) == TICK_COLUMNS
    assert len(minutes) == 10 * 20 * 240
    assert len(ticks) == 10 * 20 * 240 * 6
    for frame in (minutes, ticks):
        assert str(frame["ts"].dtype) == "datetime64[ns, UTC]"
        assert frame["volume"].dtype == np.int64
        assert frame.equals(frame.sort_values(["symbol", "ts"], ignore_index=True))
        assert not frame.duplicated(["symbol", "ts"]).any()


def test_simulates_the_last_days_of_each_symbol(
    minutes: pd.DataFrame, cn_daily: pd.DataFrame
) -> None:
    simulated = minutes.assign(date=_local_day(minutes["ts"]))[["symbol", "date"]]
    expected = cn_daily.groupby("symbol").tail(20)[["symbol", "date"]]
    got = simulated.drop_duplicates().sort_values(["symbol", "date"], ignore_index=True)
    assert got.equals(expected.sort_values(["symbol", "date"], ignore_index=True))


def test_daily_invariants_on_real_data(ticks: pd.DataFrame, cn_daily: pd.DataFrame) -> None:
    per_day = _per_day(ticks, cn_daily)
    assert len(per_day) == 200
    assert (per_day["first"] == per_day["open"]).all()
    assert (per_day["last"] == per_day["close"]).all()
    assert (per_day["top"] == per_day["high"]).all()
    assert (per_day["bottom"] == per_day["low"]).all()
    assert (per_day["shares"] == per_day["volume"]).all()


def test_minute_bars_aggregate_the_ticks(minutes: pd.DataFrame, ticks: pd.DataFrame) -> None:
    end = ticks["ts"].dt.floor("min") + pd.Timedelta(minutes=1)
    agg = (
        ticks.assign(ts=end)
        .groupby(["symbol", "ts"])
        .agg(
            open=("price", "first"),
            high=("price", "max"),
            low=("price", "min"),
            close=("price", "last"),
            volume=("volume", "sum"),
            amount=("amount", "sum"),
        )
        .reset_index()
    )
    exact = ["symbol", "ts", "open", "high", "low", "close", "volume"]
    assert agg[exact].equals(minutes[exact])
    # Amounts are summed exactly in integer cent-shares; pandas' float sum may differ by ulps.
    assert np.allclose(agg["amount"], minutes["amount"], rtol=1e-12, atol=0)


def test_prices_on_the_cent_grid(minutes: pd.DataFrame, ticks: pd.DataFrame) -> None:
    for values in (ticks["price"], *(minutes[c] for c in ("open", "high", "low", "close"))):
        cents = values.to_numpy() * 100
        assert np.array_equal(np.rint(cents) / 100, values.to_numpy())
    assert np.allclose(ticks["amount"], ticks["price"] * ticks["volume"], rtol=1e-12)


def test_volumes_whole_lots_except_odd_remainder(
    ticks: pd.DataFrame, cn_daily: pd.DataFrame
) -> None:
    assert (ticks["volume"] >= 0).all()
    dated = ticks.assign(date=_local_day(ticks["ts"]))
    not_last = dated.duplicated(["symbol", "date"], keep="last")
    assert (ticks.loc[not_last, "volume"] % 100 == 0).all()
    odd = ticks.loc[~not_last, "volume"] % 100  # the day's last tick takes the odd lot
    expected = cn_daily.groupby("symbol").tail(20)["volume"] % 100
    assert sorted(odd) == sorted(expected)


def test_minute_stamps_are_bar_ends_in_shanghai(minutes: pd.DataFrame) -> None:
    local = minutes["ts"].dt.tz_convert("Asia/Shanghai").dt.strftime("%H:%M")
    expected = [f"{m // 60:02d}:{m % 60:02d}" for m in range(9 * 60 + 31, 11 * 60 + 31)]
    expected += [f"{m // 60:02d}:{m % 60:02d}" for m in range(13 * 60 + 1, 15 * 60 + 1)]
    per_day = local.to_numpy().reshape(-1, 240)
    assert (per_day == np.array(expected)).all()


def test_ticks_fall_inside_their_minute(ticks: pd.DataFrame) -> None:
    seconds = ticks["ts"].dt.second.to_numpy().reshape(-1, 6)
    assert (seconds == np.array([0, 10, 20, 30, 40, 50])).all()
    local = ticks["ts"].dt.tz_convert("Asia/Shanghai")
    assert local.iloc[0].strftime("%H:%M:%S") == "09:30:00"
    assert local.dt.strftime("%H:%M").between("09:30", "14:59").all()
    assert not local.dt.strftime("%H:%M").between("11:30", "12:59").any()


def test_uneven_ticks_per_minute_stay_inside(cn_daily: pd.DataFrame) -> None:
    _, ticks = simulate_intraday(cn_daily, days=2, ticks_per_minute=7)
    assert len(ticks) == 10 * 2 * 240 * 7
    start = ticks["ts"].dt.floor("min")
    assert ((ticks["ts"] - start) < pd.Timedelta(minutes=1)).all()
    per_day = _per_day(ticks, cn_daily)
    assert (per_day["shares"] == per_day["volume"]).all()
    assert (per_day["top"] == per_day["high"]).all()


def test_deterministic_per_seed(cn_daily: pd.DataFrame, ticks: pd.DataFrame) -> None:
    again_minutes, again_ticks = simulate_intraday(cn_daily)
    assert again_ticks.equals(ticks)
    other_minutes, other_ticks = simulate_intraday(cn_daily, seed=1)
    assert not other_ticks["price"].equals(ticks["price"])
    assert not other_ticks["volume"].equals(ticks["volume"])
    assert not other_minutes.equals(again_minutes)


def test_index_and_thin_days(daily: pd.DataFrame) -> None:
    # 万达院线's first days after its IPO were one-price limit-up days with a few hundred lots.
    ipo = daily[(daily["symbol"] == "002739.SZ")].head(3)
    index = daily[daily["symbol"] == SAMPLE_CN_INDEX]
    both = pd.concat([ipo, index], ignore_index=True)
    minutes, ticks = simulate_intraday(both, days=3)
    per_day = _per_day(ticks, both)
    assert (per_day["first"] == per_day["open"]).all()
    assert (per_day["shares"] == per_day["volume"]).all()
    flat = per_day[per_day["high"] == per_day["low"]]
    assert len(flat) >= 2 and (flat["top"] == flat["bottom"]).all()
    is_index = ticks["symbol"] == SAMPLE_CN_INDEX
    assert ticks.loc[is_index, "amount"].isna().all()  # the index has no turnover
    assert ticks.loc[~is_index, "amount"].notna().all()
    assert minutes.loc[minutes["symbol"] == SAMPLE_CN_INDEX, "amount"].isna().all()


def test_us_sessions_including_an_early_close(daily: pd.DataFrame) -> None:
    aapl = daily[(daily["symbol"] == "AAPL.US") & (daily["date"] <= "2012-11-23")]
    minutes, ticks = simulate_intraday(aapl, days=2, ticks_per_minute=2)
    local = minutes["ts"].dt.tz_convert("America/New_York")
    counts = local.dt.date.value_counts().sort_index()
    assert counts.tolist() == [390, 210]  # 2012-11-21 full day, 11-23 closes at 13:00
    assert local.iloc[0].strftime("%H:%M") == "09:31"
    assert local.iloc[-1].strftime("%Y-%m-%d %H:%M") == "2012-11-23 13:00"
    per_day = _per_day(ticks, aapl, tz="America/New_York")
    assert (per_day["last"] == per_day["close"]).all()
    assert (per_day["shares"] == per_day["volume"]).all()


def test_rejects_bad_input(cn_daily: pd.DataFrame) -> None:
    one = cn_daily.tail(1).copy()
    with pytest.raises(ValueError, match=r"0\.01 price grid"):
        simulate_intraday(one.assign(close=one["close"] + 0.001))
    with pytest.raises(ValueError, match="high >= max"):
        simulate_intraday(one.assign(high=one["low"]))
    with pytest.raises(ValueError, match="not a XSHG trading day"):
        simulate_intraday(one.assign(date=pd.Timestamp("2017-10-02")))
    with pytest.raises(ValueError, match="cannot tell the exchange"):
        simulate_intraday(one.assign(symbol="00700.HK"))
    with pytest.raises(ValueError, match="lack columns"):
        simulate_intraday(one.drop(columns="volume"))
    with pytest.raises(ValueError, match="repeat"):
        simulate_intraday(pd.concat([one, one]))
    with pytest.raises(ValueError, match="at least 1"):
        simulate_intraday(one, days=0)


def test_empty_input(cn_daily: pd.DataFrame) -> None:
    minutes, ticks = simulate_intraday(cn_daily.head(0))
    assert minutes.empty and tuple(minutes.columns) == MINUTE_COLUMNS
    assert ticks.empty and tuple(ticks.columns) == TICK_COLUMNS


def test_accepts_python_dates(cn_daily: pd.DataFrame) -> None:
    tail = cn_daily.tail(2)
    as_dates = tail.assign(date=[d.date() for d in tail["date"]])
    assert simulate_intraday(as_dates)[1].equals(simulate_intraday(tail)[1])
