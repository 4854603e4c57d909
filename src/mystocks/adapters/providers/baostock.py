"""baostock (http://baostock.com, free, sign-in as `anonymous`): raw daily and 5-minute bars,
adjustment factors, the A-share list with listing dates, and, from the daily bars' own
columns, suspended days (`tradestatus` 0) and ST days (`isST` 1). The second source.

baostock answers result sets of strings that are read row by row (`error_code == "0"` and
`next()`, as its demos do: its `get_data()` uses a pandas call pandas 2 removed). Codes are
written `sh.600000`. Volumes are shares and amounts yuan. The library is imported, and the
session signed in, on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from mystocks.adapters.providers import (
    DAILY_COLUMNS,
    FACTOR_COLUMNS,
    INSTRUMENT_COLUMNS,
    MINUTE_COLUMNS,
    SHANGHAI,
    ST_COLUMNS,
    SUSPENSION_COLUMNS,
    NotSupported,
    ProviderError,
    exchange_of_code,
    load_library,
)
from mystocks.domain.boards import board_of

DAILY_FIELDS = "date,open,high,low,close,volume,amount,tradestatus,isST"
MINUTE_FIELDS = "date,time,open,high,low,close,volume,amount"
EARLIEST = "1990-12-19"  # the first trading day of Shanghai's exchange
RAW = "3"  # adjustflag: 1 hfq, 2 qfq, 3 none


def bs_code(symbol: str) -> str:
    """600000.SH -> sh.600000."""
    code, _, exchange = symbol.partition(".")
    return f"{exchange.lower()}.{code}"


def _day(value: dt.date | None, default: str) -> str:
    return default if value is None else value.isoformat()


def _runs(days: pd.Series, flagged: pd.Series) -> list[tuple[dt.date, dt.date | None]]:
    """The (first, last) days of each run of consecutive flagged rows; a run still going on
    the newest row ends None."""
    runs: list[tuple[dt.date, dt.date | None]] = []
    start = previous = None
    for day, flag in zip(days, flagged, strict=True):
        if flag and start is None:
            start = day
        if not flag and start is not None:
            runs.append((start, previous))
            start = None
        previous = day
    if start is not None:
        runs.append((start, None))
    return runs


class Baostock:
    """A `Provider` over the baostock library (or an object with its functions)."""

    name = "baostock"

    def __init__(self, library: Any = None) -> None:
        self._library = library
        self._signed_in = False

    @property
    def bs(self) -> Any:
        if self._library is None:
            self._library = load_library("baostock")
        if not self._signed_in:
            answer = self._library.login()
            if answer.error_code != "0":
                raise ProviderError(f"baostock refused the sign-in: {answer.error_msg}")
            self._signed_in = True
        return self._library

    def close(self) -> None:
        if self._signed_in:
            self._library.logout()
            self._signed_in = False

    def _query(self, function: str, **kwargs: Any) -> pd.DataFrame:
        try:
            result = getattr(self.bs, function)(**kwargs)
            rows = []
            while result.error_code == "0" and result.next():
                rows.append(result.get_row_data())
        except (NotSupported, ProviderError):
            raise
        except Exception as exc:  # the library's socket and parsing: the source failed
            raise ProviderError(f"baostock.{function} failed: {type(exc).__name__}: {exc}") from exc
        if result.error_code != "0":
            raise ProviderError(f"baostock.{function}: {result.error_code} {result.error_msg}")
        return pd.DataFrame(rows, columns=list(result.fields))

    def instruments(self) -> pd.DataFrame:
        """Listed A-shares (`query_stock_basic`: type 1 stock, status 1 listed)."""
        frame = self._query("query_stock_basic")
        frame = frame[(frame["type"] == "1") & (frame["status"] == "1")]
        market, _, code = frame["code"].str.partition(".").T.to_numpy()
        exchange = pd.Series(market, index=frame.index).str.upper()
        symbol = pd.Series(code, index=frame.index) + "." + exchange
        known = symbol.str[:6].map(exchange_of_code) == exchange
        out = pd.DataFrame(
            {
                "symbol": symbol,
                "name": frame["code_name"],
                "exchange": exchange,
                "listed": pd.to_datetime(frame["ipoDate"], errors="coerce").dt.date,
            }
        )[known]
        out["board"] = [board_of(s) for s in out["symbol"]]
        out["listed"] = out["listed"].astype(object).where(out["listed"].notna(), None)
        return out[list(INSTRUMENT_COLUMNS)].sort_values("symbol", ignore_index=True)

    def _daily(self, symbol: str, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
        frame = self._query(
            "query_history_k_data_plus",
            code=bs_code(symbol),
            fields=DAILY_FIELDS,
            start_date=_day(start, EARLIEST),
            end_date=_day(end, dt.datetime.now(SHANGHAI).date().isoformat()),
            frequency="d",
            adjustflag=RAW,
        )
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
        return frame

    def daily_bars(
        self, symbol: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> pd.DataFrame:
        """Raw daily bars of the days it traded (suspended days, `tradestatus` 0, are left
        out: they are `suspensions`)."""
        frame = self._daily(symbol, start, end)
        traded = frame[frame["tradestatus"] == "1"]
        out = pd.DataFrame(
            {
                "date": traded["date"],
                "open": pd.to_numeric(traded["open"]),
                "high": pd.to_numeric(traded["high"]),
                "low": pd.to_numeric(traded["low"]),
                "close": pd.to_numeric(traded["close"]),
                "volume": pd.to_numeric(traded["volume"]).astype(np.int64),
                "amount": pd.to_numeric(traded["amount"]),
            }
        )
        return out[list(DAILY_COLUMNS)].reset_index(drop=True)

    def minute_bars(
        self,
        symbol: str,
        minutes: int,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> pd.DataFrame:
        """Raw 5-minute bars (baostock has no 1-minute bars)."""
        if minutes != 5:
            raise NotSupported(f"baostock has 5-minute bars, not {minutes}-minute")
        frame = self._query(
            "query_history_k_data_plus",
            code=bs_code(symbol),
            fields=MINUTE_FIELDS,
            start_date=_day(start, EARLIEST),
            end_date=_day(end, dt.datetime.now(SHANGHAI).date().isoformat()),
            frequency="5",
            adjustflag=RAW,
        )
        if frame.empty:
            return pd.DataFrame(columns=list(MINUTE_COLUMNS))
        # `time` is YYYYMMDDHHMMSSsss, the end of the bar in Beijing time.
        local = pd.to_datetime(frame["time"].str[:14], format="%Y%m%d%H%M%S")
        ts = local.dt.tz_localize(SHANGHAI).dt.tz_convert("UTC").astype("datetime64[ms, UTC]")
        out = pd.DataFrame(
            {
                "ts": ts.astype(np.int64),
                "open": pd.to_numeric(frame["open"]),
                "high": pd.to_numeric(frame["high"]),
                "low": pd.to_numeric(frame["low"]),
                "close": pd.to_numeric(frame["close"]),
                "volume": pd.to_numeric(frame["volume"]).astype(np.int64),
                "amount": pd.to_numeric(frame["amount"]),
            }
        )
        return out.sort_values("ts", ignore_index=True)

    def adjust_factors(self, symbol: str) -> pd.DataFrame:
        """`query_adjust_factor`: `backAdjustFactor` from each ex-date (`dividOperateDate`)."""
        frame = self._query(
            "query_adjust_factor",
            code=bs_code(symbol),
            start_date=EARLIEST,
            end_date=dt.datetime.now(SHANGHAI).date().isoformat(),
        )
        if frame.empty:
            return pd.DataFrame(columns=list(FACTOR_COLUMNS))
        out = pd.DataFrame(
            {
                "date": pd.to_datetime(frame["dividOperateDate"]).dt.date,
                "factor": pd.to_numeric(frame["backAdjustFactor"]),
            }
        )
        return out.sort_values("date", ignore_index=True)

    def corporate_actions(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("baostock's dividends come a year per request; akshare's are used")

    def suspensions(self, symbol: str) -> pd.DataFrame:
        """Runs of days with `tradestatus` 0 in the daily bars."""
        frame = self._daily(symbol, None, None)
        runs = _runs(frame["date"], frame["tradestatus"] == "0")
        return pd.DataFrame(
            [(start, end, "停牌") for start, end in runs], columns=list(SUSPENSION_COLUMNS)
        )

    def st_history(self, symbol: str) -> pd.DataFrame:
        """Runs of days with `isST` 1 in the daily bars (baostock does not tell ST from *ST)."""
        frame = self._daily(symbol, None, None)
        runs = _runs(frame["date"], frame["isST"] == "1")
        return pd.DataFrame([(start, end, "ST") for start, end in runs], columns=list(ST_COLUMNS))

    def spot_quotes(self, symbols: Sequence[str]) -> pd.DataFrame:
        raise NotSupported("baostock has no live quotes")
