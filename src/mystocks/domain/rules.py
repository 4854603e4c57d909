"""A-share trading rules shared by the backtest engine and paper trading: costs, lots, ticks and
the daily price-limit band, in integers (cents; rates in units of 1e-8), so every fee and every
cash balance is exact and both paths charge the same fen.

* Costs: commission = max(commission_rate * value, min_commission) per fill; stamp duty =
  stamp_duty_rate * value on sells only; each rounded half-up to 0.01.
* Price limits: with a band b, limit-up = prev_close * (1 + b) and limit-down =
  prev_close * (1 - b), rounded half-up to 0.01 (``limit_prices``, band in basis points).
* Lots: buys in whole board lots; an odd lot may only be sold as the whole remainder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "RATE_SCALE",
    "Costs",
    "Fees",
    "commission",
    "limit_prices",
    "lot_problem",
    "stamp_duty",
    "to_cents",
    "to_rate",
    "yuan",
]

RATE_SCALE = 10**8  # rates are exact in units of 1e-8 (0.00025 = 25,000e-8)

Cents = TypeVar("Cents", int, npt.NDArray[np.int64])


def to_cents(value: float, what: str) -> int:
    scaled = value * 100
    if not math.isfinite(scaled) or abs(scaled - round(scaled)) > 1e-6:
        raise ValueError(f"{what} must be a whole number of cents, got {value!r}")
    return round(scaled)


def yuan(cents: int) -> float:
    """Cents as the yuan amount an answer shows (the inverse of `to_cents`)."""
    return cents / 100


def to_rate(value: float, what: str) -> int:
    scaled = value * RATE_SCALE
    if not 0 <= value < 1 or abs(scaled - round(scaled)) > 1e-6:
        raise ValueError(f"{what} must be in [0, 1) with at most 8 decimals, got {value!r}")
    return round(scaled)


@dataclass(frozen=True)
class Costs:
    """A-share trading costs; the defaults are a typical retail account."""

    commission_rate: float = 0.00025  # of the traded value, both sides
    min_commission: float = 5.0  # CNY per fill
    stamp_duty_rate: float = 0.0005  # of the traded value, sells only
    slippage_ticks: int = 1  # ticks against us on every market fill
    tick: float = 0.01  # CNY; must be a multiple of 0.01 (stocks, not 0.001-tick funds)
    lot_size: int = 100  # shares per board lot

    def __post_init__(self) -> None:
        to_rate(self.commission_rate, "commission_rate")
        to_rate(self.stamp_duty_rate, "stamp_duty_rate")
        if to_cents(self.min_commission, "min_commission") < 0:
            raise ValueError("min_commission must not be negative")
        if to_cents(self.tick, "tick") <= 0:
            raise ValueError("tick must be positive")
        if self.slippage_ticks < 0 or self.lot_size < 1:
            raise ValueError("slippage_ticks must be >= 0 and lot_size >= 1")


class Fees(NamedTuple):
    """``Costs`` in integers: cents, and rates in units of 1e-8."""

    commission: int
    minimum: int
    duty: int
    slip: int
    tick: int
    lot: int

    @classmethod
    def of(cls, costs: Costs) -> Fees:
        tick = to_cents(costs.tick, "tick")
        return cls(
            to_rate(costs.commission_rate, "commission_rate"),
            to_cents(costs.min_commission, "min_commission"),
            to_rate(costs.stamp_duty_rate, "stamp_duty_rate"),
            costs.slippage_ticks * tick,
            tick,
            costs.lot_size,
        )


def commission(value: int, fees: Fees) -> int:
    """The commission of one fill of ``value`` cents: the rate, rounded half-up, or the
    minimum."""
    return max((value * fees.commission + RATE_SCALE // 2) // RATE_SCALE, fees.minimum)


def stamp_duty(value: int, fees: Fees) -> int:
    """Stamp duty of a sell of ``value`` cents, rounded half-up (buys pay none)."""
    return (value * fees.duty + RATE_SCALE // 2) // RATE_SCALE


def limit_prices(prev_close: Cents, band_bp: Cents) -> tuple[Cents, Cents]:
    """Limit-up and limit-down prices (cents) from the previous close (cents) and the band in
    basis points, rounded half-up exactly in integers; scalars or arrays alike."""
    up = (prev_close * (10_000 + band_bp) + 5_000) // 10_000
    down = (prev_close * (10_000 - band_bp) + 5_000) // 10_000
    return up, down


def lot_problem(side: str, quantity: int, lot: int, holding: int) -> str | None:
    """Why ``quantity`` breaks the board-lot rule, or None: buys in whole lots; sells in whole
    lots, or all of a ``holding`` whose odd remainder can only go in one sell."""
    if quantity % lot == 0:
        return None
    if side == "sell" and quantity == holding:
        return None
    if side == "buy":
        return f"buys must be whole board lots of {lot} shares"
    return f"sells must be whole board lots of {lot} shares, or the whole holding ({holding})"
