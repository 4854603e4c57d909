"""The SDK's pieces that need no server: DataFrames, errors and the request signature."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from mystocks_client.models import BacktestTrade, Bar, EquityPoint, IndicatorPoint, ScreenMatch
from mystocks_sdk import APIError, signature_headers, to_dataframe

CST = dt.timezone(dt.timedelta(hours=8))
EST = dt.timezone(dt.timedelta(hours=-5))


def bar(day: int, tz: dt.tzinfo = CST, **fields: float) -> Bar:
    values = {"open": 10.0, "high": 11.0, "low": 9.5, "close": 10.5, "volume": 1200, "amount": 1e4}
    return Bar.from_dict({"ts": dt.datetime(2017, 7, day, tzinfo=tz).isoformat()} | values | fields)


def test_bars_get_a_tz_aware_index_and_numeric_dtypes():
    frame = to_dataframe([bar(3), bar(4, close=10.8)])
    assert list(frame.columns) == ["open", "high", "low", "close", "volume", "amount"]
    assert str(frame.index.tz) == "UTC+08:00" and frame.index.name == "ts"
    assert frame.index[0] == pd.Timestamp("2017-07-03T00:00:00+08:00")
    assert frame["close"].dtype == "float64" and frame["volume"].dtype == "int64"
    assert frame["close"].tolist() == [10.5, 10.8]


def test_a_zone_can_be_asked_for_and_mixed_offsets_fall_back_to_utc():
    named = to_dataframe([bar(3)], tz="Asia/Shanghai")
    assert str(named.index.tz) == "Asia/Shanghai"
    assert named.index[0].hour == 0
    mixed = to_dataframe([bar(3), bar(4, tz=EST)])
    assert str(mixed.index.tz) == "UTC"
    assert mixed.index[1] == pd.Timestamp("2017-07-04T05:00:00Z")


def test_missing_values_keep_the_column_type():
    trades = [
        BacktestTrade.from_dict(
            {
                "time": "2017-07-03T09:30:00+08:00",
                "symbol": "600036.SH",
                "side": side,
                "price": 20.5,
                "quantity": 1000,
                "commission": 5.0,
                "stamp_duty": stamp,
                "realized_pnl": pnl,
            }
        )
        for side, stamp, pnl in (("buy", 0.0, None), ("sell", 20.5, 812.0))
    ]
    frame = to_dataframe(trades)
    assert frame.index.name == "time"
    assert frame["side"].tolist() == ["buy", "sell"]  # the enum's value
    assert frame["symbol"].dtype == "string"
    assert frame["quantity"].dtype == "int64"
    assert frame["realized_pnl"].dtype == "float64"
    assert pd.isna(frame["realized_pnl"].iloc[0]) and frame["realized_pnl"].iloc[1] == 812.0


def test_nested_values_become_columns_and_dates_an_index():
    points = [
        IndicatorPoint.from_dict(
            {"ts": "2017-07-26T00:00:00+08:00", "values": {"DIF": 0.4, "DEA": None}}
        ),
        IndicatorPoint.from_dict(
            {"ts": "2017-07-27T00:00:00+08:00", "values": {"DIF": 0.5, "DEA": 0.3}}
        ),
    ]
    frame = to_dataframe(points)
    assert list(frame.columns) == ["DIF", "DEA"]
    assert frame["DEA"].dtype == "float64" and pd.isna(frame["DEA"].iloc[0])
    matches = [
        ScreenMatch.from_dict({"symbol": "600036.SH", "name": "招商银行", "values": {"name": 1.5}})
    ]
    assert list(to_dataframe(matches).columns) == ["symbol", "name", "values.name"]  # no clash
    curve = to_dataframe([EquityPoint(date=dt.date(2017, 7, 3), equity=1e6, cash=5e5)])
    assert isinstance(curve.index, pd.DatetimeIndex) and curve.index.tz is None
    local = to_dataframe(
        [EquityPoint(date=dt.date(2017, 7, 3), equity=1e6, cash=5e5)], tz="Asia/Shanghai"
    )
    assert str(local.index.tz) == "Asia/Shanghai"


def test_a_problem_becomes_one_exception_with_its_fields():
    body = (
        b'{"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "1 error",'
        b' "errors": [{"name": "limit", "in": "query", "detail": "too big"}],'
        b' "request_id": "r-1", "code": null}'
    )
    error = APIError.from_answer(400, body)
    assert (error.status, error.title, error.request_id) == (400, "Bad Request", "r-1")
    assert error.errors[0]["name"] == "limit"
    assert "query limit: too big" in str(error) and "r-1" in str(error)


def test_an_answer_that_is_not_a_problem_still_raises_with_what_came_back():
    error = APIError.from_answer(502, b"<html>bad gateway</html>", {"x-request-id": "abc"})
    assert error.status == 502 and error.title == "HTTP 502"
    assert error.detail == "<html>bad gateway</html>" and error.request_id == "abc"


def test_the_sdk_signs_as_the_independent_hmac_says():
    # The vector of tests/unit/test_api_keys.py (computed with openssl), through the SDK.
    headers = signature_headers(
        "mk_0123456789abcdef",
        "mss_test-secret",
        "get",
        "/api/v1/market/bars/600036.SH",
        "period=1d&limit=5",
        timestamp_ms=1732435200000,
        nonce="n0nce-0123456789ab",
    )
    assert headers["X-MS-SIGNATURE"] == (
        "14bac109ba5c04f776987a3dacbd2406dba16da369da988342d529163aecde4e"
    )


@pytest.mark.parametrize("rows", [[], ()])
def test_no_rows_is_an_empty_frame(rows):
    assert to_dataframe(rows).empty
