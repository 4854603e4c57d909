"""Backtest engine and strategies: hand-computed fills, every A-share rule, exact signals.

Expected values are worked out by hand in the comments (CNY, exact to the cent), never by
calling the code under test. Costs are the defaults unless stated: commission 0.025% with a
5.00 minimum, stamp duty 0.05% on sells, 1 tick (0.01) of slippage, lots of 100.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TypeVar

import numpy as np
import pytest

from mystocks.backtest import (
    STRATEGY_TYPES,
    BarData,
    Cancelled,
    Costs,
    band_on,
    run_backtest,
    target_positions,
    validate_parameters,
)
from mystocks.backtest.fills import RATE_SCALE, Fees, jit_kernel, lots_for, simulate
from mystocks.backtest.performance import compute as metrics
from mystocks.domain import indicators
from mystocks.domain.indicators import OHLC

T = TypeVar("T")

UP = {"lookback": 1, "threshold": 0.0}  # momentum(1, 0): long while close > previous close


def days(n: int, start: str = "2024-01-02") -> np.ndarray:
    return np.datetime64(start, "D") + np.arange(n)


def bar_data(
    opens: list[float],
    closes: list[float],
    dates: np.ndarray | None = None,
    band: float | None = 0.10,
) -> BarData:
    o, c = np.array(opens), np.array(closes)
    when = days(len(closes)) if dates is None else dates
    return BarData(when, o, np.maximum(o, c), np.minimum(o, c), c, price_limit_pct=band)


def ohlc(closes: Sequence[float]) -> OHLC:
    c = np.array(closes, dtype=np.float64)
    return OHLC(c, c, c, c, np.zeros_like(c))


# Six daily bars. momentum(1, 0) targets: bar 1 closes up (long), bar 3 closes down (flat):
# targets [0, 1, 1, 0, 0, 0] -> buy at bar 2's open, sell at bar 4's open.
HAND_OPENS = [10.00, 10.20, 10.55, 10.45, 10.51, 10.25]
HAND_CLOSES = [10.00, 10.50, 10.60, 10.40, 10.30, 10.20]


def test_hand_computed_round_trip_small_account() -> None:
    result = run_backtest(
        {"600000.SH": bar_data(HAND_OPENS, HAND_CLOSES)}, "momentum", UP, initial_cash=10_560
    )
    buy, sell = result.trades
    # Buy at 10.55 + 0.01 = 10.56; a lot costs 1,056.00. 10,560 // 1,056 = 10 lots, but
    # 10,560.00 + 5.00 commission > 10,560.00, so 9 lots: 900 shares, value 9,504.00.
    # Commission max(9,504 * 0.00025 = 2.376, 5.00) = 5.00. Cash 10,560 - 9,509 = 1,051.00.
    assert (buy.side, buy.price, buy.quantity, buy.commission, buy.stamp_duty) == (
        "buy",
        10.56,
        900,
        5.00,
        0.0,
    )
    assert buy.time == np.datetime64("2024-01-04") and buy.realized_pnl is None
    # Sell at 10.51 - 0.01 = 10.50: value 9,450.00; commission max(2.3625, 5) = 5.00; stamp
    # duty 9,450 * 0.0005 = 4.725 -> 4.73 (half-up; banker's rounding would give 4.72).
    # Cash 1,051 + 9,450 - 5 - 4.73 = 10,491.27; round trip pnl 10,491.27 - 10,560 = -68.73.
    assert (sell.side, sell.price, sell.quantity, sell.commission, sell.stamp_duty) == (
        "sell",
        10.50,
        900,
        5.00,
        4.73,
    )
    assert sell.time == np.datetime64("2024-01-06") and sell.realized_pnl == -68.73
    # Closes: 10,560; 10,560; 1,051 + 900 * 10.60 = 10,591; 1,051 + 900 * 10.40 = 10,411;
    # then all cash, 10,491.27 twice.
    expected = [10_560.00, 10_560.00, 10_591.00, 10_411.00, 10_491.27, 10_491.27]
    np.testing.assert_allclose(result.equity, expected, rtol=0, atol=1e-9)
    np.testing.assert_allclose(result.cash, [10_560, 10_560, 1_051, 1_051, 10_491.27, 10_491.27])
    m = result.metrics
    assert m["final_equity"] == 10_491.27
    assert m["total_return"] == pytest.approx(-68.73 / 10_560, abs=1e-12)  # -0.6509%
    assert m["max_drawdown"] == pytest.approx(180 / 10_591, abs=1e-12)  # 10,591 -> 10,411
    assert m["win_rate"] == 0.0 and m["round_trips"] == 1 and m["trades"] == 2
    # Traded 9,504 + 9,450 = 18,954 over a mean equity of 63,104.54 / 6.
    assert m["turnover"] == pytest.approx(18_954 / (63_104.54 / 6), abs=1e-12)
    # Six daily returns after E0 = 10,560 (the first is 0): (E6 / E0) ** (252 / 6) - 1.
    assert m["annual_return"] == pytest.approx((10_491.27 / 10_560) ** 42 - 1, abs=1e-12)


def test_hand_computed_round_trip_commission_above_minimum() -> None:
    result = run_backtest(
        {"600000.SH": bar_data(HAND_OPENS, HAND_CLOSES)}, "momentum", UP, initial_cash=100_000
    )
    buy, sell = result.trades
    # 100,000 // 1,056 = 94 lots: 99,264.00 + commission 24.816 -> 24.82 fits (99,288.82).
    assert (buy.quantity, buy.commission) == (9_400, 24.82)
    # Cash 711.18. Sell 9,400 * 10.50 = 98,700.00: commission 24.675 -> 24.68 (half-up),
    # duty 49.35. Cash 711.18 + 98,700 - 24.68 - 49.35 = 99,337.15; pnl -662.85.
    assert (sell.commission, sell.stamp_duty, sell.realized_pnl) == (24.68, 49.35, -662.85)
    assert result.metrics["final_equity"] == 99_337.15


def test_t_plus_one_defers_a_same_day_sell_on_minute_bars() -> None:
    stamps = np.array(
        [
            "2024-01-02T09:31",
            "2024-01-02T09:32",
            "2024-01-02T09:33",
            "2024-01-02T09:34",
            "2024-01-03T09:31",
            "2024-01-03T09:32",
        ],
        dtype="datetime64[s]",
    )
    closes = [10.00, 10.10, 10.00, 9.95, 9.90, 9.85]  # targets [0, 1, 0, 0, 0, 0]
    opens = [10.00, 10.05, 10.08, 9.99, 9.93, 9.88]
    result = run_backtest(
        {"600000.SH": bar_data(opens, closes, stamps)}, "momentum", UP, initial_cash=10_000
    )
    buy, sell = result.trades
    # Bought at 09:33 (10.08 + 0.01). The sell signal of 09:33's close would fill at 09:34 the
    # same day, which T+1 forbids: it fills at the next day's first open, 9.93 - 0.01.
    assert (buy.time, buy.price) == (stamps[2], 10.09)
    assert (sell.time, sell.price) == (stamps[4], 9.92)


def test_limit_up_open_refuses_a_buy_until_a_later_open() -> None:
    # Bar 1 closes up (target long). Limit-up for bar 2 = 10.50 * 1.1 = 11.55: bar 2 opens
    # there, so no buy. Bar 3: limit-up 11.55 * 1.1 = 12.705 -> 12.71 (half-up); it opens at
    # 12.70, so the buy fills, and 12.70 + 1 tick = 12.71 stays within the band.
    opens = [10.00, 10.20, 11.55, 12.70, 12.80]
    closes = [10.00, 10.50, 11.55, 12.80, 12.90]
    result = run_backtest(
        {"600000.SH": bar_data(opens, closes)}, "momentum", UP, initial_cash=10_000
    )
    (buy,) = result.trades
    assert (buy.time, buy.price) == (days(5)[3], 12.71)
    # Without a band the same data buys at bar 2's open.
    free = run_backtest(
        {"600000.SH": bar_data(opens, closes, band=None)}, "momentum", UP, initial_cash=10_000
    )
    assert (free.trades[0].time, free.trades[0].price) == (days(5)[2], 11.56)


def test_limit_down_open_refuses_a_sell_and_slippage_stops_at_the_band() -> None:
    # Long from bar 1; bar 2 closes down (target flat). Limit-down for bar 3 = 10.00 * 0.9 =
    # 9.00: bar 3 opens there, no sell. Bar 4: limit-down 9.00 * 0.9 = 8.10; it opens at 8.10
    # + 0.01 = 8.11, and the sell price 8.11 - 0.01 = 8.10 is the limit itself, allowed.
    opens = [9.00, 9.50, 10.10, 9.00, 8.11, 8.00]
    closes = [9.00, 10.20, 10.00, 9.00, 8.20, 8.00]
    result = run_backtest(
        {"600000.SH": bar_data(opens, closes)}, "momentum", UP, initial_cash=10_000
    )
    buy, sell = result.trades
    assert buy.time == days(6)[2]
    assert (sell.time, sell.price) == (days(6)[4], 8.10)


def test_band_by_board_and_day() -> None:
    day = dt.date(2024, 3, 4)
    assert band_on("600000.SH", day) == 0.10
    assert band_on("300750.SZ", day) == 0.20 and band_on("688981.SH", day) == 0.20
    assert band_on("300750.SZ", dt.date(2019, 3, 4)) == 0.10  # before ChiNext's reform
    assert band_on("600000.SH", day, st=True) == 0.05
    assert band_on("000001.SH", day) is None  # SSE Composite index
    assert band_on("000001.SZ", day) == 0.10  # Ping An Bank


def test_sma_cross_keeps_the_previous_state_on_an_exact_tie() -> None:
    # 20 x 10.30, then 10.80, 9.80, 9.70.
    # Bar 19: MA5 = MA20 = 10.30, a tie at the first defined bar: stays flat.
    # Bar 20: MA5 = 52.00/5 = 10.40 > MA20 = 206.50/20 = 10.325: long.
    # Bar 21: MA5 = (3 * 10.30 + 10.80 + 9.80)/5 = 51.50/5 = 10.30 and
    #         MA20 = (18 * 10.30 + 10.80 + 9.80)/20 = 206.00/20 = 10.30: a tie, stays long.
    # Bar 22: MA5 = 50.90/5 = 10.18 < MA20 = 205.40/20 = 10.27: flat.
    closes = [10.30] * 20 + [10.80, 9.80, 9.70]
    positions = target_positions("sma_cross", {"fast": 5, "slow": 20}, ohlc(closes))
    assert positions.dtype == np.int8
    assert positions.tolist() == [0] * 20 + [1, 1, 0]
    # Why: float MAs are not equal at that tie (rounding noise decides the crossing).
    c = np.array(closes)
    assert indicators.ma(c, 5)[21] != indicators.ma(c, 20)[21]


def test_sma_cross_matches_exact_fractions_on_random_grid_data() -> None:
    rng = np.random.default_rng(3)
    closes = np.round(10 + np.cumsum(rng.integers(-3, 4, 400)) / 100, 2).tolist()
    got = target_positions("sma_cross", {"fast": 3, "slow": 8}, ohlc(closes)).tolist()
    expected, state = [], 0
    for t in range(len(closes)):
        if t >= 7:
            fast = sum(Fraction(round(x * 100)) for x in closes[t - 2 : t + 1]) / 3
            slow = sum(Fraction(round(x * 100)) for x in closes[t - 7 : t + 1]) / 8
            state = 1 if fast > slow else 0 if fast < slow else state
        expected.append(state)
    assert got == expected
    assert 0 < sum(expected) < len(expected)  # both states occur


def test_other_strategies_enter_and_exit() -> None:
    # momentum(2, 0.1): long while C / REF(C,2) - 1 > 0.1, exact: +10% exactly is not long.
    closes = [10.00, 10.00, 11.00, 11.01, 10.00]
    got = target_positions("momentum", {"lookback": 2, "threshold": 0.1}, ohlc(closes))
    assert got.tolist() == [0, 0, 0, 1, 0]  # bar 3: 11.01 / 10.00 - 1 = 0.101 > 0.1
    # rsi_reversion(2, 20, 80), terminal RSI = SMA(MAX(dC,0),2,1) / SMA(|dC|,2,1) * 100:
    # bar 1 flat: 0/0 -> RSI 0 < 20, enter. Bar 2 (-1): up 0, abs 0.5 -> 0, enter again.
    # Bar 3 (+0.5): up (0.5 + 0)/2 = 0.25, abs (0.5 + 0.5)/2 = 0.5 -> 50: hold.
    # Bar 4 (+1.5): up (1.5 + 0.25)/2 = 0.875, abs (1.5 + 0.5)/2 = 1 -> 87.5 > 80: exit.
    rsi = target_positions("rsi_reversion", {"period": 2}, ohlc([10, 10, 9, 9.5, 11, 11]))
    assert rsi.tolist() == [0, 1, 1, 1, 0, 0]
    # bollinger_breakout(5, 1), sample STD:
    # bar 4: flat window, MID = UPPER = 10 and C = 10: neither above UPPER nor below MID.
    # bar 5: [10,10,10,10,11] MID 10.2, var 0.8/4, UPPER 10.2 + 0.447 = 10.647 < 11: enter.
    # bar 7: [10,10,11,11.2,10.6] MID 10.56, var 1.232/4, UPPER 10.56 + 0.555 = 11.115;
    #        MID < 10.60 < UPPER: hold. Bar 8: [10,11,11.2,10.6,10.2] MID 10.60 > 10.20: exit.
    boll = target_positions(
        "bollinger_breakout", {"period": 5, "k": 1}, ohlc([10] * 5 + [11, 11.2, 10.6, 10.2])
    )
    assert boll.tolist() == [0] * 5 + [1, 1, 1, 0]
    # Seeded EMAs: DIF = DEA = 0 exactly on the flat start (a tie: stays flat). Bar 5 jumps
    # to 11: DIF = (2/13 - 2/27) * 1 = 0.0798 > DEA = 0.2 * DIF: long. Bar 10 falls to 9:
    # DIF drops by (2/13 - 2/27) * 2 * (decayed) while DEA moves a fifth as much: flat.
    macd = target_positions("macd_trend", {}, ohlc([10] * 5 + [11] * 5 + [9] * 20))
    assert macd[:11].tolist() == [0] * 5 + [1] * 5 + [0]


@pytest.mark.parametrize(
    ("kind", "params", "message"),
    [
        ("sma", {}, "unknown strategy type 'sma'"),
        ("sma_cross", {"fats": 5}, "has no parameter 'fats'"),
        ("sma_cross", {"fast": 0}, "fast must be between 1 and 250, got 0"),
        ("sma_cross", {"fast": 5.5}, "fast must be a whole number, got 5.5"),
        ("sma_cross", {"fast": "5"}, "fast must be a number"),
        ("sma_cross", {"fast": True}, "fast must be a number"),
        ("sma_cross", {"fast": 20, "slow": 20}, "fast must be less than slow"),
        ("rsi_reversion", {"lower": 50, "upper": 50}, "lower must be less than upper"),
        ("bollinger_breakout", {"k": math.nan}, "k must be finite"),
        ("momentum", {"threshold": 1.5}, "between -0.5 and 1, got 1.5"),
    ],
)
def test_parameter_validation_errors(kind: str, params: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        validate_parameters(kind, params)


def test_parameters_default_and_types() -> None:
    assert validate_parameters("sma_cross", None) == {"fast": 5, "slow": 20}
    got = validate_parameters("rsi_reversion", {"period": 14.0})
    assert got == {"period": 14, "lower": 20.0, "upper": 80.0}
    assert isinstance(got["period"], int) and isinstance(got["lower"], float)
    assert set(STRATEGY_TYPES) == {
        "sma_cross",
        "rsi_reversion",
        "bollinger_breakout",
        "macd_trend",
        "momentum",
    }
    with pytest.raises(ValueError, match="fast must be less than slow"):
        run_backtest(
            {"x": bar_data([10], [10])}, "sma_cross", {"fast": 9, "slow": 3}, initial_cash=1e4
        )


def test_metrics_on_a_tiny_curve() -> None:
    # E0 = 100.00, daily closes 110.00, 99.00, 108.90: returns +10%, -10%, +10%.
    equity = np.array([11_000, 9_900, 10_890], dtype=np.int64)
    m = metrics(days(3), equity, 10_000, traded=21_000, pnls=[500, -300, 0, 200], fills=8)
    # mean 1/30, sample std sqrt(1/75): Sharpe = sqrt(75)/30 * sqrt(252) = sqrt(18900)/30.
    assert m["sharpe"] == pytest.approx(math.sqrt(18_900) / 30, rel=1e-12)
    # downside deviation sqrt(0.01/3): Sortino = (1/30) / sqrt(1/300) * sqrt(252) = sqrt(84).
    assert m["sortino"] == pytest.approx(math.sqrt(84), rel=1e-12)
    assert m["max_drawdown"] == pytest.approx(0.1, abs=1e-12)  # 110.00 -> 99.00
    assert m["win_rate"] == 0.5  # 500 and 200 win; 0 is not a win
    assert m["total_return"] == pytest.approx(0.089, abs=1e-12)
    assert m["annual_return"] == pytest.approx(1.089**84 - 1, rel=1e-12)
    assert m["turnover"] == pytest.approx(21_000 / (31_790 / 3), rel=1e-12)
    assert (m["trades"], m["round_trips"], m["final_equity"]) == (8, 4, 108.90)
    flat = metrics(days(2), np.array([100, 100]), 100, traded=0, pnls=[], fills=0)
    assert flat["win_rate"] is None and flat["sharpe"] is None and flat["max_drawdown"] == 0.0


def test_cash_split_and_calendars_combined() -> None:
    # 5,000.01 over two symbols: 2,500.00 each and 0.01 idle. A trades on days 0-3: it buys
    # at day 2's open 10.50 + 0.01: 2 lots (2,102.00 + 5.00 <= 2,500), cash 393.00; equity
    # 393 + 200 * 10.60 = 2,513 on day 2, 393 + 200 * 10.80 = 2,553 on day 3, carried to day 4.
    # B has bars on days 1, 2 and 4 at a flat 10.00 (no trade): 2,500.00 throughout, its
    # starting cash counted before its first bar and carried over its missing day 3.
    d = days(5)
    a = bar_data([10, 10, 10.50, 11], [10, 10.50, 10.60, 10.80], dates=d[:4])
    b = bar_data([10, 10, 10], [10, 10, 10], dates=d[[1, 2, 4]])
    result = run_backtest({"A": a, "B": b}, "momentum", UP, initial_cash=5_000.01)
    assert result.dates.tolist() == d.tolist()
    expected = [5_000.01, 5_000.01, 5_013.01, 5_053.01, 5_053.01]
    np.testing.assert_allclose(result.equity, expected, rtol=0, atol=1e-9)
    np.testing.assert_allclose(result.cash, [5_000.01, 5_000.01, 2_893.01, 2_893.01, 2_893.01])


def test_progress_reaches_one_and_stop_cancels() -> None:
    bars = {s: bar_data(HAND_OPENS, HAND_CLOSES) for s in ("A", "B", "C")}
    seen: list[float] = []
    run_backtest(bars, "momentum", UP, initial_cash=30_000, progress=seen.append)
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0])
    checks: list[int] = []
    seen.clear()

    def stop() -> bool:
        checks.append(1)
        return len(checks) == 2  # stop before the second symbol

    with pytest.raises(Cancelled):
        run_backtest(
            bars, "momentum", UP, initial_cash=30_000, progress=seen.append, should_stop=stop
        )
    assert seen == pytest.approx([1 / 3])


def test_costs_are_validated() -> None:
    with pytest.raises(ValueError, match="tick"):
        Costs(tick=0.001)
    with pytest.raises(ValueError, match="commission_rate"):
        Costs(commission_rate=1.5)


def _cost(lots: int, unit: int, rate: int, minimum: int) -> int:
    """value + max(half-up(value * rate), minimum), in cents: what a buy of ``lots`` takes."""
    value = lots * unit
    return value + max((value * rate + RATE_SCALE // 2) // RATE_SCALE, minimum)


def test_lots_for_is_the_largest_affordable_lot_count() -> None:
    rng = np.random.default_rng(5)
    for _ in range(300):
        cash, unit = int(rng.integers(0, 3_000_000)), int(rng.integers(100, 200_000))
        rate, minimum = int(rng.choice([0, 25_000, 300_000, 50_000_000])), int(rng.integers(0, 900))
        lots, fee = lots_for(cash, unit, rate, minimum)
        assert lots == 0 or _cost(lots, unit, rate, minimum) <= cash
        assert _cost(lots + 1, unit, rate, minimum) > cash
        assert fee == (_cost(lots, unit, rate, minimum) - lots * unit if lots else 0)


def test_every_rule_holds_on_random_minute_bars() -> None:
    # 30 days x 40 one-minute bars, a fast crossover (reversals within a day), a 5% band.
    rng = np.random.default_rng(11)
    day_starts = np.datetime64("2024-01-02T09:31", "s") + np.arange(30) * 86_400
    stamps = (day_starts[:, None] + np.arange(40) * 60).ravel()
    closes = np.maximum(np.round(10 + np.cumsum(rng.integers(-8, 9, 1200)) / 100, 2), 0.5)
    opens = np.round(np.r_[closes[0], closes[:-1]] + rng.integers(-3, 4, 1200) / 100, 2)
    bars = {"600000.SH": bar_data(list(opens), list(closes), stamps, band=0.05)}
    result = run_backtest(bars, "sma_cross", {"fast": 2, "slow": 5}, initial_cash=50_000)
    trades = result.trades
    assert len(trades) > 20
    day_close = closes.reshape(30, 40)[:, -1]
    cash = 50_000.0
    for i, t in enumerate(trades):
        assert t.side == ("buy" if i % 2 == 0 else "sell") and t.quantity % 100 == 0
        bar = int(np.searchsorted(stamps, t.time))
        prev = day_close[bar // 40 - 1] if bar >= 40 else None
        value = t.price * t.quantity
        assert t.commission == max(round(value * 0.00025 + 1e-9, 2), 5.0)
        if t.side == "buy":
            assert prev is None or opens[bar] < round(prev * 1.05 + 1e-9, 2)  # below limit-up
            assert t.price == round(opens[bar] + 0.01, 2) and t.stamp_duty == 0
            assert value + t.commission <= cash + 1e-6
            cash -= value + t.commission
        else:
            assert prev is None or opens[bar] > round(prev * 0.95 + 1e-9, 2)
            # T+1: a later trading day than the buy.
            assert t.time.astype("datetime64[D]") > trades[i - 1].time.astype("datetime64[D]")
            assert t.price == round(opens[bar] - 0.01, 2)
            assert t.stamp_duty == round(value * 0.0005 + 1e-9, 2)
            cash += value - t.commission - t.stamp_duty
    assert result.cash[-1] == pytest.approx(cash, abs=1e-6)


# --- The compiled fill loop (numba) against the pure-Python one: identical integers. ---


def _random_market(
    rng: np.random.Generator, n_days: int, per_day: int, band: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Opens and closes in cents on the 0.01 grid, and each bar's day, with frequent opens
    at limit-up / limit-down (moves drawn wider than the band, then clipped to it)."""
    n = n_days * per_day
    days_ = np.repeat(19_000 + np.arange(n_days) * int(rng.integers(1, 3)), per_day)
    o = np.empty(n, dtype=np.int64)
    c = np.empty(n, dtype=np.int64)
    prev_day_close = int(rng.integers(50, 20_000))
    last = prev_day_close
    bp = round(band * 10_000)
    for i in range(n):
        if i % per_day == 0 and i:
            prev_day_close = last
        up = (prev_day_close * (10_000 + bp) + 5_000) // 10_000
        down = max((prev_day_close * (10_000 - bp) + 5_000) // 10_000, 1)
        kick = rng.choice([0, 0, 0, 1, -1])  # sometimes slam into a limit
        o[i] = min(max(int(last * (1 + rng.normal(0, band / 3))) + kick * 10**6, down), up)
        c[i] = min(max(int(o[i] * (1 + rng.normal(0, band / 3))), down), up)
        last = int(c[i])
    return o, c, days_


def _both_paths(monkeypatch: pytest.MonkeyPatch, run: Callable[[], T]) -> tuple[T, T]:
    monkeypatch.delenv("MYSTOCKS_NO_JIT", raising=False)
    compiled = run()
    monkeypatch.setenv("MYSTOCKS_NO_JIT", "1")
    python = run()
    monkeypatch.delenv("MYSTOCKS_NO_JIT")
    return compiled, python


def test_compiled_fill_loop_is_available() -> None:
    pytest.importorskip("numba")
    assert jit_kernel() is not None


def test_compiled_fill_loop_equals_python_on_random_series(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Random targets (many reversals, runs of 1 bar), daily and minute bars, limit hits,
    # unlimited series, lots of 1 to 1000, minimums that always / never / sometimes bind,
    # cash from less than one lot to millions.
    pytest.importorskip("numba")
    rng = np.random.default_rng(2024)
    total_fills = refused = late = 0
    for case in range(400):
        per_day = int(rng.choice([1, 1, 4, 30]))
        band = float(rng.choice([0.05, 0.10, 0.20, 0.30]))
        o, c, day_ids = _random_market(rng, int(rng.integers(1, 40)), per_day, band)
        n = o.shape[0]
        stay = float(rng.choice([0.3, 0.7, 0.95]))
        flips = rng.random(n) > stay
        want = (np.cumsum(flips) % 2).astype(np.bool_ if case % 5 == 0 else np.int8)
        costs = Costs(
            commission_rate=float(rng.choice([0.0, 0.00025, 0.0003, 0.003])),
            min_commission=float(rng.choice([0.0, 5.0, 5.0, 123.45])),
            stamp_duty_rate=float(rng.choice([0.0, 0.0005, 0.001])),
            slippage_ticks=int(rng.integers(0, 4)),
            tick=float(rng.choice([0.01, 0.01, 0.05])),
            lot_size=int(rng.choice([1, 100, 100, 1000])),
        )
        cash = int(rng.choice([10**3, 10**5, 10**6, 10**8])) + int(rng.integers(0, 10**5))
        limit: float | np.ndarray | None = None if case % 7 == 0 else band
        if case % 7 == 1:  # a band per bar, as the dated rules give: some days none, some half
            per_day_band = rng.choice([band, band, band / 2, np.nan], size=int(day_ids.max()) + 1)
            limit = per_day_band[day_ids - day_ids.min()]
        compiled, python = _both_paths(
            monkeypatch,
            lambda: simulate(o, c, day_ids, limit, want, cash, Fees.of(costs)),  # noqa: B023
        )
        assert len(compiled) == len(python) == 5
        for got, expected in zip(compiled, python, strict=True):
            assert got.dtype == expected.dtype == np.int64
            np.testing.assert_array_equal(got, expected)
        total_fills += compiled.bar.shape[0]
        candidates = np.flatnonzero(np.diff(want, prepend=np.int8(0))) + 1
        late += np.count_nonzero(~np.isin(compiled.bar, candidates))  # refused, then filled
        refused += candidates.shape[0] - compiled.bar.shape[0]
    # The retry paths (limit hits, T+1, too little cash) ran, not only clean fills.
    assert total_fills > 2_000 and late > 300 and refused > 5_000


def test_compiled_engine_equals_python_on_random_minute_and_daily_bars(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Whole backtests: trades, equity, cash and metrics identical (not merely close).
    pytest.importorskip("numba")
    rng = np.random.default_rng(77)
    fills = 0
    for case in range(12):
        per_day = 40 if case % 2 else 1
        start = np.datetime64("2024-01-02T09:31", "s") if per_day > 1 else None
        bars = {}
        for s in range(3):
            band = (0.05, 0.10, 0.20)[s]
            o, c, _ = _random_market(rng, 25, per_day, band)
            if start is None:
                when = days(o.shape[0])
            else:
                day_starts = start + np.arange(25) * 86_400
                when = (day_starts[:, None] + np.arange(per_day) * 60).ravel()
            bars[f"60000{s}.SH"] = bar_data(list(o / 100), list(c / 100), when, band=band)
        strategy, params = [("sma_cross", {"fast": 2, "slow": 5}), ("momentum", UP)][case % 2]
        cash = float(rng.choice([3_000, 30_000, 3_000_000]))
        compiled, python = _both_paths(
            monkeypatch,
            lambda: run_backtest(bars, strategy, params, initial_cash=cash),  # noqa: B023
        )
        assert compiled.trades == python.trades
        fills += len(compiled.trades)
        np.testing.assert_array_equal(compiled.equity, python.equity)
        np.testing.assert_array_equal(compiled.cash, python.cash)
        np.testing.assert_array_equal(compiled.dates, python.dates)
        assert compiled.metrics == python.metrics
    assert fills > 200


def test_compiled_fill_loop_hands_over_to_python_near_int64_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Cash beyond what int64 products allow: the kernel reports overflow and Python's
    # unbounded ints decide, with the same answer as MYSTOCKS_NO_JIT.
    kernel = pytest.importorskip("mystocks.backtest._kernel")
    o = np.array([1_000, 1_000, 1_100, 1_200, 1_300], dtype=np.int64)
    c = o.copy()
    day_ids = np.arange(5, dtype=np.int64)
    want = np.array([1, 1, 0, 1, 0], dtype=np.int8)
    fees = Fees.of(Costs())
    for cash in (kernel.SAFE // 2, kernel.SAFE, kernel.SAFE + 1, kernel.SAFE * 1_000):
        compiled, python = _both_paths(
            monkeypatch,
            lambda: simulate(o, c, day_ids, 0.10, want, cash, fees),  # noqa: B023
        )
        for got, expected in zip(compiled, python, strict=True):
            assert got.tolist() == expected.tolist()
        # Buy at bar 1 (10.01), sell at bar 3 (11.99), buy again at bar 4 (13.01).
        assert python.bar.tolist() == [1, 3, 4]
        assert python.price.tolist() == [1_001, 1_199, 1_301]


def test_python_fill_loop_without_numba_or_with_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    import mystocks.backtest
    from mystocks.backtest import fills

    monkeypatch.setenv("MYSTOCKS_NO_JIT", "1")
    assert fills.jit_kernel() is None
    monkeypatch.setenv("MYSTOCKS_NO_JIT", "0")
    assert fills.jit_kernel() is fills._import_kernel()
    # numba not installed: the import fails and the Python loop is used.
    monkeypatch.setitem(sys.modules, "numba", None)
    monkeypatch.delitem(sys.modules, "mystocks.backtest._kernel", raising=False)
    monkeypatch.delattr(mystocks.backtest, "_kernel", raising=False)
    monkeypatch.setattr(fills, "_import_kernel", fills._import_kernel.__wrapped__)
    assert fills.jit_kernel() is None
    result = run_backtest(
        {"600000.SH": bar_data(HAND_OPENS, HAND_CLOSES)}, "momentum", UP, initial_cash=100_000
    )
    assert result.metrics["final_equity"] == 99_337.15  # as hand-computed above
