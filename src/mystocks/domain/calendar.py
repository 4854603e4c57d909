"""Trading calendars for the exchanges MyStocks serves, taken from ``exchange_calendars``.

Source: the ``exchange_calendars`` package (Apache-2.0, per its installed metadata). Holidays are
never hand-written here: the library tracks exchange notices (e.g. China's National Day week,
NYSE closures such as Hurricane Sandy on 2012-10-29/30) and is updated with new releases.

Exchanges:

* ``XSHG`` — Shanghai Stock Exchange. Shenzhen (``XSHE``, not a calendar of its own in the
  library) observes the same sessions, so ``XSHE`` is accepted as an alias of ``XSHG``.
* ``XNYS`` — New York Stock Exchange; also used for NASDAQ listings, which share its sessions.

Building a calendar takes a noticeable fraction of a second (XNYS ~0.2 s), so each one is built
once per process and cached. Calendars start early enough for the shipped sample data (A-share
bars from 2011, US bars from 2000): XSHG from 2005-01-01, XNYS from 1999-01-01. They end at the
library's default end (about a year after today, capped by the library's own bound for XSHG).
"""

from __future__ import annotations

import functools
import warnings
from datetime import date

import exchange_calendars as xcals
import pandas as pd

__all__ = [
    "EXCHANGES",
    "calendar_bounds",
    "exchange_for_symbol",
    "get_calendar",
    "session_minutes",
    "trading_days",
]

# Explicit first dates; the library's default start (~20 years back from today) would drift
# past the sample data as time goes by.
_STARTS: dict[str, date] = {"XSHG": date(2005, 1, 1), "XNYS": date(1999, 1, 1)}
_ALIASES: dict[str, str] = {"XSHE": "XSHG"}
EXCHANGES: tuple[str, ...] = tuple(_STARTS)

_SUFFIX_EXCHANGE: dict[str, str] = {"SH": "XSHG", "SZ": "XSHG", "US": "XNYS"}


def _canonical(exchange: str) -> str:
    name = exchange.strip().upper()
    name = _ALIASES.get(name, name)
    if name not in _STARTS:
        known = ", ".join([*EXCHANGES, *_ALIASES])
        raise ValueError(f"unknown exchange {exchange!r}; known exchanges: {known}")
    return name


@functools.cache
def _build(name: str) -> xcals.ExchangeCalendar:
    # `name` is already canonical, so the cache holds one object per exchange.
    with warnings.catch_warnings():
        # exchange_calendars 4.13 reads `.values` of tz-aware data, which pandas 3.1 deprecates
        # (Pandas4Warning, a DeprecationWarning). It happens only while building and in the
        # cached `minutes_nanos` (first minute lookup), so both are done here, once, with that
        # warning silenced instead of leaking into every caller.
        warnings.filterwarnings(
            "ignore", message=r".*\.values returning an ndarray", category=DeprecationWarning
        )
        cal = xcals.get_calendar(name, start=pd.Timestamp(_STARTS[name]))
        _ = cal.minutes_nanos  # ~50 ms, cached on the calendar object
    return cal


def get_calendar(exchange: str) -> xcals.ExchangeCalendar:
    """The cached ``exchange_calendars`` object for ``exchange`` (``XSHG``/``XSHE``/``XNYS``)."""
    return _build(_canonical(exchange))


def calendar_bounds(exchange: str) -> tuple[date, date]:
    """The inclusive date range ``trading_days`` accepts for ``exchange``.

    The lower bound is the configured start (which may be a holiday, e.g. 2005-01-01), the upper
    bound the calendar's last session.
    """
    name = _canonical(exchange)
    return _STARTS[name], _build(name).last_session.date()


def trading_days(exchange: str, start: date, end: date) -> list[date]:
    """Sessions of ``exchange`` between ``start`` and ``end`` inclusive, oldest first.

    Raises ``ValueError`` for an unknown exchange, ``start > end``, or a range that leaves the
    calendar's bounds (the message names the bounds).
    """
    name = _canonical(exchange)
    cal = _build(name)
    lo, hi = calendar_bounds(name)
    first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    if first > last:
        raise ValueError(f"start {first} is after end {last}")
    if first < lo or last > hi:
        raise ValueError(
            f"range {first}..{last} is outside the {name} calendar's bounds {lo}..{hi}"
        )
    # sessions_in_range rejects a start before the first *session*, while our lower bound is
    # the configured start date (possibly a holiday), so clamp to the first session.
    first_ts = max(pd.Timestamp(first), cal.first_session)
    last_ts = pd.Timestamp(last)
    if first_ts > last_ts:
        return []
    return [ts.date() for ts in cal.sessions_in_range(first_ts, last_ts)]


def session_minutes(exchange: str, day: date) -> pd.DatetimeIndex:
    """Start of every trading minute of session ``day`` as tz-aware UTC timestamps.

    Lunch breaks (XSHG 11:30-13:00) and early closes (XNYS half days) come from the library.
    Raises ``ValueError`` if ``day`` is not a session.
    """
    name = _canonical(exchange)
    cal = _build(name)
    ts = pd.Timestamp(day).normalize()
    # is_session raises the library's own error outside the bounds; keep to ValueError.
    if not (cal.first_session <= ts <= cal.last_session and cal.is_session(ts)):
        raise ValueError(f"{ts.date()} is not a {name} trading day")
    minutes: pd.DatetimeIndex = cal.session_minutes(ts)
    return minutes


def exchange_for_symbol(symbol: str) -> str:
    """Calendar code for a MyStocks symbol: ``.SH``/``.SZ`` → ``XSHG``, ``.US`` → ``XNYS``."""
    _, dot, suffix = symbol.strip().rpartition(".")
    exchange = _SUFFIX_EXCHANGE.get(suffix.upper()) if dot else None
    if exchange is None:
        raise ValueError(f"cannot tell the exchange of symbol {symbol!r}; expected .SH, .SZ or .US")
    return exchange
