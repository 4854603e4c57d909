"""akshare (https://akshare.akfamily.xyz, MIT): A-share lists, raw daily and minute bars,
adjustment factors, dividends and splits, suspensions and spot quotes, gathered by the library
from the exchanges', East Money's and Sina's public pages.

Each method calls one akshare function and maps its documented frame (the column names and
types the function builds, read from its source in the pinned release) to the Provider's
columns. East Money counts volume in lots (手) of 100 shares; it is stored in shares. Sina's
dividend table is per 10 shares; it is stored per share. akshare is imported on first use (it
takes most of a second), so a server that never syncs never loads it.

Nothing here retries or waits: the sync (`market/sync.py`) paces requests and retries, and
the library's own HTTP is the part the tests cannot reach.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from mystocks.adapters.providers import (
    ACTION_COLUMNS,
    DAILY_COLUMNS,
    FACTOR_COLUMNS,
    INSTRUMENT_COLUMNS,
    MINUTE_COLUMNS,
    SHANGHAI,
    SPOT_COLUMNS,
    SUSPENSION_COLUMNS,
    NotSupported,
    ProviderError,
    exchange_of_code,
    load_library,
)
from mystocks.domain.boards import board_of

LOT = 100  # East Money's volumes are in lots (手)

# The lists akshare reads from each exchange: (function, its argument, code column, name
# column, listing-date column).
LISTS: tuple[tuple[str, dict[str, str], str, str, str], ...] = (
    ("stock_info_sh_name_code", {"symbol": "主板A股"}, "证券代码", "证券简称", "上市日期"),
    ("stock_info_sh_name_code", {"symbol": "科创板"}, "证券代码", "证券简称", "上市日期"),
    ("stock_info_sz_name_code", {"symbol": "A股列表"}, "A股代码", "A股简称", "A股上市日期"),
    ("stock_info_bj_name_code", {}, "证券代码", "证券简称", "上市日期"),
)


def code_of(symbol: str) -> str:
    """600000.SH -> 600000."""
    return symbol.partition(".")[0]


def sina_code(symbol: str) -> str:
    """600000.SH -> sh600000, as Sina's pages name a stock."""
    code, _, exchange = symbol.partition(".")
    return exchange.lower() + code


def _ymd(day: dt.date | None, default: str) -> str:
    return default if day is None else day.strftime("%Y%m%d")


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce").dt.date


class Akshare:
    """A `Provider` over the akshare library (or any object with its functions: the tests
    give one that answers the library's documented frames)."""

    name = "akshare"

    def __init__(self, library: Any = None) -> None:
        self._library = library

    @property
    def ak(self) -> Any:
        if self._library is None:
            self._library = load_library("akshare")
        return self._library

    def _call(self, function: str, **kwargs: Any) -> pd.DataFrame:
        try:
            frame = getattr(self.ak, function)(**kwargs)
        except (NotSupported, ProviderError):
            raise
        except Exception as exc:  # the library's HTTP and parsing: any failure is the source's
            raise ProviderError(f"akshare.{function} failed: {type(exc).__name__}: {exc}") from exc
        if not isinstance(frame, pd.DataFrame):
            raise ProviderError(f"akshare.{function} answered {type(frame).__name__}, not a frame")
        return frame

    def instruments(self) -> pd.DataFrame:
        """Every A-share the three exchanges list, with its listing date and board."""
        parts = []
        for function, kwargs, code, name, listed in LISTS:
            frame = self._call(function, **kwargs)
            if frame.empty:
                continue
            codes = frame[code].astype(str).str.zfill(6)
            exchange = codes.map(exchange_of_code)
            part = pd.DataFrame(
                {
                    "symbol": codes + "." + exchange.fillna(""),
                    "name": frame[name].astype(str).str.replace(" ", "", regex=False),
                    "exchange": exchange,
                    "listed": _dates(frame[listed]),
                }
            )
            parts.append(part[exchange.notna()])
        if not parts:
            raise ProviderError("akshare's exchange lists were all empty")
        out = pd.concat(parts, ignore_index=True).drop_duplicates("symbol", keep="first")
        out["board"] = [board_of(s) for s in out["symbol"]]
        out["listed"] = out["listed"].astype(object).where(out["listed"].notna(), None)
        return out[list(INSTRUMENT_COLUMNS)].sort_values("symbol", ignore_index=True)

    def daily_bars(
        self, symbol: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> pd.DataFrame:
        """East Money's raw daily bars (`stock_zh_a_hist`, adjust="")."""
        frame = self._call(
            "stock_zh_a_hist",
            symbol=code_of(symbol),
            period="daily",
            start_date=_ymd(start, "19700101"),
            end_date=_ymd(end, "20500101"),
            adjust="",
        )
        if frame.empty:
            return pd.DataFrame(columns=list(DAILY_COLUMNS))
        out = pd.DataFrame(
            {
                "date": _dates(frame["日期"]),
                "open": frame["开盘"].astype(float),
                "high": frame["最高"].astype(float),
                "low": frame["最低"].astype(float),
                "close": frame["收盘"].astype(float),
                "volume": (frame["成交量"].astype(float) * LOT).round().astype(np.int64),
                "amount": frame["成交额"].astype(float),
            }
        )
        return out.sort_values("date", ignore_index=True)

    def minute_bars(
        self,
        symbol: str,
        minutes: int,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> pd.DataFrame:
        """East Money's raw minute bars (`stock_zh_a_hist_min_em`): 1-minute bars of the last
        five sessions only, 5-minute bars further back."""
        if minutes not in (1, 5):
            raise NotSupported(f"minute bars of 1 or 5 minutes, not {minutes}")
        first = "1979-09-01 09:00:00" if start is None else f"{start.isoformat()} 09:00:00"
        last = "2222-01-01 15:30:00" if end is None else f"{end.isoformat()} 15:30:00"
        frame = self._call(
            "stock_zh_a_hist_min_em",
            symbol=code_of(symbol),
            start_date=first,
            end_date=last,
            period=str(minutes),
            adjust="",
        )
        if frame.empty:
            return pd.DataFrame(columns=list(MINUTE_COLUMNS))
        local = pd.to_datetime(frame["时间"], errors="coerce").dt.tz_localize(SHANGHAI)
        out = pd.DataFrame(
            {
                "ts": local.dt.tz_convert("UTC").astype("datetime64[ms, UTC]").astype(np.int64),
                "open": frame["开盘"].astype(float),
                "high": frame["最高"].astype(float),
                "low": frame["最低"].astype(float),
                "close": frame["收盘"].astype(float),
                "volume": (frame["成交量"].astype(float) * LOT).round().astype(np.int64),
                "amount": frame["成交额"].astype(float),
            }
        )
        out = out[local.notna().to_numpy()].sort_values("ts", ignore_index=True)
        return fold_auction(out) if minutes == 1 else out

    def adjust_factors(self, symbol: str) -> pd.DataFrame:
        """Sina's back-adjustment (hfq) factors (`stock_zh_a_daily`, adjust="hfq-factor")."""
        frame = self._call("stock_zh_a_daily", symbol=sina_code(symbol), adjust="hfq-factor")
        if frame.empty:
            return pd.DataFrame(columns=list(FACTOR_COLUMNS))
        out = pd.DataFrame(
            {
                "date": _dates(frame["date"]),
                "factor": pd.to_numeric(frame["hfq_factor"], errors="coerce"),
            }
        )
        out = out.dropna().sort_values("date", ignore_index=True)
        return out.drop_duplicates("date", keep="last", ignore_index=True)

    def corporate_actions(self, symbol: str) -> pd.DataFrame:
        """Sina's dividends, bonus shares and conversions that were carried out (进度 实施),
        by ex-date (`stock_history_dividend_detail`, indicator="分红"); per 10 shares there,
        per share here."""
        frame = self._call(
            "stock_history_dividend_detail", symbol=code_of(symbol), indicator="分红"
        )
        if frame.empty:
            return pd.DataFrame(columns=list(ACTION_COLUMNS))
        done = frame[(frame["进度"] == "实施") & frame["除权除息日"].notna()]
        out = pd.DataFrame(
            {
                "date": _dates(done["除权除息日"]),
                "cash": done["派息"].fillna(0).astype(float) / 10,
                "shares": (done["送股"].fillna(0) + done["转增"].fillna(0)).astype(float) / 10,
            }
        )
        out = out.dropna(subset=["date"])
        return out.sort_values("date", ignore_index=True)

    def suspensions(self, symbol: str, on: dt.date | None = None) -> pd.DataFrame:
        """The suspension of `symbol` in force on `on` (default today), from East Money's daily
        list (`stock_tfp_em`): akshare has no per-stock history."""
        day = on or dt.datetime.now(SHANGHAI).date()
        frame = self._call("stock_tfp_em", date=day.strftime("%Y%m%d"))
        if frame.empty:
            return pd.DataFrame(columns=list(SUSPENSION_COLUMNS))
        mine = frame[frame["代码"].astype(str).str.zfill(6) == code_of(symbol)]
        return pd.DataFrame(
            {
                "start": _dates(mine["停牌时间"]),
                "end": _dates(mine["停牌截止时间"])
                .astype(object)
                .where(mine["停牌截止时间"].notna(), None),
                "reason": mine["停牌原因"].astype(str),
            }
        ).reset_index(drop=True)

    def st_history(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("akshare has no dated ST history (baostock's isST has it)")

    def spot_quotes(self, symbols: Sequence[str]) -> pd.DataFrame:
        """East Money's latest quotes of the whole market (`stock_zh_a_spot_em`), kept to
        `symbols`."""
        frame = self._call("stock_zh_a_spot_em")
        codes = frame["代码"].astype(str).str.zfill(6)
        symbol = codes + "." + codes.map(exchange_of_code).fillna("")
        out = pd.DataFrame(
            {
                "symbol": symbol,
                "name": frame["名称"].astype(str),
                "last": frame["最新价"].astype(float),
                "open": frame["今开"].astype(float),
                "high": frame["最高"].astype(float),
                "low": frame["最低"].astype(float),
                "prev_close": frame["昨收"].astype(float),
                "volume": (frame["成交量"].fillna(0).astype(float) * LOT).round().astype(np.int64),
                "amount": frame["成交额"].fillna(0).astype(float),
            }
        )
        wanted = set(symbols)
        # A suspended stock has no price today (NaN): it is left out, not quoted at zero.
        keep = out["symbol"].isin(wanted) & out["last"].notna()
        return out[keep][list(SPOT_COLUMNS)].reset_index(drop=True)


def fold_auction(bars: pd.DataFrame) -> pd.DataFrame:
    """East Money's 1-minute series opens each day with a 09:30 row, the opening auction;
    terminals count it in the 09:31 bar. Fold each 09:30 row into the bar after it (its open,
    the wider range, the summed volume and amount)."""
    local = pd.to_datetime(bars["ts"], unit="ms", utc=True).dt.tz_convert(SHANGHAI)
    auction = ((local.dt.hour == 9) & (local.dt.minute == 30)).to_numpy()
    follows = np.flatnonzero(auction[:-1]) + 1 if len(bars) else np.empty(0, dtype=np.int64)
    if not len(follows):
        return bars[~auction].reset_index(drop=True)
    out = bars.copy()
    first, then = follows - 1, follows
    column = {name: bars[name].to_numpy() for name in ("open", "high", "low", "volume", "amount")}
    out.loc[then, "open"] = column["open"][first]
    out.loc[then, "high"] = np.maximum(column["high"][first], column["high"][then])
    out.loc[then, "low"] = np.minimum(column["low"][first], column["low"][then])
    for name in ("volume", "amount"):
        out.loc[then, name] = column[name][first] + column[name][then]
    return out[~auction].reset_index(drop=True)
