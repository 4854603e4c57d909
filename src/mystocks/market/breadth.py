"""Market breadth and top movers, computed from quotes (no I/O: the caller builds the quotes).

Only the quotes of the newest quote's trading day are compared: a suspended stock's last quote
may be weeks old, and its change then says nothing about today. Prices are compared to the
previous close and to the price limits as decimals of their shortest text, since float equality
would miss a stock sitting exactly at its limit (11.06 vs 11.055 rounded half-up to the tick).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from mystocks_contract import typeddicts as td

TOP = 10  # movers per list


def _exact(price: float) -> Decimal:
    return Decimal(str(price))  # the shortest text of a float is the price as it was written


def _on_latest_day(quotes: Sequence[td.Quote]) -> tuple[dt.datetime | None, list[td.Quote]]:
    """The newest quote time and the quotes of its (exchange-local) day."""
    if not quotes:
        return None, []
    times = [dt.datetime.fromisoformat(q["timestamp"]) for q in quotes]
    newest = max(times)
    return newest, [q for q, t in zip(quotes, times, strict=True) if t.date() == newest.date()]


def breadth(quotes: Sequence[td.Quote]) -> td.MarketBreadth:
    as_of, today = _on_latest_day(quotes)
    counts = dict.fromkeys(("advancing", "declining", "unchanged", "limit_up", "limit_down"), 0)
    for quote in today:
        if quote["prev_close"] is None:
            continue
        last, prev = _exact(quote["last"]), _exact(quote["prev_close"])
        counts["advancing" if last > prev else "declining" if last < prev else "unchanged"] += 1
        up, down = quote.get("limit_up"), quote.get("limit_down")
        if up is not None and last >= _exact(up):
            counts["limit_up"] += 1
        if down is not None and last <= _exact(down):
            counts["limit_down"] += 1
    return {
        "as_of": None if as_of is None else as_of.isoformat(),
        "trading_day": None if as_of is None else as_of.date().isoformat(),
        "stocks": len(today),
        "advancing": counts["advancing"],
        "declining": counts["declining"],
        "unchanged": counts["unchanged"],
        "limit_up": counts["limit_up"],
        "limit_down": counts["limit_down"],
        "stale": len(quotes) - len(today),
    }


def _mover(quote: td.Quote) -> td.Mover:
    return {
        "symbol": quote["symbol"],
        "name": quote["name"],
        "last": quote["last"],
        "change_pct": quote["change_pct"],
        "amount": quote["amount"],
    }


def _pct(quote: td.Quote) -> float:
    value = quote["change_pct"]
    return 0.0 if value is None else value


def movers(quotes: Sequence[td.Quote], top: int = TOP) -> td.MarketMovers:
    _, today = _on_latest_day(quotes)
    moved = [q for q in today if q["change_pct"] is not None]
    gainers = sorted((q for q in moved if _pct(q) > 0), key=lambda q: (-_pct(q), q["symbol"]))
    losers = sorted((q for q in moved if _pct(q) < 0), key=lambda q: (_pct(q), q["symbol"]))
    traded = sorted(
        (q for q in today if q["amount"] > 0), key=lambda q: (-q["amount"], q["symbol"])
    )
    return {
        "gainers": [_mover(q) for q in gainers[:top]],
        "losers": [_mover(q) for q in losers[:top]],
        "turnover": [_mover(q) for q in traded[:top]],
    }
