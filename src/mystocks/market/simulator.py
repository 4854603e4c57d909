"""Seeded simulation of intraday minute bars and ticks consistent with real daily bars.

The shipped sample data (see ``sample_data``) has daily bars only. To exercise minute and tick
endpoints we synthesise intraday data that reproduces each day exactly: per symbol-day the ticks
open at the daily open, close at the daily close, touch the daily high and low, and their
volumes add up to the daily volume. Minute bars are the exact aggregation of the ticks.
Everything here is made up apart from those daily figures; callers must label it as simulated.

Construction (vectorised with numpy over all symbol-days that share a session length):

* Prices, in integer cents: four anchors per day — the first tick at the open, the last at the
  close, one random interior tick at the high and another at the low. Between consecutive
  anchors a Brownian bridge (noise scaled to the day's range) is added to the straight line,
  clipped to [low, high] and rounded to the 0.01 grid; the anchors are then set exactly.
* Volumes: a U-shaped intraday profile (busy open and close, quiet midday) times log-normal
  noise gives each tick a weight. Whole board lots of 100 shares are split in proportion to the
  weights by rounding the *cumulative* quota: like a largest-remainder split every tick gets the
  floor or ceiling of its quota, but the sum is exact by construction, with no float-rounding
  corner cases even for the index's ~1e8 lots a day. The odd-lot remainder
  (volume % 100) goes to the last tick, the closing print. On very thin days (e.g. one-price
  limit-up days after an IPO) many ticks carry volume 0.
* Sessions come from the exchange calendar: XSHG 09:30-11:30 and 13:00-15:00 Asia/Shanghai
  (240 minutes), XNYS 09:30-16:00 America/New_York (390, or fewer on early-close days).
"""

from __future__ import annotations

import functools
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from mystocks.domain.calendar import exchange_for_symbol, session_minutes

__all__ = ["MINUTE_COLUMNS", "TICK_COLUMNS", "simulate_intraday"]

MINUTE_COLUMNS: tuple[str, ...] = (
    "symbol", "ts", "open", "high", "low", "close", "volume", "amount",
)  # fmt: skip
TICK_COLUMNS: tuple[str, ...] = ("symbol", "ts", "price", "volume", "amount")

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

_NS_PER_MINUTE = 60_000_000_000
_LOT = 100  # shares per board lot, both for A-shares and US round lots
_BRIDGE_SCALE = 0.5  # unclipped walk over a whole day would spread about half the day's range
_VOLUME_NOISE = 0.6  # sigma of the log-normal tick weight noise


@functools.lru_cache(maxsize=4096)
def _minute_starts(exchange: str, day: date) -> IntArray:
    """UTC nanoseconds of the start of every trading minute of ``day``."""
    minutes = session_minutes(exchange, day)
    starts: IntArray = minutes.as_unit("ns").asi8.copy()
    return starts


def _to_cents(values: FloatArray, column: str) -> IntArray:
    cents = np.rint(values * 100.0)
    if not np.all(np.abs(values * 100.0 - cents) < 1e-6):
        raise ValueError(f"daily {column} must be on the 0.01 price grid")
    return cents.astype(np.int64)


def _prices(
    o: IntArray, h: IntArray, lo: IntArray, c: IntArray, n: int, rng: np.random.Generator
) -> IntArray:
    """(rows, n) tick prices in cents with the four anchors set exactly."""
    rows = len(o)
    idx = np.arange(rows)
    hi_pos = rng.integers(1, n - 1, size=rows)  # interior: 1 .. n-2
    lo_pos = rng.integers(1, n - 2, size=rows)
    lo_pos += lo_pos >= hi_pos  # distinct from hi_pos, still within 1 .. n-2
    pos = np.stack([np.zeros(rows, np.int64), hi_pos, lo_pos, np.full(rows, n - 1)], axis=1)
    val = np.stack([o, h, lo, c], axis=1).astype(np.float64)
    order = np.argsort(pos, axis=1)
    pos = np.take_along_axis(pos, order, axis=1)
    val = np.take_along_axis(val, order, axis=1)

    # Segment k of tick t lies between anchors k and k+1; t == n-1 ends the last segment.
    t = np.arange(n)
    seg = (t >= pos[:, 1:2]).astype(np.int64) + (t >= pos[:, 2:3])
    left = np.take_along_axis(pos, seg, axis=1)
    right = np.take_along_axis(pos, seg + 1, axis=1)
    frac = (t - left) / (right - left)
    line = np.take_along_axis(val, seg, axis=1)
    line += frac * (np.take_along_axis(val, seg + 1, axis=1) - line)

    steps = rng.standard_normal((rows, n))
    steps[:, 0] = 0.0
    walk = np.cumsum(steps, axis=1)
    w_left = np.take_along_axis(walk, left, axis=1)
    w_right = np.take_along_axis(walk, right, axis=1)
    bridge = walk - w_left - frac * (w_right - w_left)  # zero at every anchor
    sigma = (h - lo) * (_BRIDGE_SCALE / np.sqrt(n))

    path = np.clip(line + sigma[:, None] * bridge, lo[:, None], h[:, None])
    cents: IntArray = np.rint(path).astype(np.int64)
    cents[idx, 0], cents[idx, n - 1] = o, c
    cents[idx, hi_pos], cents[idx, lo_pos] = h, lo
    return cents


def _volumes(volume: IntArray, n_min: int, tpm: int, rng: np.random.Generator) -> IntArray:
    """(rows, n_min * tpm) tick volumes in shares summing exactly to ``volume`` per row."""
    x = (np.arange(n_min) + 0.5) / n_min
    profile = np.repeat(1.0 + 2.5 * (2.0 * x - 1.0) ** 2, tpm)  # U shape, ends 3.5x midday
    weights = profile * np.exp(_VOLUME_NOISE * rng.standard_normal((len(volume), n_min * tpm)))
    cum = np.cumsum(weights, axis=1)
    lots = volume // _LOT
    cum_lots = np.floor(lots[:, None] * (cum / cum[:, -1:])).astype(np.int64)
    cum_lots[:, -1] = lots  # exact total; floor of a ratio <= 1 never exceeds it
    shares: IntArray = np.diff(cum_lots, axis=1, prepend=0) * _LOT
    shares[:, -1] += volume % _LOT
    return shares


def _select(daily: pd.DataFrame, days: int) -> pd.DataFrame:
    required = ("symbol", "date", "open", "high", "low", "close", "volume")
    missing = [c for c in required if c not in daily]
    if missing:
        raise ValueError(f"daily bars lack columns {missing}")
    frame = daily.assign(date=pd.to_datetime(daily["date"]).dt.normalize())
    frame = frame.sort_values(["symbol", "date"], kind="stable")
    frame = frame.groupby("symbol", sort=False).tail(days).reset_index(drop=True)
    if frame.duplicated(["symbol", "date"]).any():
        raise ValueError("daily bars repeat a (symbol, date)")
    if frame[["open", "high", "low", "close", "volume"]].isna().any().any():
        raise ValueError("daily bars contain NaN prices or volumes")
    return frame


def _empty() -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.DataFrame(columns=list(MINUTE_COLUMNS)), pd.DataFrame(columns=list(TICK_COLUMNS))


def simulate_intraday(
    daily: pd.DataFrame, *, days: int = 20, ticks_per_minute: int = 6, seed: int = 20170726
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate (minute_bars, ticks) for the last ``days`` daily bars of each symbol.

    ``daily`` has the columns of ``sample_data.load_daily_bars`` (``amount`` optional; where it
    is NaN, as for an index, the simulated amounts are NaN too). Prices must be on the 0.01 grid
    with ``low <= open, close <= high``; volumes are integral shares.

    ``minute_bars``: ``symbol, ts, open, high, low, close, volume, amount``, one row per trading
    minute, ``ts`` (tz-aware UTC) stamped at the END of the minute as terminals do (XSHG 09:31 ..
    11:30, 13:01 .. 15:00 Asia/Shanghai).
    ``ticks``: ``symbol, ts, price, volume, amount``; tick ``k`` of the minute starting at ``s``
    is stamped ``s + k * 60s / ticks_per_minute`` (09:30:00, 09:30:10, ... for 6 per minute), so
    every tick lies in its bar's interval [end - 1 min, end). Volumes are int64 shares (whole
    lots except the odd-lot remainder on the last tick); ``amount = price * volume``.

    Both frames are sorted by symbol, ts. Same input and seed give identical frames.
    """
    if days < 1 or ticks_per_minute < 1:
        raise ValueError("days and ticks_per_minute must be at least 1")
    frame = _select(daily, days)
    if frame.empty:
        return _empty()
    prices = ("open", "high", "low", "close")
    o, h, lo, c = (_to_cents(frame[k].to_numpy(np.float64), k) for k in prices)
    if np.any((lo > np.minimum(o, c)) | (h < np.maximum(o, c)) | (lo <= 0)):
        raise ValueError("daily bars need 0 < low <= min(open, close) and high >= max(open, close)")
    volume_f = frame["volume"].to_numpy(np.float64)
    if np.any(volume_f < 0) or np.any(volume_f != np.floor(volume_f)):
        raise ValueError("daily volume must be a non-negative whole number of shares")
    volume = volume_f.astype(np.int64)
    no_amount = (
        frame["amount"].isna().to_numpy() if "amount" in frame else np.zeros(len(frame), bool)
    )
    symbols = frame["symbol"].astype(str).to_numpy()
    exchanges = [exchange_for_symbol(s) for s in symbols]
    starts = [_minute_starts(e, d.date()) for e, d in zip(exchanges, frame["date"], strict=True)]
    n_minutes = np.array([len(s) for s in starts])

    rng = np.random.default_rng(seed)
    tpm = ticks_per_minute
    offsets = np.arange(tpm, dtype=np.int64) * _NS_PER_MINUTE // tpm
    ticks: list[dict[str, npt.NDArray[np.generic]]] = []
    bars: list[dict[str, npt.NDArray[np.generic]]] = []
    # One vectorised block per session length (all of XSHG; XNYS full and early-close days).
    for n_min in np.unique(n_minutes):
        rows = np.flatnonzero(n_minutes == n_min)
        n = int(n_min) * tpm
        cents = _prices(o[rows], h[rows], lo[rows], c[rows], n, rng)
        shares = _volumes(volume[rows], int(n_min), tpm, rng)
        value = cents * shares  # cent-shares, exact in int64
        minute_start = np.stack([starts[r] for r in rows])
        row_id = np.repeat(rows, n)
        ticks.append({
            "row": row_id,
            "ts": (minute_start[:, :, None] + offsets).ravel(),
            "cents": cents.ravel(), "volume": shares.ravel(), "value": value.ravel(),
        })  # fmt: skip
        c3 = cents.reshape(len(rows), int(n_min), tpm)
        bars.append({
            "row": np.repeat(rows, int(n_min)),
            "ts": (minute_start + _NS_PER_MINUTE).ravel(),
            "open": c3[:, :, 0].ravel(), "high": c3.max(axis=2).ravel(),
            "low": c3.min(axis=2).ravel(), "close": c3[:, :, -1].ravel(),
            "volume": shares.reshape(c3.shape).sum(axis=2).ravel(),
            "value": value.reshape(c3.shape).sum(axis=2).ravel(),
        })  # fmt: skip
    tick_frame = _assemble(ticks, symbols, no_amount, {"cents": "price"})
    bar_frame = _assemble(bars, symbols, no_amount, {k: k for k in prices})
    return bar_frame[list(MINUTE_COLUMNS)], tick_frame[list(TICK_COLUMNS)]


def _assemble(
    blocks: list[dict[str, npt.NDArray[np.generic]]],
    symbols: npt.NDArray[np.generic],
    no_amount: npt.NDArray[np.bool_],
    price_columns: dict[str, str],
) -> pd.DataFrame:
    data = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
    # Rows are in (symbol, date) order and each block is in time order within a row, so a
    # stable sort on the row id yields (symbol, ts) order across blocks.
    order = np.argsort(data["row"], kind="stable")
    data = {k: v[order] for k, v in data.items()}
    row = data["row"].astype(np.int64)
    out = pd.DataFrame({"symbol": symbols[row]})
    out["ts"] = pd.to_datetime(data["ts"].astype(np.int64), unit="ns", utc=True)
    for src, dst in price_columns.items():
        out[dst] = data[src].astype(np.int64) / 100.0
    out["volume"] = data["volume"].astype(np.int64)
    amount = data["value"].astype(np.int64) / 100.0
    out["amount"] = np.where(no_amount[row], np.nan, amount)
    return out
