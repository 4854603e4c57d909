"""Bar series as columns, and the resampling that builds every period from 1m and 1d bars.

Times inside a series are naive exchange-local `datetime64[s]`: sessions, bucket edges and
calendar weeks are all defined in local time, so that is where the arithmetic is done. They are
turned into RFC 3339 strings with the zone's offset only when a page is written out.

Intraday bars are stamped at the END of their interval, as trading terminals label them: the
first 1-minute bar of an A-share day is 09:31, and 60-minute bars end at 10:30, 11:30, 14:00 and
15:00 (the lunch break splits nothing because sessions are counted in trading minutes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

MINUTE = np.timedelta64(60, "s")

# Trading sessions in minutes after local midnight, (open, close].
SESSIONS: dict[str, tuple[tuple[int, int], ...]] = {
    "CN": ((9 * 60 + 30, 11 * 60 + 30), (13 * 60, 15 * 60)),
    "US": ((9 * 60 + 30, 16 * 60),),
}

MARKET_TZ = {"CN": "Asia/Shanghai", "US": "America/New_York"}

FIELDS = ("open", "high", "low", "close", "volume", "amount")


@dataclass(frozen=True)
class BarSeries:
    local: np.ndarray  # datetime64[s], naive exchange-local, ascending
    open: np.ndarray
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray  # int64
    amount: np.ndarray
    simulated: bool = False

    def __len__(self) -> int:
        return len(self.local)

    def take(self, index: slice | np.ndarray) -> BarSeries:
        return BarSeries(
            self.local[index],
            self.open[index],
            self.high[index],
            self.low[index],
            self.close[index],
            self.volume[index],
            self.amount[index],
            self.simulated,
        )


def from_rows(local: np.ndarray, rows: Sequence[Sequence[Any]], simulated: bool) -> BarSeries:
    """Columns from rows of (t, open, high, low, close, volume, amount, ...); `local` given."""
    if not rows:
        empty_f = np.empty(0, dtype=np.float64)
        return BarSeries(
            np.empty(0, "datetime64[s]"),
            empty_f,
            empty_f,
            empty_f,
            empty_f,
            np.empty(0, np.int64),
            empty_f,
            simulated,
        )
    cols = list(zip(*rows, strict=False))
    return BarSeries(
        local.astype("datetime64[s]"),
        np.asarray(cols[1], dtype=np.float64),
        np.asarray(cols[2], dtype=np.float64),
        np.asarray(cols[3], dtype=np.float64),
        np.asarray(cols[4], dtype=np.float64),
        np.asarray(cols[5], dtype=np.int64),
        np.asarray(cols[6], dtype=np.float64),
        simulated,
    )


def utc_ms_to_local(ms: np.ndarray, tz: str) -> np.ndarray:
    """Epoch-ms UTC -> naive local datetime64[s] in `tz` (DST-aware)."""
    utc = pd.to_datetime(np.asarray(ms, dtype=np.int64), unit="ms", utc=True)
    return np.asarray(utc.tz_convert(tz).tz_localize(None).to_numpy(), dtype="datetime64[s]")


def local_to_utc_ms(local: np.datetime64 | np.ndarray, tz: str) -> np.ndarray:
    index = pd.DatetimeIndex(np.atleast_1d(np.asarray(local, dtype="datetime64[s]")))
    aware = index.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")
    utc = np.asarray(aware.tz_convert("UTC").tz_localize(None).to_numpy(), dtype="datetime64[ms]")
    return utc.astype(np.int64)


def iso_strings(local: np.ndarray, tz: str, unit: Literal["s", "ms"] = "s") -> list[str]:
    """RFC 3339 strings with the zone's offset at each instant (`2017-07-26T15:00:00+08:00`;
    with `unit="ms"`, `2017-07-26T14:59:50.000+08:00`)."""
    if len(local) == 0:
        return []
    text = np.datetime_as_string(local, unit=unit)
    if tz == "Asia/Shanghai":  # no DST since 1991: skip the per-row zone lookup on the hot path
        return [t + "+08:00" for t in text.tolist()]
    aware = pd.DatetimeIndex(local).tz_localize(tz, ambiguous=True, nonexistent="shift_forward")
    offsets = (aware.tz_localize(None) - aware.tz_convert("UTC").tz_localize(None)).total_seconds()
    out = []
    for t, off in zip(text.tolist(), offsets.astype(int).tolist(), strict=True):
        sign = "+" if off >= 0 else "-"
        h, m = divmod(abs(off) // 60, 60)
        out.append(f"{t}{sign}{h:02d}:{m:02d}")
    return out


def _aggregate(series: BarSeries, keys: np.ndarray, stamp: np.ndarray) -> BarSeries:
    """Reduce runs of equal `keys`; each group is stamped with the `stamp` of its last row."""
    if len(series) == 0:
        return series
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)] - 1
    return BarSeries(
        stamp[ends],
        series.open[starts],
        np.maximum.reduceat(series.high, starts),
        np.minimum.reduceat(series.low, starts),
        series.close[ends],
        np.add.reduceat(series.volume, starts),
        np.add.reduceat(series.amount, starts),
        series.simulated,
    )


def resample_intraday(series: BarSeries, minutes: int, market: str) -> BarSeries:
    """1-minute bars -> `minutes`-minute bars, counted in trading minutes of the sessions."""
    if minutes == 1 or len(series) == 0:
        return series
    day = series.local.astype("datetime64[D]")
    minute_of_day = ((series.local - day) // MINUTE).astype(np.int64)
    sessions = SESSIONS.get(market, SESSIONS["CN"])
    # Trading-minute index (1-based, bar end) and the inverse map from index to clock minute.
    index = minute_of_day.copy()
    offset = 0
    inverse: list[tuple[int, int, int]] = []  # (first index, last index, clock minute of index 0)
    in_session = np.zeros(len(series), dtype=bool)
    for open_, close in sessions:
        mask = (minute_of_day > open_) & (minute_of_day <= close)
        index[mask] = minute_of_day[mask] - open_ + offset
        in_session |= mask
        inverse.append((offset + 1, offset + close - open_, open_ - offset))
        offset += close - open_
    bucket_end = -(-index // minutes) * minutes
    end_clock = -(-minute_of_day // minutes) * minutes  # bars outside sessions: the clock's grid
    for first, last, base in inverse:
        # A bucket ending past its session (e.g. a 60m bucket would cross lunch) ends at the
        # session's close: only possible when a session is not a multiple of `minutes`.
        mask = in_session & (index >= first) & (index <= last)
        end_clock[mask] = np.minimum(bucket_end[mask], last) + base
    stamp = day + end_clock.astype("timedelta64[m]")
    keys = stamp.astype(np.int64)
    return _aggregate(series, keys, stamp.astype("datetime64[s]"))


def resample_calendar(daily: BarSeries, unit: str) -> BarSeries:
    """Daily bars -> weekly (`W`, ISO weeks) or monthly (`M`) bars, stamped on the last day."""
    if len(daily) == 0:
        return daily
    days = daily.local.astype("datetime64[D]")
    if unit == "M":
        keys = days.astype("datetime64[M]").astype(np.int64)
    else:
        # Monday-based weeks: 1970-01-01 was a Thursday, so shift by 3 days before dividing.
        keys = (days.astype(np.int64) + 3) // 7
    return _aggregate(daily, keys, daily.local)


def resample_rows(
    rows: Sequence[Sequence[Any]], minutes: int, market: str
) -> list[tuple[Any, ...]]:
    """Rows (ts_ms UTC, open, high, low, close, volume, amount, simulated) -> `minutes`-minute
    rows, bucketed by `resample_intraday`. The
    `simulated` flag of each new bar (1 if any source bar was) comes from the same grouping
    applied to the flags: the `high` of a bucket is the max of its values."""
    if not rows:
        return []
    tz = MARKET_TZ[market]
    local = utc_ms_to_local(np.array([r[0] for r in rows], dtype=np.int64), tz)
    bars = resample_intraday(from_rows(local, list(rows), simulated=False), minutes, market)
    flags = np.array([r[7] for r in rows], dtype=np.float64)
    zeros = np.zeros(len(rows))
    flag_series = BarSeries(local, flags, flags, flags, flags, zeros.astype(np.int64), zeros)
    simulated = resample_intraday(flag_series, minutes, market).high.astype(np.int64)
    stamps = local_to_utc_ms(bars.local, tz).tolist()
    columns = (bars.open, bars.high, bars.low, bars.close, bars.volume, bars.amount, simulated)
    return list(zip(stamps, *(c.tolist() for c in columns), strict=True))
