"""A paper account's equity day by day, computed from its trades instead of snapshotted.

Replaying the trades is exact (integer cents) and needs nothing written at the close, so no day
is missing because a server was down, and a history is never out of step with the trades:
* cash = initial cash - what each buy cost (value and fees) + what each sell brought (value
  net of fees); frozen cash is still the account's, so it counts as cash;
* holdings come from the trade quantities, applied on the trading day of their tick (local
  date in Shanghai);
* each day's holdings are marked at the symbol's daily close, or, without a bar that day, at
  the newest price known by then (an older close or a fill, whichever came later).
The newest point (today, or the last trading day before it) is the account as it is now, marked
at the latest trades, so it agrees with `GET /api/v1/accounts/{id}`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from mystocks_contract import typeddicts as td

from mystocks.domain.rules import yuan


class Mark(NamedTuple):
    """An account at one trading day's close (cents)."""

    day: dt.date
    cash: int
    value: int

    @property
    def equity(self) -> int:
        return self.cash + self.value


@dataclass(frozen=True)
class PreviousClose:
    """An account's equity at the previous trading day's close (cents), as `daily_loss`
    compares with, kept in process because computing it replays every trade of the account.

    It stays right while the trading day (`day`), the daily bars written through this process
    (`bars`, `RelationalStore.daily_version`) and the account's trades up to that close are
    the same: a trade with an id above `seen` and a tick before `end` (a late tick of an
    earlier day) makes it stale; so does `expires` passing (time.monotonic()), which bounds
    what this process cannot see: bars written by another process, or a trade committed out
    of id order. `end` is None on the account's first day, when no trade counts."""

    day: dt.date
    bars: int
    expires: float
    end: dt.datetime | None
    seen: int
    equity: int


def replay(
    initial_cash: int,
    trades: Sequence[dict[str, Any]],
    closes: dict[str, list[tuple[dt.date, float]]],
    days: Sequence[dt.date],
) -> list[Mark]:
    """The account at the close of each of `days` (ascending), from its trades (in the order
    they happened, each with the trading `day` of its tick) and each symbol's daily closes
    (ascending, `RelationalStore.daily_closes`)."""
    cash = initial_cash
    held: dict[str, int] = {}
    seen: dict[str, tuple[dt.date, int]] = {}  # symbol -> (day, cents) of its newest fill
    bar = dict.fromkeys(closes, -1)  # symbol -> index of its newest close so far
    marks = []
    i = 0
    for day in days:
        while i < len(trades) and trades[i]["day"] <= day:
            t = trades[i]
            value = t["price"] * t["quantity"]
            fees = t["commission"] + t["stamp_duty"]
            buy = t["side"] == "buy"
            cash += -value - fees if buy else value - fees
            moved = t["quantity"] if buy else -t["quantity"]
            held[t["symbol"]] = held.get(t["symbol"], 0) + moved
            seen[t["symbol"]] = (t["day"], t["price"])
            i += 1
        value = 0
        for symbol, quantity in held.items():
            if quantity:
                value += quantity * _price(symbol, day, closes, bar, seen)
        marks.append(Mark(day, cash, value))
    return marks


def _price(
    symbol: str,
    day: dt.date,
    closes: dict[str, list[tuple[dt.date, float]]],
    bar: dict[str, int],
    seen: dict[str, tuple[dt.date, int]],
) -> int:
    """The newest price of `symbol` known at `day`'s close: its close, else the later of its
    last close and its last fill. Advances `bar` (days only go forward)."""
    series = closes.get(symbol, [])
    k = bar.get(symbol, -1)
    while k + 1 < len(series) and series[k + 1][0] <= day:
        k += 1
    bar[symbol] = k
    fill = seen[symbol]  # held, so bought at least once
    if k < 0 or fill[0] > series[k][0]:
        return fill[1]
    return round(series[k][1] * 100)


def present_equity(
    account_id: int,
    initial_cash: int,
    marks: Sequence[Mark],
    start: dt.date | None,
    end: dt.date | None,
) -> td.AccountEquity:
    """The points of `marks` in [start, end], with the day's P&L against the previous close,
    the return on the initial cash and the drawdown from the highest equity before, all counted
    from the account's first day whatever the window."""
    items: list[td.AccountEquityPoint] = []
    previous = peak = initial_cash
    for mark in marks:
        equity = mark.equity
        peak = max(peak, equity)
        if (start is None or mark.day >= start) and (end is None or mark.day <= end):
            items.append(
                {
                    "date": mark.day.isoformat(),
                    "cash": yuan(mark.cash),
                    "market_value": yuan(mark.value),
                    "equity": yuan(equity),
                    "daily_pnl": yuan(equity - previous),
                    "cumulative_return": round(equity / initial_cash - 1, 8),
                    "drawdown": round(equity / peak - 1, 8),
                }
            )
        previous = equity
    return {"account_id": account_id, "initial_cash": yuan(initial_cash), "items": items}
