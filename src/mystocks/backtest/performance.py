"""Performance figures of a backtest's portfolio curve: exact inputs (cents), float outputs.

Conventions: returns are fractions; 252 trading days a year; risk-free rate 0; intraday
curves are judged on day-end values like daily ones. Sharpe and Sortino follow empyrical's
definitions (sample standard deviation; downside deviation over all days).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

DateArray = npt.NDArray[np.datetime64]
IntArray = npt.NDArray[np.int64]

__all__ = ["TRADING_DAYS", "compute"]

TRADING_DAYS = 252


def compute(
    dates: DateArray, equity: IntArray, initial: int, *, traded: int, pnls: list[int], fills: int
) -> dict[str, float | int | None]:
    """Figures of a portfolio curve: ``equity`` in cents at each bar close (``dates``),
    ``initial`` cash in cents, gross ``traded`` value in cents, each closed round trip's net
    pnl, and the number of fills.

    Daily equity E_0..E_D: E_0 = initial cash, E_d = equity at the last bar of trading day d;
    r_d = E_d / E_(d-1) - 1. With daily bars r_1 is 0 (nothing fills before day 2's open).

    * total_return = E_D / E_0 - 1; final_equity = E_D in CNY.
    * annual_return = (E_D / E_0) ** (252 / D) - 1 (-1 if wiped out; None without a bar).
    * sharpe = mean(r) / std(r, ddof=1) * sqrt(252); None if D < 2 or std = 0.
    * sortino = mean(r) / sqrt(mean(min(r, 0) ** 2)) * sqrt(252), the downside deviation
      taken over all days; None when no day lost.
    * max_drawdown = max_t (1 - V_t / max_(s<=t) V_s) over every bar close V_t, V_0 being the
      initial cash: a positive fraction, 0 if the curve never fell.
    * win_rate = round trips with net pnl > 0 / closed round trips (pnl after both
      commissions and the stamp duty); None without one. round_trips counts them.
    * turnover = gross value of all fills / mean(V_t), t >= 1: how many times the average
      capital was traded over the whole test (not annualised). trades = number of fills.
    """
    day = dates.astype("datetime64[D]")
    last_of_day = np.concatenate((day[1:] != day[:-1], [day.shape[0] > 0]))
    day_end = np.flatnonzero(last_of_day)
    daily = np.concatenate(([initial], equity[day_end])).astype(np.float64)
    returns = daily[1:] / daily[:-1] - 1.0
    days = returns.shape[0]
    final = float(daily[-1])
    growth = final / initial
    curve = np.concatenate(([initial], equity)).astype(np.float64)
    peak = np.maximum.accumulate(curve)
    sharpe = sortino = None
    if days >= 2:
        std = float(np.std(returns, ddof=1))
        downside = math.sqrt(float(np.mean(np.minimum(returns, 0.0) ** 2)))
        mean = float(np.mean(returns))
        sharpe = mean / std * math.sqrt(TRADING_DAYS) if std > 0 else None
        sortino = mean / downside * math.sqrt(TRADING_DAYS) if downside > 0 else None
    annual = None
    if days:
        annual = growth ** (TRADING_DAYS / days) - 1.0 if growth > 0 else -1.0
    return {
        "total_return": growth - 1.0,
        "annual_return": annual,
        "sharpe": sharpe,
        "sortino": sortino,
        "max_drawdown": float(np.max(1.0 - curve / peak)),
        "win_rate": sum(p > 0 for p in pnls) / len(pnls) if pnls else None,
        "round_trips": len(pnls),
        "turnover": traded / float(np.mean(curve[1:])) if curve.shape[0] > 1 else 0.0,
        "trades": fills,
        "final_equity": final / 100,
    }
