"""The fill loop of ``fills.simulate`` compiled with numba: same rules, same integers.

``fill_loop`` is a line-for-line port of the pure-Python loop in ``fills.simulate`` (which stays
the reference and the fallback): it walks the fill candidates (the bar after each change of
target), prices each one with the rules of ``fills.book`` and returns the same flat log of
(bar, price, signed quantity, commission, cash after). The Python loop uses unbounded ints;
this one uses int64, so it checks every product that could leave int64 before computing it
and, if one could, returns ``OVERFLOW`` and the caller runs the Python loop instead (only
accounts of hundreds of millions of CNY get near that). The price-limit arithmetic
(``prev * (10_000 ± band)``, each bar's band) is int64 in both paths, so it is done the same
way here.

Importing this module imports numba; ``fills`` imports it lazily and falls back to Python when
that fails. ``cache=True`` keeps the compiled code in ``__pycache__`` for later processes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from numba import njit

__all__ = ["OK", "OVERFLOW", "fill_loop", "simulate"]

IntArray = npt.NDArray[np.int64]

OK = 0
OVERFLOW = 1

RATE_SCALE = 10**8  # as fills.RATE_SCALE
HALF = RATE_SCALE // 2
# The largest value (cents) whose product with a rate (< RATE_SCALE) or with RATE_SCALE, plus
# HALF, stays in int64; also bounds cash so that cash * RATE_SCALE does.
SAFE = (2**63 - 1 - HALF) // (2 * RATE_SCALE)


@njit(cache=True, nogil=True)
def _lots_for(cash: int, unit: int, rate: int, minc: int) -> tuple[int, int]:
    """``fills.lots_for`` (callers ensure cash, unit <= SAFE)."""
    lots = cash // unit
    bound = cash * RATE_SCALE // (unit * (RATE_SCALE + rate)) + 1
    if bound < lots:
        lots = bound
    while lots > 0:
        value = lots * unit
        fee = (value * rate + HALF) // RATE_SCALE
        if fee < minc:
            fee = minc
        if value + fee <= cash:
            return lots, fee
        lots -= 1
    return 0, 0


@njit(cache=True, nogil=True)
def fill_loop(
    fills: IntArray,
    o: IntArray,
    prev: IntArray,
    days: IntArray,
    band: IntArray,
    cash: int,
    cr: int,
    sr: int,
    minc: int,
    slip: int,
    tick: int,
    lot: int,
) -> tuple[IntArray, int, int]:
    """The log (rows of bar, price, signed quantity, commission, cash after; the first
    ``count`` rows are filled), ``count`` and a status (``OK`` or ``OVERFLOW``: then the log is
    meaningless and the caller must use the Python loop).

    ``fills`` are the candidate bars (ascending, alternating buy, sell, ...), ``o`` the opens and
    ``prev`` the previous day's close (-1: none) in cents, ``days`` the trading day of each bar,
    ``band`` each bar's limit band in basis points (-1: no limit), the rest ``fills.Fees``.
    """
    n = o.shape[0]
    m = fills.shape[0]
    log = np.empty((m, 5), dtype=np.int64)
    count = 0
    if cash > SAFE or cash < 0 or not 0 < lot <= SAFE or tick < 1:
        return log, 0, OVERFLOW
    qty = 0
    bought_day = 0
    for k in range(0, m, 2):
        if qty == 0:  # buy at candidate k (skipped if an earlier sell never filled)
            j = fills[k]
            bought_day = days[j]
            lots = 0
            fee = 0
            px = max(o[j] + slip, tick)
            ok = True
            if band[j] >= 0 and prev[j] > 0:
                up = (prev[j] * (10_000 + band[j]) + 5_000) // 10_000
                px = min(px, up)
                ok = o[j] < up
            if ok:
                if px > SAFE // lot:
                    return log, 0, OVERFLOW
                unit = lot * px
                lots = cash // unit
                value = lots * unit
                fee = (value * cr + HALF) // RATE_SCALE
                if fee < minc:
                    fee = minc
                if value + fee > cash:  # the commission does not fit: fewer lots
                    lots, fee = _lots_for(cash, unit, cr, minc)
            if lots == 0:  # limit-up open or too little cash: the first later bar that fills
                end = fills[k + 1] if k + 1 < m else n
                found = -1
                for i in range(j, end):
                    p = max(o[i] + slip, tick)
                    if band[i] >= 0 and prev[i] > 0:
                        up = (prev[i] * (10_000 + band[i]) + 5_000) // 10_000
                        if o[i] >= up:
                            continue
                        p = min(p, up)
                    if p > SAFE // lot:
                        return log, 0, OVERFLOW
                    unit = lot * p
                    unit_fee = (unit * cr + HALF) // RATE_SCALE
                    if unit_fee < minc:
                        unit_fee = minc
                    if unit + unit_fee <= cash:
                        found = i
                        px = p
                        break
                if found < 0:
                    continue
                j = found
                lots, fee = _lots_for(cash, lot * px, cr, minc)
                bought_day = days[j]
            qty = lots * lot
            cash -= qty * px + fee
            log[count, 0] = j
            log[count, 1] = px
            log[count, 2] = qty
            log[count, 3] = fee
            log[count, 4] = cash
            count += 1
        if k + 1 == m:
            break
        j = fills[k + 1]  # sell at candidate k + 1
        end = fills[k + 2] if k + 2 < m else n
        found = -1
        px = 0
        for i in range(j, end):  # the candidate itself, else the first later bar that fills
            if days[i] <= bought_day:  # T+1
                continue
            p = max(o[i] - slip, tick)
            if band[i] >= 0 and prev[i] > 0:
                down = (prev[i] * (10_000 - band[i]) + 5_000) // 10_000
                if o[i] <= down:  # limit-down open
                    continue
                p = max(p, down)
            found = i
            px = p
            break
        if found < 0:
            continue
        j = found
        if px > SAFE // qty:
            return log, 0, OVERFLOW
        value = qty * px
        fee = (value * cr + HALF) // RATE_SCALE
        if fee < minc:
            fee = minc
        cash += value - fee - (value * sr + HALF) // RATE_SCALE
        if cash > SAFE:
            return log, 0, OVERFLOW
        log[count, 0] = j
        log[count, 1] = px
        log[count, 2] = -qty
        log[count, 3] = fee
        log[count, 4] = cash
        count += 1
        qty = 0
    return log, count, OK


@njit(cache=True, nogil=True)
def simulate(
    o: IntArray,
    c: IntArray,
    days: IntArray,
    want: npt.NDArray[Any],
    band: IntArray,
    cash: int,
    cr: int,
    sr: int,
    minc: int,
    slip: int,
    tick: int,
    lot: int,
) -> tuple[IntArray, int, int]:
    """``fill_loop`` after the set-up of ``fills.simulate``, also compiled: the previous
    trading day's last close at every bar (``fills.prev_close``) and the fill candidates (the
    bar after each change of ``want``, the target after each close, which starts flat)."""
    n = o.shape[0]
    prev = np.empty(n, dtype=np.int64)
    last_day_close = -1
    for i in range(n):
        if i and days[i] != days[i - 1]:
            last_day_close = c[i - 1]
        prev[i] = last_day_close
    fills = np.empty(n, dtype=np.int64)
    m = 0
    if n > 1 and want[0]:
        fills[0] = 1
        m = 1
    for t in range(2, n):
        if want[t - 1] != want[t - 2]:
            fills[m] = t
            m += 1
    return fill_loop(fills[:m], o, prev, days, band, cash, cr, sr, minc, slip, tick, lot)
