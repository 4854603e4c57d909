"""A-share boards and their daily price limits, as a function of the symbol AND the date.

The exchanges changed the bands over the years; a backtest of 2015 must use 2015's rules:

| board | code | band | since |
|---|---|---|---|
| Shanghai and Shenzhen main board | 600 601 603 605 / 000 001 002 003 | ±10% | 1996-12-16 |
| main board, ST or *ST | | ±5%, then ±10% | ±10% from 2025-07-07 |
| ChiNext (创业板) | 300 301 | ±10%, ST ±5% | 2009-10-30 |
| ChiNext after its registration reform | | ±20%, ST too | 2020-08-24 |
| STAR Market (科创板) | 688 689 | ±20%, ST too | 2019-07-22 (opening) |
| Beijing Stock Exchange (北交所) | 4xxxxx 8xxxxx 92xxxx .BJ | ±30% | 2021-11-15 (opening) |

A new listing's first days are different. Under the registration rules (STAR from its opening,
ChiNext from 2020-08-24, the main board from 2023-04-10) the first five trading days have no
limit; on the Beijing exchange the first day has none. Before those reforms, from 2014-01-01,
a main-board or ChiNext listing's first day was capped at +44% / -36% of its offer price (and
had no cap before 2014, only intraday halts). Indices have no band.

Bands are fractions of the reference price: the previous close, or the offer price on a
listing's first day (`Band.of_offer`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

Board = Literal["main", "chinext", "star", "bse", "index"]

CHINEXT_REFORM = dt.date(2020, 8, 24)
STAR_OPENED = dt.date(2019, 7, 22)
MAIN_REGISTRATION = dt.date(2023, 4, 10)
MAIN_ST_TEN = dt.date(2025, 7, 7)  # main-board ST and *ST: ±5% -> ±10%
FIRST_DAY_CAPS = dt.date(2014, 1, 1)  # +44% / -36% of the offer price on the first day


@dataclass(frozen=True)
class Band:
    """How far a price may move from its reference in a day: fractions up and down, None for
    no limit that way."""

    up: float | None
    down: float | None
    of_offer: bool = False  # the reference is the offer price (a listing's first day)

    @property
    def limited(self) -> bool:
        return self.up is not None or self.down is not None


NONE = Band(None, None)


def board_of(symbol: str) -> Board:
    """The board a code such as 600000.SH trades on."""
    code, _, exchange = symbol.upper().partition(".")
    if exchange == "BJ":
        return "bse"
    if (exchange == "SH" and code.startswith("000")) or (
        exchange == "SZ" and code.startswith("399")
    ):
        return "index"
    if code.startswith(("688", "689")):
        return "star"
    if code.startswith(("300", "301")):
        return "chinext"
    return "main"


def price_band(
    symbol: str,
    day: dt.date,
    *,
    st: bool = False,
    listed: dt.date | None = None,
    session: int | None = None,
) -> Band:
    """The band of `symbol` on `day`. `st`: flagged ST or *ST that day. `listed`: its listing
    date, and `session` which trading day of its life `day` is (1: the listing day), when
    known; without them the first days' rules are not applied."""
    board = board_of(symbol)
    if board == "index":
        return NONE
    new = session is not None and listed is not None
    if board == "bse":
        return NONE if new and session == 1 else _even(0.30)
    if board == "star":
        return NONE if new and session is not None and session <= 5 else _even(0.20)
    reform = CHINEXT_REFORM if board == "chinext" else MAIN_REGISTRATION
    if new and listed is not None and session is not None:
        if listed >= reform and session <= 5:
            return NONE
        if listed < reform and session == 1:
            return Band(0.44, 0.36, of_offer=True) if day >= FIRST_DAY_CAPS else NONE
    if board == "chinext":
        if day >= CHINEXT_REFORM:
            return _even(0.20)
        return _even(0.05 if st else 0.10)
    return _even(0.05 if st and day < MAIN_ST_TEN else 0.10)


def _even(fraction: float) -> Band:
    return Band(fraction, fraction)


def is_st(name: str | None) -> bool:
    """Flagged ST or *ST by its name (ST康美, *ST海润): the flag as of the name's date."""
    return name is not None and "ST" in name.upper()


def band_on(symbol: str, day: dt.date, *, st: bool = False) -> float | None:
    """The symmetric band of `symbol` on `day` as a fraction; None: no limit (an index, or a
    listing's first days, or a first-day cap on the offer price, which a series without the
    offer price cannot apply)."""
    band = price_band(symbol, day, st=st)
    return band.up if band.up == band.down and not band.of_offer else None


def band_series(symbol: str, days: np.ndarray, *, st: bool | np.ndarray = False) -> np.ndarray:
    """`band_on` for each of `days` (datetime64, daily or intraday), NaN for no limit: what a
    backtest over those bars applies. `st`: flagged all along, or per day (`st_days`)."""
    day = np.asarray(days).astype("datetime64[D]")
    flagged = np.broadcast_to(np.asarray(st, dtype=bool), day.shape)
    keys = np.stack([day.astype(np.int64), flagged.astype(np.int64)], axis=-1)
    unique, where = np.unique(keys.reshape(-1, 2), axis=0, return_inverse=True)
    bands = [band_on(symbol, np.datetime64(int(d), "D").item(), st=bool(f)) for d, f in unique]
    values = np.array([np.nan if b is None else b for b in bands], dtype=np.float64)
    return values[where.reshape(-1)] if len(day) else np.empty(0, dtype=np.float64)


def st_days(days: np.ndarray, periods: Sequence[tuple[Any, Any, Any]]) -> np.ndarray:
    """Which of `days` fall in an ST period (start, end or None: still flagged, flag)."""
    day = np.asarray(days).astype("datetime64[D]")
    flagged = np.zeros(day.shape, dtype=bool)
    for start, end, _ in periods:
        after = day >= np.datetime64(start, "D")
        flagged |= after if end is None else after & (day <= np.datetime64(end, "D"))
    return flagged
