"""Breadth and movers on hand-built quotes, with the expected answers worked out by hand."""

from __future__ import annotations

from typing import Any

from mystocks.market.breadth import breadth, movers

DAY = "2017-07-26T14:59:50+08:00"


def quote(
    symbol: str,
    last: float,
    prev_close: float | None,
    *,
    change_pct: float | None = None,
    limits: tuple[float | None, float | None] = (None, None),
    amount: float = 1_000_000.0,
    timestamp: str = DAY,
) -> dict[str, Any]:
    return {
        "symbol": symbol,
        "name": f"name of {symbol}",
        "last": last,
        "open": last,
        "high": last,
        "low": last,
        "prev_close": prev_close,
        "change": None,
        "change_pct": change_pct,
        "volume": 100,
        "amount": amount,
        "limit_up": limits[0],
        "limit_down": limits[1],
        "timestamp": timestamp,
        "source": "real",
    }


# prev_close 10.05 on the main board: 11.055 and 9.045, rounded half up to the tick.
LIMITS_10_05 = (11.06, 9.05)


def test_limit_up_and_down_at_the_exact_limit_price():
    quotes = [
        quote("600001.SH", 11.06, 10.05, limits=LIMITS_10_05),  # at the upper limit
        quote("600002.SH", 11.05, 10.05, limits=LIMITS_10_05),  # a tick below it
        quote("600003.SH", 9.05, 10.05, limits=LIMITS_10_05),  # at the lower limit
        quote("600004.SH", 9.06, 10.05, limits=LIMITS_10_05),  # a tick above it
        quote("300001.SZ", 12.0, 10.0, limits=(12.0, 8.0)),  # ChiNext +20%
    ]
    got = breadth(quotes)
    assert (got["limit_up"], got["limit_down"]) == (2, 1)
    assert (got["advancing"], got["declining"], got["unchanged"]) == (3, 2, 0)


def test_direction_comes_from_prices_not_the_rounded_percentage():
    # One tick up on 1,000 CNY is +0.001%, shown as 0.0: still an advancing stock.
    got = breadth([quote("600519.SH", 1000.01, 1000.0, change_pct=0.0)])
    assert (got["advancing"], got["unchanged"]) == (1, 0)


def test_unchanged_missing_prev_close_and_stale_quotes():
    quotes = [
        quote("600010.SH", 25.1, 25.10),  # unchanged
        quote("600011.SH", 8.0, None),  # first day in the data: in no direction
        quote("600012.SH", 30.0, 29.0, timestamp="2017-07-20T14:59:50+08:00"),  # suspended
        quote("600013.SH", 7.5, 7.6, timestamp="2017-07-26T10:15:00+08:00"),
    ]
    got = breadth(quotes)
    assert got == {
        "as_of": DAY,
        "trading_day": "2017-07-26",
        "stocks": 3,
        "advancing": 0,
        "declining": 1,
        "unchanged": 1,
        "limit_up": 0,
        "limit_down": 0,
        "stale": 1,
    }


def test_no_quotes_no_day():
    got = breadth([])
    assert got["as_of"] is None and got["trading_day"] is None
    assert got["stocks"] == got["stale"] == got["advancing"] == 0
    assert movers([]) == {"gainers": [], "losers": [], "turnover": []}


def test_movers_are_the_top_ten_ordered_with_ties_by_symbol():
    quotes = [
        quote(f"6000{i:02d}.SH", 10.0, 9.5, change_pct=float(i), amount=float(100 * i))
        for i in range(1, 13)
    ]
    quotes += [
        quote("000002.SZ", 9.0, 10.0, change_pct=-10.0, amount=5.0),
        quote("000001.SZ", 9.5, 10.0, change_pct=-5.0, amount=5.0),
        quote("000003.SZ", 9.5, 10.0, change_pct=-5.0, amount=0.0),  # no turnover: not listed
        quote("000004.SZ", 10.0, 10.0, change_pct=0.0, amount=1.0),  # neither gainer nor loser
        quote("000005.SZ", 20.0, 10.0, change_pct=100.0, timestamp="2017-07-25T15:00:00+08:00"),
        quote("000006.SZ", 10.0, None, change_pct=None, amount=1200.0),  # no previous close
    ]
    got = movers(quotes)
    assert [m["symbol"] for m in got["gainers"]] == [f"6000{i:02d}.SH" for i in range(12, 2, -1)]
    assert [m["symbol"] for m in got["losers"]] == ["000002.SZ", "000001.SZ", "000003.SZ"]
    turnover = [m["symbol"] for m in got["turnover"]]
    # 000006.SZ and 600012.SH both traded 1200: the symbol decides.
    assert turnover[:3] == ["000006.SZ", "600012.SH", "600011.SH"] and len(turnover) == 10
    assert got["gainers"][0] == {
        "symbol": "600012.SH",
        "name": "name of 600012.SH",
        "last": 10.0,
        "change_pct": 12.0,
        "amount": 1200.0,
    }
