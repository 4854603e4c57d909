"""Market-data providers: where real A-share data comes from (akshare, baostock, a 通达信
installation's files), behind one Protocol the sync reads through.

Every method answers a pandas DataFrame with exactly the columns named here, in raw
(unadjusted) prices, or raises `NotSupported` when the source has no such data, so a sync can
ask the next provider. A source that fails (a file it cannot read, a request refused) raises
`ProviderError`.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from typing import Any, Protocol

import pandas as pd

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
"""Beijing time, the exchanges' (no daylight saving since 1991)."""
INSTRUMENT_COLUMNS = ("symbol", "name", "exchange", "board", "listed")
"""`symbol` as the API writes it (600000.SH); `exchange` SH, SZ or BJ; `board` main, chinext,
star or bse; `listed` the listing date (datetime.date). `name` and `listed` are None where the
source does not say."""
DAILY_COLUMNS = ("date", "open", "high", "low", "close", "volume", "amount")
"""`date` datetime.date; prices in yuan, raw; `volume` shares (int64); `amount` yuan."""
MINUTE_COLUMNS = ("ts", "open", "high", "low", "close", "volume", "amount")
"""`ts` epoch milliseconds UTC at the END of the bar (09:31 is the first 1-minute bar, as
terminals label it); the rest as for daily bars."""
FACTOR_COLUMNS = ("date", "factor")
"""The cumulative back-adjustment (hfq) factor from `date` on: hfq price = raw x factor; qfq
price = raw x factor / the newest factor."""
ACTION_COLUMNS = ("date", "cash", "shares")
"""Corporate actions by ex-date: `cash` yuan per share (分红, before tax), `shares` new shares
per share (送股 and 转增: 10送10 is 1.0)."""
SUSPENSION_COLUMNS = ("start", "end", "reason")
"""Suspended from `start` to `end` inclusive (`end` None: still suspended)."""
ST_COLUMNS = ("start", "end", "flag")
"""Flagged `flag` (ST, *ST) from `start` to `end` inclusive (`end` None: still flagged)."""
SPOT_COLUMNS = ("symbol", "name", "last", "open", "high", "low", "prev_close", "volume", "amount")
"""A session's latest quote: prices in yuan, `volume` shares and `amount` yuan so far today."""


def exchange_of_code(code: str) -> str | None:
    """The exchange of a bare six-digit A-share code, as sources that drop it write it: 6xxxxx
    Shanghai, 0xxxxx and 3xxxxx Shenzhen, 4xxxxx, 8xxxxx and 92xxxx Beijing; None otherwise
    (B shares, funds)."""
    if len(code) != 6 or not code.isdigit():
        return None
    if code.startswith(("60", "68")):
        return "SH"
    if code.startswith(("00", "30")):
        return "SZ"
    if code.startswith(("4", "8", "92")):
        return "BJ"
    return None


class NotSupported(Exception):
    """The provider has no such data (the sentence says what it lacks)."""


class ProviderError(Exception):
    """The source failed: a file it cannot read, a request refused. Worth a retry, or the next
    provider."""


def load_library(name: str) -> Any:
    """Import a provider's library (`akshare`, `baostock`) when first used; a missing one is a
    `ProviderError` that says how to install it."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ProviderError(f"{name} is not installed: pip install 'mystocks[providers]'") from exc


class Provider(Protocol):
    name: str

    def instruments(self) -> pd.DataFrame:
        """Every instrument the source knows (INSTRUMENT_COLUMNS)."""
        ...

    def daily_bars(
        self, symbol: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> pd.DataFrame:
        """Raw daily bars of `symbol` from `start` to `end` inclusive (DAILY_COLUMNS), oldest
        first; empty when the source has none."""
        ...

    def minute_bars(
        self,
        symbol: str,
        minutes: int,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> pd.DataFrame:
        """Raw `minutes`-minute bars (1 or 5) of the trading days `start` to `end` inclusive
        (MINUTE_COLUMNS), oldest first."""
        ...

    def adjust_factors(self, symbol: str) -> pd.DataFrame:
        """FACTOR_COLUMNS, oldest first: one row per change of the factor."""
        ...

    def corporate_actions(self, symbol: str) -> pd.DataFrame:
        """ACTION_COLUMNS, oldest first."""
        ...

    def suspensions(self, symbol: str) -> pd.DataFrame:
        """SUSPENSION_COLUMNS, oldest first."""
        ...

    def st_history(self, symbol: str) -> pd.DataFrame:
        """ST_COLUMNS, oldest first."""
        ...

    def spot_quotes(self, symbols: Sequence[str]) -> pd.DataFrame:
        """The latest quotes of `symbols` during a session."""
        ...
