"""Trading calendars come from exchange_calendars; these check real holidays and our bounds."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mystocks.domain.calendar import (
    calendar_bounds,
    exchange_for_symbol,
    get_calendar,
    session_minutes,
    trading_days,
)


def test_xshg_trading_day_and_national_day() -> None:
    days = trading_days("XSHG", date(2017, 6, 30), date(2017, 10, 10))
    assert date(2017, 7, 3) in days
    # National Day week 2017: closed 10-02 .. 10-06 (10-01 and 10-07/08 are weekends).
    assert date(2017, 10, 2) not in days
    assert [d for d in days if d >= date(2017, 9, 29)] == [
        date(2017, 9, 29),
        date(2017, 10, 9),
        date(2017, 10, 10),
    ]


def test_weekend_only_range_is_empty() -> None:
    assert trading_days("XSHG", date(2017, 7, 1), date(2017, 7, 2)) == []
    assert trading_days("XNYS", date(2013, 3, 2), date(2013, 3, 3)) == []


def test_xnys_hurricane_sandy_closure() -> None:
    days = trading_days("XNYS", date(2012, 10, 26), date(2012, 10, 31))
    assert days == [date(2012, 10, 26), date(2012, 10, 31)]


def test_shenzhen_alias_and_cache() -> None:
    assert get_calendar("XSHG") is get_calendar("xshg") is get_calendar("XSHE")
    assert trading_days("XSHE", date(2017, 7, 3), date(2017, 7, 7)) == trading_days(
        "XSHG", date(2017, 7, 3), date(2017, 7, 7)
    )


def test_lower_bound_is_configured_start_even_on_a_holiday() -> None:
    assert calendar_bounds("XSHG")[0] == date(2005, 1, 1)
    assert calendar_bounds("XNYS")[0] == date(1999, 1, 1)
    assert trading_days("XSHG", date(2005, 1, 1), date(2005, 1, 5)) == [
        date(2005, 1, 4),
        date(2005, 1, 5),
    ]
    assert trading_days("XNYS", date(1999, 1, 1), date(1999, 1, 4)) == [date(1999, 1, 4)]


def test_returns_python_dates() -> None:
    days = trading_days("XNYS", date(2000, 3, 1), date(2000, 3, 3))
    assert days == [date(2000, 3, 1), date(2000, 3, 2), date(2000, 3, 3)]
    assert all(type(d) is date for d in days)


def test_unknown_exchange() -> None:
    with pytest.raises(ValueError, match=r"unknown exchange 'XHKG'.*XSHG"):
        trading_days("XHKG", date(2017, 7, 3), date(2017, 7, 4))


def test_out_of_bounds_names_the_bounds() -> None:
    lo, hi = calendar_bounds("XSHG")
    with pytest.raises(ValueError, match=rf"outside the XSHG calendar's bounds {lo}\.\.{hi}"):
        trading_days("XSHG", date(2004, 12, 31), date(2005, 1, 10))
    with pytest.raises(ValueError, match="bounds 1999-01-01"):
        trading_days("XNYS", date(2020, 1, 1), date(2100, 1, 1))


def test_start_after_end() -> None:
    with pytest.raises(ValueError, match="after end"):
        trading_days("XSHG", date(2017, 7, 4), date(2017, 7, 3))


def test_session_minutes_xshg_has_lunch_break() -> None:
    minutes = session_minutes("XSHG", date(2017, 7, 3))
    assert len(minutes) == 240
    assert str(minutes.tz) == "UTC"
    local = minutes.tz_convert("Asia/Shanghai").strftime("%H:%M")
    assert (local[0], local[119], local[120], local[-1]) == ("09:30", "11:29", "13:00", "14:59")


def test_session_minutes_xnys_early_close() -> None:
    assert len(session_minutes("XNYS", date(2012, 11, 21))) == 390
    minutes = session_minutes("XNYS", date(2012, 11, 23))  # day after Thanksgiving
    assert len(minutes) == 210
    assert minutes[-1].tz_convert("America/New_York") == pd.Timestamp(
        "2012-11-23 12:59", tz="America/New_York"
    )


def test_session_minutes_rejects_holiday_and_out_of_range() -> None:
    with pytest.raises(ValueError, match="not a XSHG trading day"):
        session_minutes("XSHG", date(2017, 10, 2))
    with pytest.raises(ValueError, match="not a XSHG trading day"):
        session_minutes("XSHG", date(1999, 1, 4))


@pytest.mark.parametrize(
    ("symbol", "exchange"),
    [("600036.SH", "XSHG"), ("000002.SZ", "XSHG"), ("000001.sh", "XSHG"), ("AAPL.US", "XNYS")],
)
def test_exchange_for_symbol(symbol: str, exchange: str) -> None:
    assert exchange_for_symbol(symbol) == exchange


@pytest.mark.parametrize("symbol", ["600036", "00700.HK", "AAPL", ""])
def test_exchange_for_symbol_rejects(symbol: str) -> None:
    with pytest.raises(ValueError, match="cannot tell the exchange"):
        exchange_for_symbol(symbol)
