"""The dated board rules where they are applied: a backtest's band per bar, a quote's limits."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from mystocks.backtest import BarData, run_backtest
from mystocks.domain.boards import band_on, band_series, is_st, st_days
from mystocks.market.quotes import price_limits

UP = {"lookback": 1, "threshold": 0.0}  # momentum(1, 0): long while close > previous close
REFORM_WEEK = np.array(
    ["2020-08-19", "2020-08-20", "2020-08-21", "2020-08-24", "2020-08-25"], dtype="datetime64[D]"
)


def test_a_series_over_the_chinext_reform_changes_band_on_its_date() -> None:
    bands = band_series("300059.SZ", REFORM_WEEK)
    assert bands.tolist() == [0.10, 0.10, 0.10, 0.20, 0.20]
    minutes = np.array(["2020-08-21T10:00", "2020-08-24T10:00"], dtype="datetime64[s]")
    assert band_series("300059.SZ", minutes).tolist() == [0.10, 0.20]
    assert np.isnan(band_series("399006.SZ", REFORM_WEEK)).all()  # an index: no band
    assert band_series("300059.SZ", REFORM_WEEK[:0]).shape == (0,)


def test_st_by_name_and_its_dated_band() -> None:
    assert is_st("*ST海润") and is_st("ST康美") and not is_st("浦发银行") and not is_st(None)
    assert band_on("600654.SH", dt.date(2025, 7, 4), st=True) == 0.05
    assert band_on("600654.SH", dt.date(2025, 7, 7), st=True) == 0.10


def test_a_backtest_applies_each_days_band() -> None:
    """Bar 1 closes up (target long). The next open is 11% above that close: at ±10% (before
    the reform) it is a limit-up open and the buy waits; at ±20% (after) it fills there."""
    opens = [10.00, 10.20, 11.65, 11.70, 11.80]
    closes = [10.00, 10.50, 11.60, 11.80, 11.90]

    def first_buy(dates: np.ndarray) -> tuple[np.datetime64, float]:
        bands = band_series("300059.SZ", dates)
        o, c = np.array(opens), np.array(closes)
        data = BarData(dates, o, np.maximum(o, c), np.minimum(o, c), c, price_limit_pct=bands)
        trade = run_backtest({"300059.SZ": data}, "momentum", UP, initial_cash=10_000).trades[0]
        return trade.time, trade.price

    # 2020-08-19..25: bar 2 (08-21, ±10%: limit-up 11.55) cannot fill; bar 3 (08-24) does.
    assert first_buy(REFORM_WEEK) == (REFORM_WEEK[3], 11.71)
    # A week later every day is ±20%: bar 2 fills at its open plus a tick.
    later = REFORM_WEEK + 14
    assert first_buy(later) == (later[2], 11.66)


def test_a_band_per_bar_is_checked() -> None:
    o = np.array([10.0, 10.0])
    with pytest.raises(ValueError, match="one per date"):
        BarData(REFORM_WEEK[:2], o, o, o, o, price_limit_pct=np.array([0.1]))
    with pytest.raises(ValueError, match="in \\(0, 1\\) or NaN"):
        BarData(REFORM_WEEK[:2], o, o, o, o, price_limit_pct=np.array([0.1, 1.5]))
    ok = BarData(REFORM_WEEK[:2], o, o, o, o, price_limit_pct=np.array([0.1, np.nan]))
    assert np.isnan(ok.price_limit_pct[1])  # type: ignore[index]


CHINEXT = {
    "symbol": "300059.SZ",
    "name": "东方财富",
    "market": "CN",
    "price_limit_pct": 0.20,
    "tick_size": 0.01,
}


def test_a_quotes_limits_follow_the_rules_of_its_day() -> None:
    assert price_limits(20.00, CHINEXT, dt.date(2015, 6, 12)) == (22.00, 18.00)
    assert price_limits(20.00, CHINEXT, dt.date(2020, 8, 24)) == (24.00, 16.00)
    assert price_limits(20.00, CHINEXT) == (24.00, 16.00)  # no day: the stored band
    st = {**CHINEXT, "symbol": "600654.SH", "name": "*ST中安", "price_limit_pct": 0.05}
    assert price_limits(3.00, st, dt.date(2025, 7, 4)) == (3.15, 2.85)
    assert price_limits(3.00, st, dt.date(2025, 7, 7)) == (3.30, 2.70)
    index = {**CHINEXT, "symbol": "399006.SZ", "price_limit_pct": None}
    assert price_limits(2000.0, index, dt.date(2020, 8, 24)) == (None, None)


def test_st_periods_flag_their_days_and_the_band_follows() -> None:
    days = np.array(
        ["2015-03-02", "2015-03-03", "2015-06-01", "2016-01-04", "2016-01-05"],
        dtype="datetime64[D]",
    )
    periods = [(dt.date(2015, 3, 3), dt.date(2015, 6, 1), "ST"), (dt.date(2016, 1, 5), None, "*ST")]
    flagged = st_days(days, periods)
    assert flagged.tolist() == [False, True, True, False, True]
    assert band_series("600654.SH", days, st=flagged).tolist() == [0.10, 0.05, 0.05, 0.10, 0.05]
    assert st_days(days, []).tolist() == [False] * 5
