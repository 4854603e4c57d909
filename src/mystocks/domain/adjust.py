"""Price adjustment (复权) of raw bars through back-adjustment factors.

A factor is cumulative: 1.0 before a stock's first corporate action, multiplied on each
ex-date by how much the action cut the price (`ratio`). Then, as terminals define them:

    hfq (后复权)  price x factor                  the listing's prices, later ones scaled up
    qfq (前复权)  price x factor / newest factor  today's prices, earlier ones scaled down

so qfq is anchored at the newest factor and moves whenever a new action is recorded; every
answer says which factor date it is anchored at. Volumes and amounts are not adjusted (as in
通达信). Adjusted prices are rounded to 4 decimals, and indicators read the same rounded prices
the bars show.

The ratio of an action with `cash` yuan and `shares` new shares per share, on a stock that
closed at `prev` before its ex-date, is prev / ((prev - cash) / (1 + shares)): the exchange's
ex-rights reference price. Rights issues (配股) are not modelled here; a provider's factors
include them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from mystocks.domain.series import BarSeries

Adjust = Literal["none", "qfq", "hfq"]
DECIMALS = 4


@dataclass(frozen=True)
class Factors:
    """Factor changes, oldest first: from `days[i]` on, the factor is `values[i]`."""

    days: np.ndarray  # datetime64[D], ascending
    values: np.ndarray  # float64

    @classmethod
    def of(cls, rows: Sequence[tuple[object, float]]) -> Factors:
        days = np.array([str(day) for day, _ in rows], dtype="datetime64[D]")
        values = np.array([float(value) for _, value in rows], dtype=np.float64)
        order = np.argsort(days, kind="stable")
        return cls(days[order], values[order])

    @property
    def newest(self) -> float:
        return float(self.values[-1]) if len(self.values) else 1.0

    @property
    def anchor(self) -> np.datetime64 | None:
        """The ex-date qfq prices are anchored at (None: no action recorded)."""
        return self.days[-1] if len(self.days) else None

    def at(self, days: np.ndarray) -> np.ndarray:
        """The factor in force on each of `days` (datetime64 of any unit)."""
        day = np.asarray(days).astype("datetime64[D]")
        where = np.searchsorted(self.days, day, side="right") - 1
        if not len(self.values):
            return np.ones(len(day), dtype=np.float64)
        found: np.ndarray = np.where(where >= 0, self.values[np.maximum(where, 0)], 1.0)
        return found


NO_FACTORS = Factors(np.empty(0, dtype="datetime64[D]"), np.empty(0, dtype=np.float64))


def ratio(prev_close: float, cash: float, shares: float) -> float:
    """How much an ex-date cuts the price: prev close / the ex-rights reference price."""
    reference = (prev_close - cash) / (1.0 + shares)
    if reference <= 0:
        raise ValueError(f"a dividend of {cash} on a close of {prev_close} leaves no price")
    return prev_close / reference


def factors_from_actions(
    days: np.ndarray, closes: np.ndarray, actions: Sequence[tuple[object, float, float]]
) -> Factors:
    """hfq factors from raw daily closes (`days` ascending) and corporate actions (ex-date,
    cash per share, new shares per share). An action before the first close has no
    reference price and is skipped."""
    day = np.asarray(days).astype("datetime64[D]")
    cumulative = 1.0
    rows: list[tuple[object, float]] = []
    for ex_date, cash, shares in sorted(actions, key=lambda a: str(a[0])):
        ex = np.datetime64(str(ex_date), "D")
        before = int(np.searchsorted(day, ex, side="left")) - 1
        if before < 0:
            continue
        cumulative *= ratio(float(closes[before]), cash, shares)
        rows.append((ex, cumulative))
    return Factors.of(rows)


def multipliers(days: np.ndarray, factors: Factors, mode: Adjust) -> np.ndarray | None:
    """What each bar's prices are multiplied by in `mode` (None: nothing to do)."""
    if mode == "none" or not len(factors.values):
        return None
    per_bar: np.ndarray = factors.at(days)
    if mode == "qfq":
        per_bar = per_bar / factors.newest
    return per_bar


def adjust_prices(
    days: np.ndarray, prices: Sequence[np.ndarray], factors: Factors, mode: Adjust
) -> list[np.ndarray]:
    """Raw price columns of bars on `days` in `mode`, rounded to DECIMALS (the same arrays
    when there is nothing to do)."""
    scale = multipliers(days, factors, mode)
    if scale is None:
        return list(prices)
    return [np.round(column * scale, DECIMALS) for column in prices]


def adjust_series(series: BarSeries, factors: Factors, mode: Adjust) -> BarSeries:
    """`series` (raw prices) in `mode`."""
    columns = (series.open, series.high, series.low, series.close)
    o, h, low, c = adjust_prices(series.local, columns, factors, mode)
    if o is series.open:  # nothing to adjust
        return series
    return BarSeries(series.local, o, h, low, c, series.volume, series.amount, series.simulated)
