"""The akshare and baostock adapters on the libraries' documented output, without the network.

Each fake function answers a frame built the way the pinned library builds it (the column
names, order and types in its source: akshare 1.19.5, baostock 0.9.4), and records how it was
called. Every recorded call is then bound to the installed library's own function signature,
so an adapter calling a function that does not exist, or with a parameter it does not take,
fails here. What stays untested is the libraries' HTTP.
"""

from __future__ import annotations

import datetime as dt
import inspect
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest

from mystocks.adapters.providers import (
    ACTION_COLUMNS,
    DAILY_COLUMNS,
    FACTOR_COLUMNS,
    INSTRUMENT_COLUMNS,
    MINUTE_COLUMNS,
    SPOT_COLUMNS,
    NotSupported,
    ProviderError,
    exchange_of_code,
    load_library,
)
from mystocks.adapters.providers.akshare import Akshare, fold_auction
from mystocks.adapters.providers.baostock import Baostock

akshare = pytest.importorskip("akshare")
baostock = pytest.importorskip("baostock")

D = dt.date


class Recorder:
    """Functions by name that answer canned frames and record their calls."""

    def __init__(self, **answers: Any) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.answers = answers

    def __getattr__(self, name: str) -> Any:
        if name not in self.answers:
            raise AttributeError(name)

        def function(**kwargs: Any) -> Any:
            self.calls.append((name, kwargs))
            answer = self.answers[name]
            return answer(**kwargs) if callable(answer) else answer

        return function


def assert_calls_fit(library: Any, calls: list[tuple[str, dict[str, Any]]]) -> None:
    assert calls, "the adapter called nothing"
    for name, kwargs in calls:
        inspect.signature(getattr(library, name)).bind(**kwargs)


# -- akshare: frames as akshare 1.19.5 builds them ------------------------------------------


def ak_hist() -> pd.DataFrame:
    """`stock_zh_a_hist`: dates as datetime.date, numbers as floats, 成交量 in lots."""
    return pd.DataFrame(
        {
            "日期": [D(2024, 3, 5), D(2024, 3, 4)],
            "股票代码": ["600000", "600000"],
            "开盘": [7.10, 7.00],
            "收盘": [7.05, 7.10],
            "最高": [7.15, 7.12],
            "最低": [7.01, 6.98],
            "成交量": [123456.0, 98765.0],
            "成交额": [87_400_000.0, 70_000_000.0],
            "振幅": [1.97, 2.0],
            "涨跌幅": [-0.7, 1.43],
            "涨跌额": [-0.05, 0.1],
            "换手率": [0.04, 0.03],
        }
    )


def ak_minutes(**kwargs: Any) -> pd.DataFrame:
    """`stock_zh_a_hist_min_em(period="1")`: 时间 as text, the 09:30 auction row first."""
    return pd.DataFrame(
        {
            "时间": ["2024-03-04 09:30:00", "2024-03-04 09:31:00", "2024-03-04 09:32:00"],
            "开盘": [7.00, 7.01, 7.03],
            "收盘": [7.00, 7.03, 7.02],
            "最高": [7.00, 7.04, 7.05],
            "最低": [7.00, 6.99, 7.01],
            "成交量": [500.0, 1200.0, 800.0],
            "成交额": [350_000.0, 842_000.0, 561_000.0],
            "均价": [7.0, 7.01, 7.02],
        }
    )


def ak_lists(symbol: str = "") -> pd.DataFrame:
    if symbol == "主板A股":
        return pd.DataFrame(
            {
                "证券代码": ["600000", "601398"],
                "证券简称": ["浦发银行", "工商银行"],
                "证券全称": ["", ""],
                "公司简称": ["", ""],
                "公司全称": ["", ""],
                "上市日期": [D(1999, 11, 10), D(2006, 10, 27)],
            }
        )
    if symbol == "科创板":
        return pd.DataFrame(
            {
                "证券代码": ["688981"],
                "证券简称": ["中芯国际"],
                "证券全称": [""],
                "公司简称": [""],
                "公司全称": [""],
                "上市日期": [D(2020, 7, 16)],
            }
        )
    return pd.DataFrame(
        {  # stock_info_sz_name_code("A股列表"): codes zero-filled text, dates as text
            "板块": ["主板", "创业板"],
            "A股代码": ["000001", "300059"],
            "A股简称": ["平安银行", "东方 财富"],
            "A股上市日期": ["1991-04-03", "2010-03-19"],
            "A股总股本": ["19,405,918,198", "15,775,645,570"],
            "A股流通股本": ["19,405,546,950", "13,376,019,350"],
            "所属行业": ["J 金融业", "I 信息技术"],
        }
    )


def ak_bj() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "证券代码": ["830799", "920001"],
            "证券简称": ["艾融软件", "纬达光电"],
            "总股本": [1.0, 1.0],
            "流通股本": [1.0, 1.0],
            "上市日期": [D(2021, 11, 15), None],
            "所属行业": ["", ""],
            "地区": ["", ""],
            "报告日期": [None, None],
        }
    )


def ak_factor(**kwargs: Any) -> pd.DataFrame:
    """`stock_zh_a_daily(adjust="hfq-factor")`: Sina's list, newest first, factors as text."""
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-06-14", "2023-07-21", "1999-11-10"]),
            "hfq_factor": ["2.2", "2.0", "1.0"],
        }
    )


def ak_dividends(**kwargs: Any) -> pd.DataFrame:
    """`stock_history_dividend_detail(indicator="分红")`: per 10 shares, newest first."""
    return pd.DataFrame(
        {
            "公告日期": [D(2024, 6, 7), D(2024, 3, 1), D(2023, 7, 14)],
            "送股": [0.0, 0.0, 10.0],
            "转增": [0.0, 0.0, 0.0],
            "派息": [3.2, 1.0, 0.0],
            "进度": ["实施", "预案", "实施"],
            "除权除息日": [D(2024, 6, 14), None, D(2023, 7, 21)],
            "股权登记日": [D(2024, 6, 13), None, D(2023, 7, 20)],
            "红股上市日": [None, None, D(2023, 7, 21)],
        }
    )


def ak_suspended(**kwargs: Any) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "序号": [1, 2],
            "代码": ["600000", "000001"],
            "名称": ["浦发银行", "平安银行"],
            "停牌时间": [D(2024, 3, 1), D(2024, 3, 4)],
            "停牌截止时间": [None, D(2024, 3, 4)],
            "停牌期限": ["连续停牌", "停牌一天"],
            "停牌原因": ["重大事项", "刊登重要公告"],
            "所属市场": ["沪市A股", "深市A股"],
            "预计复牌时间": [None, D(2024, 3, 5)],
        }
    )


def ak_spot() -> pd.DataFrame:
    columns = [
        "序号", "代码", "名称", "最新价", "涨跌幅", "涨跌额", "成交量", "成交额", "振幅", "最高",
        "最低", "今开", "昨收", "量比", "换手率", "市盈率-动态", "市净率", "总市值", "流通市值",
        "涨速", "5分钟涨跌", "60日涨跌幅", "年初至今涨跌幅",
    ]  # fmt: skip
    rows = [
        [1, "600000", "浦发银行", 7.05, -0.7, -0.05, 123456.0, 87.4e6, 1.97, 7.15, 7.01, 7.10,
         7.10, 1.0, 0.04, 5.0, 0.4, 2e11, 2e11, 0.0, 0.0, 1.0, 2.0],
        [2, "000001", "平安银行", np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan,
         np.nan, np.nan, 10.0, np.nan, np.nan, 5.0, 0.5, 2e11, 2e11, np.nan, np.nan, 1.0, 2.0],
        [3, "300059", "东方财富", 15.2, 1.0, 0.15, 500000.0, 7.6e8, 2.0, 15.3, 15.0, 15.05,
         15.05, 1.0, 0.3, 30.0, 3.0, 2e11, 2e11, 0.0, 0.0, 1.0, 2.0],
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def ak_library() -> Recorder:
    return Recorder(
        stock_zh_a_hist=ak_hist(),
        stock_zh_a_hist_min_em=ak_minutes,
        stock_info_sh_name_code=ak_lists,
        stock_info_sz_name_code=ak_lists,
        stock_info_bj_name_code=ak_bj(),
        stock_zh_a_daily=ak_factor,
        stock_history_dividend_detail=ak_dividends,
        stock_tfp_em=ak_suspended,
        stock_zh_a_spot_em=ak_spot(),
    )


def test_akshare_daily_bars_are_raw_sorted_and_in_shares() -> None:
    library = ak_library()
    bars = Akshare(library).daily_bars("600000.SH", D(2024, 3, 1), D(2024, 3, 31))
    assert list(bars.columns) == list(DAILY_COLUMNS)
    assert bars["date"].tolist() == [D(2024, 3, 4), D(2024, 3, 5)]
    assert bars["volume"].tolist() == [9_876_500, 12_345_600]  # lots x 100
    assert bars["volume"].dtype == np.int64
    assert bars.iloc[1][["open", "high", "low", "close"]].tolist() == [7.10, 7.15, 7.01, 7.05]
    assert library.calls == [
        (
            "stock_zh_a_hist",
            {
                "symbol": "600000",
                "period": "daily",
                "start_date": "20240301",
                "end_date": "20240331",
                "adjust": "",
            },
        )
    ]
    assert_calls_fit(akshare, library.calls)


def test_akshare_minutes_fold_the_opening_auction_into_0931() -> None:
    library = ak_library()
    bars = Akshare(library).minute_bars("600000.SH", 1, D(2024, 3, 4), D(2024, 3, 4))
    assert list(bars.columns) == list(MINUTE_COLUMNS)
    ends = pd.to_datetime(bars["ts"], unit="ms", utc=True).dt.tz_convert("Asia/Shanghai")
    assert ends.dt.strftime("%H:%M").tolist() == ["09:31", "09:32"]
    first = bars.iloc[0]
    assert (first["open"], first["high"], first["low"], first["close"]) == (7.00, 7.04, 6.99, 7.03)
    assert first["volume"] == (500 + 1200) * 100
    assert first["amount"] == 350_000.0 + 842_000.0
    (function, kwargs), *_ = library.calls
    assert function == "stock_zh_a_hist_min_em"
    assert kwargs["period"] == "1" and kwargs["adjust"] == ""
    assert kwargs["start_date"] == "2024-03-04 09:00:00"
    assert_calls_fit(akshare, library.calls)
    with pytest.raises(NotSupported):
        Akshare(library).minute_bars("600000.SH", 15)


def test_fold_auction_leaves_a_day_without_one_alone() -> None:
    bars = pd.DataFrame(
        {"ts": [1709515860000], "open": [1.0], "high": [1.0], "low": [1.0], "close": [1.0],
         "volume": [1], "amount": [1.0]}
    )  # fmt: skip
    assert fold_auction(bars).equals(bars)


def test_akshare_instruments_join_the_three_exchanges_with_boards_and_dates() -> None:
    library = ak_library()
    listed = Akshare(library).instruments()
    assert list(listed.columns) == list(INSTRUMENT_COLUMNS)
    rows = {r.symbol: r for r in listed.itertuples()}
    assert sorted(rows) == [
        "000001.SZ", "300059.SZ", "600000.SH", "601398.SH", "688981.SH", "830799.BJ", "920001.BJ",
    ]  # fmt: skip
    assert rows["300059.SZ"].name == "东方财富"  # the exchange's padding space removed
    assert rows["300059.SZ"].board == "chinext" and rows["688981.SH"].board == "star"
    assert rows["830799.BJ"].board == "bse" and rows["600000.SH"].board == "main"
    assert rows["000001.SZ"].listed == D(1991, 4, 3)
    assert rows["920001.BJ"].listed is None
    assert_calls_fit(akshare, library.calls)


def test_akshare_factors_oldest_first_as_numbers() -> None:
    library = ak_library()
    factors = Akshare(library).adjust_factors("600000.SH")
    assert list(factors.columns) == list(FACTOR_COLUMNS)
    assert factors["date"].tolist() == [D(1999, 11, 10), D(2023, 7, 21), D(2024, 6, 14)]
    assert factors["factor"].tolist() == [1.0, 2.0, 2.2]
    assert library.calls == [("stock_zh_a_daily", {"symbol": "sh600000", "adjust": "hfq-factor"})]
    assert_calls_fit(akshare, library.calls)


def test_akshare_actions_keep_the_carried_out_ones_per_share() -> None:
    library = ak_library()
    actions = Akshare(library).corporate_actions("600000.SH")
    assert list(actions.columns) == list(ACTION_COLUMNS)
    assert actions.to_dict("records") == [
        {"date": D(2023, 7, 21), "cash": 0.0, "shares": 1.0},  # 10送10
        {"date": D(2024, 6, 14), "cash": 0.32, "shares": 0.0},  # 10派3.2
    ]
    assert_calls_fit(akshare, library.calls)


def test_akshare_suspension_in_force() -> None:
    library = ak_library()
    held = Akshare(library).suspensions("600000.SH", on=D(2024, 3, 4))
    assert held.to_dict("records") == [{"start": D(2024, 3, 1), "end": None, "reason": "重大事项"}]
    assert library.calls == [("stock_tfp_em", {"date": "20240304"})]
    assert_calls_fit(akshare, library.calls)
    with pytest.raises(NotSupported):
        Akshare(library).st_history("600000.SH")


def test_akshare_spot_quotes_keep_the_asked_and_skip_the_suspended() -> None:
    library = ak_library()
    spot = Akshare(library).spot_quotes(["600000.SH", "000001.SZ"])
    assert list(spot.columns) == list(SPOT_COLUMNS)
    assert spot["symbol"].tolist() == ["600000.SH"]  # 000001 has no price (suspended)
    row = spot.iloc[0]
    assert (row["last"], row["prev_close"], row["volume"]) == (7.05, 7.10, 12_345_600)
    assert_calls_fit(akshare, library.calls)


def test_akshare_failures_are_provider_errors() -> None:
    def broken(**kwargs: Any) -> pd.DataFrame:
        raise ConnectionError("connection reset by peer")

    with pytest.raises(ProviderError, match="stock_zh_a_hist failed: ConnectionError"):
        Akshare(Recorder(stock_zh_a_hist=broken)).daily_bars("600000.SH")


@pytest.mark.parametrize(
    ("code", "exchange"),
    [("600000", "SH"), ("688981", "SH"), ("000001", "SZ"), ("300059", "SZ"), ("830799", "BJ"),
     ("430047", "BJ"), ("920001", "BJ"), ("900901", None), ("123", None)],
)  # fmt: skip
def test_exchange_of_code(code: str, exchange: str | None) -> None:
    assert exchange_of_code(code) == exchange


# -- baostock: result sets of strings, read with next() and get_row_data() -----------------


class ResultSet:
    def __init__(self, fields: list[str], rows: list[list[str]], error: str = "0") -> None:
        self.fields, self.rows, self.error_code, self.error_msg = fields, rows, error, "success"
        self.index = -1

    def next(self) -> bool:
        self.index += 1
        return self.index < len(self.rows)

    def get_row_data(self) -> list[str]:
        return self.rows[self.index]


DAILY = ["date", "open", "high", "low", "close", "volume", "amount", "tradestatus", "isST"]
BS_DAYS = [
    ["2024-03-01", "7.0000", "7.1000", "6.9000", "7.0500", "1000000", "7050000.0000", "1", "1"],
    ["2024-03-04", "7.0500", "7.0500", "7.0500", "7.0500", "0", "0.0000", "0", "1"],
    ["2024-03-05", "7.0500", "7.2000", "7.0000", "7.1500", "2000000", "14300000.0000", "1", "0"],
    ["2024-03-06", "7.1500", "7.2500", "7.1000", "7.2000", "1500000", "10800000.0000", "1", "1"],
]


def bs_library(rows: list[list[str]] = BS_DAYS) -> Recorder:
    def k_data(**kwargs: Any) -> ResultSet:
        if kwargs["frequency"] == "5":
            return ResultSet(
                ["date", "time", "open", "high", "low", "close", "volume", "amount"],
                [["2024-03-04", "20240304093500000", "7.0", "7.1", "6.9", "7.05", "5000",
                  "35250.0"]],
            )  # fmt: skip
        return ResultSet(DAILY, [list(r) for r in rows])

    return Recorder(
        login=SimpleNamespace(error_code="0", error_msg="success"),
        logout=None,
        query_history_k_data_plus=k_data,
        query_adjust_factor=lambda **kw: ResultSet(
            ["code", "dividOperateDate", "foreAdjustFactor", "backAdjustFactor", "adjustFactor"],
            [
                ["sh.600000", "2023-07-21", "0.5", "2.0", "2.0"],
                ["sh.600000", "2024-06-14", "1.0", "2.2", "2.2"],
            ],
        ),
        query_stock_basic=lambda **kw: ResultSet(
            ["code", "code_name", "ipoDate", "outDate", "type", "status"],
            [
                ["sh.600000", "浦发银行", "1999-11-10", "", "1", "1"],
                ["sh.000001", "上证综合指数", "1991-07-15", "", "2", "1"],
                ["sz.000003", "PT金田A", "1991-07-03", "2002-06-14", "1", "0"],
                ["sz.300059", "东方财富", "2010-03-19", "", "1", "1"],
            ],
        ),
    )


def test_baostock_daily_bars_leave_out_suspended_days() -> None:
    library = bs_library()
    bars = Baostock(library).daily_bars("600000.SH", D(2024, 3, 1), D(2024, 3, 6))
    assert list(bars.columns) == list(DAILY_COLUMNS)
    assert bars["date"].tolist() == [D(2024, 3, 1), D(2024, 3, 5), D(2024, 3, 6)]
    assert bars["volume"].tolist() == [1_000_000, 2_000_000, 1_500_000]
    assert bars.iloc[1]["close"] == 7.15
    assert library.calls[0] == ("login", {})
    function, kwargs = library.calls[1]
    assert function == "query_history_k_data_plus"
    assert kwargs["code"] == "sh.600000" and kwargs["adjustflag"] == "3"
    assert (kwargs["start_date"], kwargs["end_date"]) == ("2024-03-01", "2024-03-06")
    assert_calls_fit(baostock, library.calls)


def test_baostock_suspensions_and_st_runs_from_the_daily_columns() -> None:
    provider = Baostock(bs_library())
    assert provider.suspensions("600000.SH").to_dict("records") == [
        {"start": D(2024, 3, 4), "end": D(2024, 3, 4), "reason": "停牌"}
    ]
    assert provider.st_history("600000.SH").to_dict("records") == [
        {"start": D(2024, 3, 1), "end": D(2024, 3, 4), "flag": "ST"},
        {"start": D(2024, 3, 6), "end": None, "flag": "ST"},  # still flagged
    ]


def test_baostock_factors_instruments_and_minutes() -> None:
    library = bs_library()
    provider = Baostock(library)
    factors = provider.adjust_factors("600000.SH")
    assert factors.to_dict("records") == [
        {"date": D(2023, 7, 21), "factor": 2.0},
        {"date": D(2024, 6, 14), "factor": 2.2},
    ]
    listed = provider.instruments()
    assert listed["symbol"].tolist() == ["300059.SZ", "600000.SH"]  # no index, no delisted
    assert listed.iloc[0]["board"] == "chinext" and listed.iloc[1]["listed"] == D(1999, 11, 10)
    minutes = provider.minute_bars("600000.SH", 5, D(2024, 3, 4), D(2024, 3, 4))
    end = pd.Timestamp(minutes["ts"].iloc[0], unit="ms", tz="UTC").tz_convert("Asia/Shanghai")
    assert end.strftime("%Y-%m-%d %H:%M") == "2024-03-04 09:35"
    assert minutes["volume"].tolist() == [5000]
    assert_calls_fit(baostock, library.calls)
    with pytest.raises(NotSupported):
        provider.minute_bars("600000.SH", 1)


def test_baostock_error_codes_are_provider_errors() -> None:
    library = bs_library()
    library.answers["query_adjust_factor"] = lambda **kw: ResultSet([], [], error="10004011")
    with pytest.raises(ProviderError, match="10004011"):
        Baostock(library).adjust_factors("600000.SH")
    refused = bs_library()
    refused.answers["login"] = SimpleNamespace(error_code="10001001", error_msg="网络错误")
    with pytest.raises(ProviderError, match="sign-in"):
        Baostock(refused).daily_bars("600000.SH")


def test_a_missing_library_says_how_to_install_it() -> None:
    with pytest.raises(ProviderError, match=r"pip install 'mystocks\[providers\]'"):
        load_library("no_such_provider_library")
