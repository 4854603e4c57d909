"""An exact, vectorised A-share backtest over many symbols: integer cents, no I/O.

Bars are daily or intraday (e.g. 1-minute), not weekly or monthly: price limits and T+1 are
daily rules, and the metrics sample each trading day's last value.

* Sub-accounts: ``initial_cash`` is split equally across the symbols, each an independent
  account; cents that do not divide evenly stay in the portfolio as idle cash. The portfolio
  curve is the sum of the accounts on the union of their bar times, each account's value
  carried forward over times it has no bar (and its starting cash before its first bar).
* Each account trades the strategy's target (``strategies.target_positions``) under every
  A-share rule, documented in ``mystocks.backtest.fills``: next-open fills, board lots, all
  in / all out, slippage in ticks, daily price limits, T+1, commission with a minimum and
  stamp duty on sells, all rounded half-up to 0.01.
* Holdings are valued at each bar's close; metrics are defined in ``mystocks.backtest.performance``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from mystocks.backtest import performance
from mystocks.backtest.fills import Costs, Fees, FillLog, simulate, to_cents
from mystocks.backtest.strategies import Params, cents, target_positions, validate_parameters
from mystocks.domain.indicators import OHLC
from mystocks.domain.series import BarSeries

__all__ = [
    "BacktestResult",
    "BarData",
    "Cancelled",
    "Costs",
    "Trade",
    "run_backtest",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
DateArray = npt.NDArray[np.datetime64]


class Cancelled(Exception):
    """``should_stop()`` asked the backtest to stop; raised between symbols."""


@dataclass(frozen=True)
class BarData:
    """One symbol's bars, oldest first: daily (``datetime64[D]``) or intraday
    (``datetime64[s]``, exchange-local) times, strictly ascending. ``price_limit_pct`` is the
    daily band as a fraction (None: no limit, e.g. an index), or one per bar (NaN: no limit
    that day) where the band changed over the series (``domain.boards.band_series``)."""

    dates: DateArray
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    price_limit_pct: float | FloatArray | None = None

    def __post_init__(self) -> None:
        dates = np.asarray(self.dates)
        if not np.issubdtype(dates.dtype, np.datetime64):
            raise ValueError("BarData.dates must be datetime64")
        object.__setattr__(self, "dates", dates)
        for name in ("open", "high", "low", "close"):
            arr = np.asarray(getattr(self, name), dtype=np.float64)
            if arr.shape != dates.shape or arr.ndim != 1:
                raise ValueError(f"BarData.{name} must be 1-D with one value per date")
            object.__setattr__(self, name, arr)
        if dates.shape[0] > 1 and not bool(np.all(dates[1:] > dates[:-1])):
            raise ValueError("BarData.dates must be strictly ascending")
        band = self.price_limit_pct
        if isinstance(band, np.ndarray):
            band = np.asarray(band, dtype=np.float64)
            known = band[~np.isnan(band)]
            if band.shape != dates.shape or not bool(np.all((known > 0) & (known < 1))):
                raise ValueError("price_limit_pct per bar must be one per date, in (0, 1) or NaN")
            object.__setattr__(self, "price_limit_pct", band)
        elif band is not None and not 0 < band < 1:
            raise ValueError(f"price_limit_pct must be in (0, 1) or None, got {band!r}")

    @classmethod
    def from_series(
        cls, series: BarSeries, price_limit_pct: float | FloatArray | None = None
    ) -> BarData:
        return cls(
            series.local, series.open, series.high, series.low, series.close, price_limit_pct
        )


class Trade(NamedTuple):
    """One fill. ``time`` is the stamp of the bar whose open filled it; ``price`` includes
    slippage; ``realized_pnl`` (sells only) is sell value - commission - stamp duty - (buy
    value + buy commission) of the round trip."""

    time: np.datetime64
    symbol: str
    side: Literal["buy", "sell"]
    price: float
    quantity: int
    commission: float
    stamp_duty: float
    realized_pnl: float | None


@dataclass(frozen=True)
class BacktestResult:
    """Portfolio curve at every bar time (CNY), all fills in time order (symbols in the order
    given within one time), metrics (formulas in ``mystocks.backtest.performance``) and the
    validated parameters."""

    dates: DateArray
    equity: FloatArray
    cash: FloatArray
    trades: list[Trade]
    metrics: dict[str, float | int | None]
    parameters: Params


class _Account(NamedTuple):
    equity: IntArray  # cents at each bar's close
    cash: IntArray
    trades: list[Trade]
    times: DateArray  # of the trades
    traded: int  # gross value of all fills, cents
    pnls: list[int]  # net pnl of each closed round trip, cents


def _account(
    symbol: str, dates: DateArray, close: IntArray, start_cash: int, log: FillLog
) -> _Account:
    """Curves, trades and round trips of one account from its fills."""
    n = dates.shape[0]
    bar, px, signed, fee, cash_after = log
    count = bar.shape[0]
    qty = np.abs(signed)
    cash_before = np.concatenate(([start_cash], cash_after[:-1]))
    value = qty * px
    # A buy moves cash by -(value + fee), a sell by value - fee - duty: the duty is the rest.
    duty = np.where(signed < 0, value - fee - (cash_after - cash_before), 0)
    # A round trip starts and ends all in cash, so its net pnl is the cash it added.
    pnl = cash_after[1::2] - cash_before[0 : count - count % 2 : 2]
    # Equity at every close: the state after the latest fill at or before the bar (fills
    # happen at opens, so a fill bar's close already sees it). One fill per bar at most.
    mark = np.zeros(n, dtype=np.int64)
    mark[bar] = np.arange(1, count + 1)
    state = np.maximum.accumulate(mark) if n else mark
    cash_curve = np.concatenate(([start_cash], cash_after))[state]
    qty_curve = np.concatenate(([0], np.maximum(signed, 0)))[state]
    pnl_cny: list[float | None] = [None] * count
    pnl_cny[1::2] = (pnl / 100).tolist()
    # tuple.__new__ builds each Trade in C: NamedTuple's own __new__ is Python, 3x slower.
    times = dates[bar]
    rows = zip(
        times,
        [symbol] * count,
        ["buy", "sell"] * (count // 2) + ["buy"] * (count % 2),
        (px / 100).tolist(),
        qty.tolist(),
        (fee / 100).tolist(),
        (duty / 100).tolist(),
        pnl_cny,
        strict=True,
    )
    trades: list[Trade] = list(map(tuple.__new__, repeat(Trade, count), rows))
    equity = cash_curve + qty_curve * close
    return _Account(equity, cash_curve, trades, times, int(value.sum()), pnl.tolist())


def run_backtest(
    bars: Mapping[str, BarData],
    strategy_type: str,
    params: Mapping[str, object] | None,
    *,
    initial_cash: float,
    costs: Costs | None = None,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BacktestResult:
    """Backtest ``strategy_type`` over ``bars`` (see the module docstring for the rules).

    ``progress(fraction)`` is called after each symbol (reaching 1.0); ``should_stop()`` is
    checked before each symbol and raises ``Cancelled`` when true. Raises ValueError for bad
    parameters, no symbols, or non-positive cash.
    """
    fees = Fees.of(costs or Costs())
    chosen = validate_parameters(strategy_type, params)
    total = to_cents(round(initial_cash, 2), "initial_cash")
    if total <= 0 or not bars:
        raise ValueError("a backtest needs initial_cash > 0 and at least one symbol")
    share = total // len(bars)
    accounts: list[tuple[DateArray, _Account]] = []
    for done, (symbol, data) in enumerate(bars.items(), start=1):
        if should_stop is not None and should_stop():
            raise Cancelled(f"backtest stopped before {symbol}")
        ohlc = OHLC(data.open, data.high, data.low, data.close, np.zeros_like(data.close))
        want = target_positions(strategy_type, chosen, ohlc)
        o, c = cents(data.open), cents(data.close)
        days = data.dates.astype("datetime64[D]").astype(np.int64)
        log = simulate(o, c, days, data.price_limit_pct, want, share, fees)
        accounts.append((data.dates, _account(symbol, data.dates, c, share, log)))
        if progress is not None:
            progress(done / len(bars))
    dates, equity, cash = _combine(accounts, share, total - share * len(bars))
    trades = [t for _, account in accounts for t in account.trades]
    # Time order across symbols; a stable sort keeps the symbols' order within one time.
    order = np.argsort(np.concatenate([a.times for _, a in accounts]), kind="stable")
    trades = [trades[i] for i in order.tolist()]
    pnls = [p for _, account in accounts for p in account.pnls]
    traded = sum(account.traded for _, account in accounts)
    figures = performance.compute(dates, equity, total, traded=traded, pnls=pnls, fills=len(trades))
    return BacktestResult(dates, equity / 100, cash / 100, trades, figures, chosen)


def _combine(
    accounts: list[tuple[DateArray, _Account]], share: int, idle: int
) -> tuple[DateArray, IntArray, IntArray]:
    """Sum the accounts (cents) on the union of their times, carrying each one forward."""
    first = accounts[0][0]
    same = all(d.shape == first.shape and bool(np.all(d == first)) for d, _ in accounts)
    # One calendar for all symbols is the common case: no sort, no scatter.
    union = first if same else np.unique(np.concatenate([d for d, _ in accounts]))
    # Start from every account's starting cash; each adds its change from that cash.
    equity = np.full(union.shape[0], idle + share * len(accounts), dtype=np.int64)
    cash = equity.copy()
    for dates, account in accounts:
        if not dates.shape[0]:
            continue
        if same:
            equity += account.equity - share
            cash += account.cash - share
            continue
        mark = np.zeros(union.shape[0], dtype=np.int64)
        mark[np.searchsorted(union, dates)] = np.arange(1, dates.shape[0] + 1)
        idx = np.maximum.accumulate(mark)  # 0 before the account's first bar: its start cash
        equity += np.concatenate(([share], account.equity))[idx] - share
        cash += np.concatenate(([share], account.cash))[idx] - share
    return union, equity, cash
