"""One account under the A-share trading rules: costs, fill prices, price limits, T+1, lots.

Everything here is integer cents (rates in units of 1e-8), so every fee and every cash balance
is exact. The rules, as ``simulate`` applies them to a target position per bar:

* Timing: the target of a bar (decided at its close) is filled at the NEXT bar's open. A
  target still unmet (refused fill) is retried at each later open while it stays the same; a
  target set on the last bar is never filled.
* All in / all out: a buy spends the cash on the largest multiple of ``lot_size`` (a board
  lot, 100 shares) whose value plus commission fits; a sell sells the whole holding.
* Prices: bar prices are taken on the 0.01 grid. Buys pay ``open + slippage_ticks * tick``,
  sells get ``open - slippage_ticks * tick``, never beyond the day's limit price (an exchange
  rejects orders outside the band) nor below one tick.
* Price limits: with a band b (0.10 main board, 0.20 ChiNext and STAR, 0.05 ST, 0.30 Beijing;
  per bar, as ``domain.boards.band_series`` dates it: ChiNext was 0.10 before 2020-08-24),
  limit-up = prev_close * (1 + b) and limit-down = prev_close * (1 - b), rounded half-up to
  0.01, prev_close being the previous trading day's last close. A bar opening at or above
  limit-up cannot fill a buy, one opening at or below limit-down cannot fill a sell (the queue
  at the limit is assumed not to reach us). The first trading day of a series has no
  reference close and is not limited.
* T+1: shares bought on trading day D can be sold only on a later trading day, checked on
  every sell (with daily bars and next-open fills it always holds; with minute bars a sell
  signal on the buy day waits for the next day's first open).
* Costs: commission = max(commission_rate * value, min_commission) per fill; stamp duty =
  stamp_duty_rate * value on sells only; each rounded half-up to 0.01. Costs, limits and lots
  are ``mystocks.domain.rules``, which paper trading charges with too.

Speed: the loop over the bars where the target changes (a few % of all bars) is sequential,
since the cash left by one round trip decides the lot count of the next. When numba imports it
runs compiled (``_kernel.simulate``, the same integer arithmetic, checked against int64
overflow); otherwise, or with the environment variable ``MYSTOCKS_NO_JIT`` set to anything but
"" or "0" (read at every call), the pure-Python loop below runs, with prices and limit checks as
NumPy over those bars. Both give identical fills.
"""

from __future__ import annotations

import functools
import os
from types import ModuleType
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from mystocks.domain.rules import (
    RATE_SCALE,
    Costs,
    Fees,
    commission,
    limit_prices,
    to_cents,
    to_rate,
)

# Costs, fees and limits are the shared rules (``mystocks.domain.rules``), re-exported for
# the engine.
__all__ = [
    "RATE_SCALE",
    "Costs",
    "Fees",
    "FillLog",
    "simulate",
    "to_cents",
    "to_rate",
]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


def prev_close(close: IntArray, days: IntArray) -> IntArray:
    """The previous trading day's last close at every bar, -1 on the first day. For daily
    bars (one per day) that is simply the previous bar's close."""
    n = close.shape[0]
    if n < 2 or bool(np.all(days[1:] != days[:-1])):
        return np.concatenate(([-1], close[:-1]))
    new_day = np.concatenate(([True], days[1:] != days[:-1]))
    day_index = np.cumsum(new_day) - 1
    day_close = close[np.concatenate((np.flatnonzero(new_day)[1:] - 1, [n - 1]))]
    return np.where(day_index > 0, day_close[np.maximum(day_index - 1, 0)], -1)


def band_points(band_pct: float | FloatArray | None, n: int) -> IntArray:
    """Each of `n` bars' limit band in basis points, -1 where there is none: from one band for
    all bars (a fraction, None: no limit) or one per bar (NaN: no limit that day)."""
    if band_pct is None:
        return np.full(n, -1, dtype=np.int64)
    bands = np.broadcast_to(np.asarray(band_pct, dtype=np.float64), (n,))
    return np.where(np.isnan(bands), -1, np.round(np.nan_to_num(bands) * 10_000)).astype(np.int64)


def book(
    open_: IntArray, prev: IntArray, band: IntArray, fees: Fees
) -> tuple[IntArray, IntArray, BoolArray, BoolArray]:
    """Buy and sell fill prices and whether a buy / a sell can fill, for the given bars.

    ``band`` per bar in basis points (-1: no limit), so limit prices round half-up exactly in
    integers. Slippage never pushes a price past the limit (the exchange rejects orders outside
    the band).
    """
    buy = np.maximum(open_ + fees.slip, fees.tick)  # a price rounding to 0 would divide by 0
    sell = np.maximum(open_ - fees.slip, fees.tick)
    # No reference close on the first day, or no band that day: not limited.
    limited = (prev > 0) & (band >= 0)
    up, down = limit_prices(prev, np.maximum(band, 0))
    return (
        np.where(limited, np.minimum(buy, up), buy),
        np.where(limited, np.maximum(sell, down), sell),
        ~(limited & (open_ >= up)),
        ~(limited & (open_ <= down)),
    )


class FillLog(NamedTuple):
    """One account's fills in time order (cents; quantity < 0 for sells)."""

    bar: IntArray  # index of the bar whose open filled it
    price: IntArray
    quantity: IntArray
    commission: IntArray
    cash_after: IntArray


def simulate(
    o: IntArray,
    c: IntArray,
    days: IntArray,
    band_pct: float | FloatArray | None,
    want: npt.NDArray[np.int8],
    cash: int,
    fees: Fees,
) -> FillLog:
    """Fill ``want`` (target after each close) for one account starting with ``cash``.

    ``o``/``c`` are opens and closes in cents, ``days`` each bar's trading day (days since the
    epoch), ``band_pct`` the price-limit band: one for every bar (None: unlimited) or one per
    bar (NaN: unlimited that day), as the dated board rules give it. See the module docstring.
    """
    n = o.shape[0]
    band = band_points(band_pct, n)
    cr, sr, minc, lot, half = fees.commission, fees.duty, fees.minimum, fees.lot, RATE_SCALE // 2
    kernel = jit_kernel()
    if kernel is not None and max(cash, minc, fees.slip, fees.tick, lot) <= kernel.SAFE:
        # Everything below, compiled: same integers, or OVERFLOW if int64 could not hold a
        # product (then Python's unbounded ints below decide).
        rows, count, status = kernel.simulate(
            np.ascontiguousarray(o, dtype=np.int64),
            np.ascontiguousarray(c, dtype=np.int64),
            np.ascontiguousarray(days, dtype=np.int64),
            np.ascontiguousarray(want),
            band,
            cash,
            cr,
            sr,
            minc,
            fees.slip,
            fees.tick,
            lot,
        )
        if status == kernel.OK:
            return FillLog(*np.ascontiguousarray(rows[:count].T))
    prev = prev_close(c, days)

    # Fill candidates: the bar after each change of target. Targets start flat, so the
    # candidates alternate buy, sell, buy, ... and each owns the bars up to the next one.
    # Prices and limit checks are computed for these bars only (a few % of all bars); a
    # refused fill looks further with the same function over its candidate's bars.
    fills = np.flatnonzero(want[1:] != want[:-1]) + 2
    if n and want[0]:
        fills = np.concatenate(([1], fills))
    fills = fills[fills < n]
    m = fills.shape[0]
    buy_px, sell_px, buy_ok, sell_ok = book(o[fills], prev[fills], band[fills], fees)
    fl, bp, sp = fills.tolist(), buy_px.tolist(), sell_px.tolist()
    bok, sok, fday = buy_ok.tolist(), sell_ok.tolist(), days[fills].tolist()

    # The hot loop: Python ints (exact, no overflow), one pass over the candidates, and a
    # fee arithmetic that is ``rules.commission`` / ``rules.stamp_duty`` written inline (a call
    # per fill costs more than the fill here; test_backtest checks they agree), and a
    # flat log of (bar, price, signed quantity, commission, cash after) per fill; all else
    # is derived from the log with NumPy. Fills alternate buy, sell, buy, ... because a buy
    # needs no holding and a sell a holding.
    qty = bought_day = 0
    log: list[int] = []
    for k in range(0, m, 2):
        if not qty:  # buy at candidate k (skipped if an earlier sell never filled)
            j, px, lots, fee, bought_day = fl[k], bp[k], 0, 0, fday[k]
            if bok[k]:
                unit = lot * px
                lots = cash // unit
                value = lots * unit
                fee = (value * cr + half) // RATE_SCALE
                if fee < minc:  # (an if, not max(): this loop is the engine's hot path)
                    fee = minc
                if value + fee > cash:  # the commission does not fit: fewer lots
                    lots, fee = lots_for(cash, unit, cr, minc)
            if not lots:  # limit-up open or too little cash: the first later bar that fills
                end = fl[k + 1] if k + 1 < m else n
                later, _, ok, _ = book(o[j:end], prev[j:end], band[j:end], fees)
                unit_fee = np.maximum((later * lot * cr + half) // RATE_SCALE, minc)
                hits = np.flatnonzero(ok & (later * lot + unit_fee <= cash))
                if not hits.size:
                    continue
                px = int(later[hits[0]])
                j += int(hits[0])
                lots, fee = lots_for(cash, lot * px, cr, minc)
                bought_day = int(days[j])
            qty = lots * lot
            cash -= qty * px + fee
            log += (j, px, qty, fee, cash)
        if k + 1 == m:
            break
        j, px = fl[k + 1], sp[k + 1]  # sell at candidate k + 1
        if not (sok[k + 1] and fday[k + 1] > bought_day):  # limit-down open or T+1
            end = fl[k + 2] if k + 2 < m else n
            _, later, _, ok = book(o[j:end], prev[j:end], band[j:end], fees)
            hits = np.flatnonzero(ok & (days[j:end] > bought_day))
            if not hits.size:
                continue
            px = int(later[hits[0]])
            j += int(hits[0])
        value = qty * px
        fee = (value * cr + half) // RATE_SCALE
        if fee < minc:
            fee = minc
        cash += value - fee - (value * sr + half) // RATE_SCALE
        log += (j, px, -qty, fee, cash)
        qty = 0
    columns = np.fromiter(log, np.int64, len(log)).reshape(-1, 5).T
    return FillLog(*columns)


def jit_kernel() -> ModuleType | None:
    """The compiled fill loop's module, or None: numba missing (or failing to import), or
    ``MYSTOCKS_NO_JIT`` set."""
    if os.environ.get("MYSTOCKS_NO_JIT", "") not in ("", "0"):
        return None
    return _import_kernel()


@functools.cache
def _import_kernel() -> ModuleType | None:
    try:
        from mystocks.backtest import _kernel
    except Exception:  # ImportError without numba; numba's own errors (e.g. no cache dir)
        return None
    return _kernel


def lots_for(cash: int, unit: int, rate: int, minc: int) -> tuple[int, int]:
    """Largest lot count whose value (``unit`` cents per lot) plus commission fits in ``cash``,
    and that commission. Starts from the count ignoring fees and steps down: the commission is
    a small fraction (or a fixed minimum), so one or two steps at most in practice."""
    # Upper bound from value * (1 + rate) <= cash (+1 for the rounding of the fee).
    lots = min(cash // unit, cash * RATE_SCALE // (unit * (RATE_SCALE + rate)) + 1)
    while lots > 0:
        value = lots * unit
        fee = commission(value, Fees(rate, minc, 0, 0, 1, 1))
        if value + fee <= cash:
            return lots, fee
        lots -= 1
    return 0, 0
