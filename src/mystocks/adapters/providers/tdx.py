"""The local files of a 通达信 (TDX) installation: a fully offline source of raw daily,
1-minute and 5-minute bars.

Layout under the installation's `vipdoc/` folder, one file per instrument and period, named by
market and code (`sh600000`, `sz000001`, `bj830799`):

    {sh,sz,bj}/lday/<name>.day      daily bars
    {sh,sz,bj}/minline/<name>.lc1   1-minute bars
    {sh,sz,bj}/fzline/<name>.lc5    5-minute bars

Each file is a run of 32-byte little-endian records, oldest first, no header:

    .day        date u32 (YYYYMMDD), open, high, low, close u32 (price x 100), amount f32
                (yuan), volume u32 (shares), reserved u32
    .lc1 .lc5   date u16 ((year - 2004) x 2048 + month x 100 + day), time u16 (minutes after
                midnight at the END of the bar: 571 is 09:31), open, high, low, close f32
                (yuan), amount f32 (yuan), volume u32 (shares), reserved u32

Prices are raw (unadjusted), as the exchange traded them. The reserved word is kept by
`read_records`, so `write_records(read_records(f))` gives the file back byte for byte. A
`.day` price is in cents for stocks; funds (0.001 ticks) are not read here. Names,
adjustment factors, corporate actions, suspensions, ST history and live quotes are not in
these files (`NotSupported`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from mystocks.adapters.providers import (
    DAILY_COLUMNS,
    INSTRUMENT_COLUMNS,
    MINUTE_COLUMNS,
    SHANGHAI,
    NotSupported,
    ProviderError,
)
from mystocks.domain.boards import board_of

DAY = np.dtype(
    [
        ("date", "<u4"),
        ("open", "<u4"),
        ("high", "<u4"),
        ("low", "<u4"),
        ("close", "<u4"),
        ("amount", "<f4"),
        ("volume", "<u4"),
        ("reserved", "<u4"),
    ]
)
MINUTE = np.dtype(
    [
        ("date", "<u2"),
        ("time", "<u2"),
        ("open", "<f4"),
        ("high", "<f4"),
        ("low", "<f4"),
        ("close", "<f4"),
        ("amount", "<f4"),
        ("volume", "<u4"),
        ("reserved", "<u4"),
    ]
)
assert DAY.itemsize == MINUTE.itemsize == 32

# period -> (folder, suffix, record)
FILES = {
    "1d": ("lday", "day", DAY),
    "1m": ("minline", "lc1", MINUTE),
    "5m": ("fzline", "lc5", MINUTE),
}
MARKETS = {"SH": "sh", "SZ": "sz", "BJ": "bj"}


def file_name(symbol: str) -> tuple[str, str]:
    """(market folder, file stem) of `symbol`: 600000.SH -> ("sh", "sh600000")."""
    code, _, market = symbol.upper().partition(".")
    folder = MARKETS.get(market)
    if folder is None or len(code) != 6 or not code.isdigit():
        raise ValueError(f"{symbol!r} is not an A-share symbol like 600000.SH")
    return folder, folder + code


def read_records(path: Path, record: np.dtype) -> np.ndarray:
    """Every record of a TDX file as a structured array (all fields, the reserved one too)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProviderError(f"cannot read {path}: {exc.strerror}") from exc
    if len(raw) % record.itemsize:
        raise ProviderError(
            f"{path} is {len(raw)} bytes, not a whole number of {record.itemsize}-byte records "
            "(cut short while 通达信 was writing it?)"
        )
    return np.frombuffer(raw, dtype=record)


def write_records(path: Path, records: np.ndarray) -> None:
    """Write `records` (a DAY or MINUTE array) as a TDX file, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(np.ascontiguousarray(records).tobytes())


def minute_date(word: np.ndarray) -> np.ndarray:
    """The u16 date of a minute record -> datetime64[D] (in arrays: no string per record)."""
    year = word.astype(np.int64) // 2048 + 2004
    rest = word.astype(np.int64) % 2048
    month, day = rest // 100, rest % 100
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    days: np.ndarray = months.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    bad = (month < 1) | (month > 12) | (day < 1) | (days.astype("datetime64[M]") != months)
    if bad.any():
        raise ValueError(f"{int(word[bad][0])} is not a TDX minute record's date")
    return days


def minute_word(day: dt.date) -> int:
    """A date as a minute record's u16 (2004-01-01 to 2035-12-31)."""
    if not 2004 <= day.year <= 2035:
        raise ValueError(f"{day} cannot be written in a TDX minute record (2004 to 2035)")
    return (day.year - 2004) * 2048 + day.month * 100 + day.day


def daily_frame(records: np.ndarray) -> pd.DataFrame:
    """DAY records -> DAILY_COLUMNS."""
    dates = pd.to_datetime(records["date"].astype(str), format="%Y%m%d").date
    frame = pd.DataFrame({"date": dates})
    for name in ("open", "high", "low", "close"):
        frame[name] = records[name] / 100.0
    frame["volume"] = records["volume"].astype(np.int64)
    frame["amount"] = records["amount"].astype(np.float64)
    return frame[list(DAILY_COLUMNS)]


def minute_frame(records: np.ndarray) -> pd.DataFrame:
    """MINUTE records -> MINUTE_COLUMNS (prices to 3 decimals: float32 holds 10.23 as
    10.2299995)."""
    days = minute_date(records["date"]).astype("datetime64[m]")
    local = days + records["time"].astype("timedelta64[m]")
    # Shanghai is UTC+8 all year: the end of the bar in UTC, in milliseconds.
    ts = (local - np.timedelta64(8, "h")).astype("datetime64[ms]").astype(np.int64)
    frame = pd.DataFrame({"ts": ts})
    for name in ("open", "high", "low", "close"):
        frame[name] = np.round(records[name].astype(np.float64), 3)
    frame["volume"] = records["volume"].astype(np.int64)
    frame["amount"] = records["amount"].astype(np.float64)
    return frame[list(MINUTE_COLUMNS)]


def day_records(frame: pd.DataFrame) -> np.ndarray:
    """DAILY_COLUMNS -> DAY records (what a TDX installation would hold; for fixtures)."""
    out = np.zeros(len(frame), dtype=DAY)
    out["date"] = [int(d.strftime("%Y%m%d")) for d in frame["date"]]
    for name in ("open", "high", "low", "close"):
        out[name] = np.round(frame[name].to_numpy(np.float64) * 100)
    out["amount"] = frame["amount"].to_numpy(np.float64)
    out["volume"] = frame["volume"].to_numpy(np.int64)
    return out


def minute_records(frame: pd.DataFrame) -> np.ndarray:
    """MINUTE_COLUMNS -> MINUTE records (for fixtures)."""
    out = np.zeros(len(frame), dtype=MINUTE)
    local = pd.to_datetime(frame["ts"], unit="ms", utc=True).dt.tz_convert(SHANGHAI)
    out["date"] = [minute_word(t.date()) for t in local]
    out["time"] = (local.dt.hour * 60 + local.dt.minute).to_numpy()
    for name in ("open", "high", "low", "close", "amount"):
        out[name] = frame[name].to_numpy(np.float64)
    out["volume"] = frame["volume"].to_numpy(np.int64)
    return out


class TdxFiles:
    """A `Provider` over the `vipdoc` folder of a 通达信 installation."""

    name = "tdx"

    def __init__(self, vipdoc: Path) -> None:
        if not vipdoc.is_dir():
            raise ProviderError(
                f"{vipdoc} is not a folder; give the vipdoc folder of a 通达信 installation "
                "(it holds sh/, sz/ and bj/)"
            )
        self.vipdoc = vipdoc

    def path(self, symbol: str, period: str) -> Path:
        folder, stem = file_name(symbol)
        sub, suffix, _ = FILES[period]
        return self.vipdoc / folder / sub / f"{stem}.{suffix}"

    def instruments(self) -> pd.DataFrame:
        """The symbols with a daily file; TDX keeps names and listing dates elsewhere (None)."""
        symbols = []
        for market, folder in MARKETS.items():
            for file in sorted((self.vipdoc / folder / "lday").glob(f"{folder}*.day")):
                code = file.stem[len(folder) :]
                if len(code) == 6 and code.isdigit():
                    symbols.append(f"{code}.{market}")
        frame = pd.DataFrame({"symbol": symbols, "name": None, "listed": None})
        frame["exchange"] = frame["symbol"].str[-2:]
        frame["board"] = [board_of(s) for s in symbols]
        return frame[list(INSTRUMENT_COLUMNS)]

    def daily_bars(
        self, symbol: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> pd.DataFrame:
        path = self.path(symbol, "1d")
        if not path.exists():
            return pd.DataFrame(columns=list(DAILY_COLUMNS))
        return _between(daily_frame(read_records(path, DAY)), "date", start, end)

    def minute_bars(
        self,
        symbol: str,
        minutes: int,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> pd.DataFrame:
        period = {1: "1m", 5: "5m"}.get(minutes)
        if period is None:
            raise NotSupported(f"通达信 files hold 1- and 5-minute bars, not {minutes}-minute")
        path = self.path(symbol, period)
        if not path.exists():
            return pd.DataFrame(columns=list(MINUTE_COLUMNS))
        frame = minute_frame(read_records(path, MINUTE))
        day = pd.to_datetime(frame["ts"], unit="ms", utc=True).dt.tz_convert(SHANGHAI).dt.date
        return _between(frame.assign(day=day), "day", start, end).drop(columns="day")

    def adjust_factors(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("通达信's bar files hold raw prices only, no adjustment factors")

    def corporate_actions(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("通达信's bar files hold no corporate actions")

    def suspensions(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("通达信's bar files do not say when a stock was suspended")

    def st_history(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("通达信's bar files hold no ST history")

    def spot_quotes(self, symbols: Sequence[str]) -> pd.DataFrame:
        raise NotSupported("通达信's files are offline: no live quotes")


def _between(
    frame: pd.DataFrame, column: str, start: dt.date | None, end: dt.date | None
) -> pd.DataFrame:
    keep = np.ones(len(frame), dtype=bool)
    if start is not None:
        keep &= (frame[column] >= start).to_numpy()
    if end is not None:
        keep &= (frame[column] <= end).to_numpy()
    return frame[keep].reset_index(drop=True)
