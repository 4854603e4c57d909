"""The dashboard: one snapshot of the A-share market, the caller's active jobs, paper accounts
and alerts, and the platform.

The market part builds the latest quote of every A-share (`services.quotes`, a fixed number of
queries however many there are), so a process computes it at most once a second and every
caller shares it. The jobs part depends on who asks; it is kept for the same second per
visibility scope, so a thousand SSE subscribers cost a few queries a second, not a thousand.
The paper part is the caller's own accounts whatever their role, so it is kept per user (keyed
by username, never by a scope two users share). The alert counts are single COUNT queries, read
fresh, so an acknowledgement shows at once. A watchlist's quotes, when asked for, are kept for
the same second per user and list: never shared across users, since watchlists are private.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import orjson
from mystocks_contract import typeddicts as td

from mystocks.adapters.manager import UnifiedManager
from mystocks.alerts.store import AlertStore
from mystocks.domain.rules import yuan
from mystocks.identity.auth import Principal
from mystocks.jobs.book import JobBook
from mystocks.market.breadth import breadth, movers
from mystocks.market.meter import RateMeter
from mystocks.market.quotes import build_quotes
from mystocks.trading.service import PaperService
from mystocks.watchlists.service import WatchlistService

FRESH_SECONDS = 1.0
RUNNING_SHOWN = 20  # per kind; the contract's maxItems is twice this
ACCOUNTS_SHOWN = 20  # the contract's maxItems of paper.accounts

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """A value per key, computed at most once per `seconds`. Callers that arrive while it is
    computed wait and take the same value instead of computing it again."""

    def __init__(
        self, seconds: float, clock: Callable[[], float] = time.monotonic, size: int = 1024
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._size = size
        self._values: dict[K, tuple[float, V]] = {}
        self._lock = threading.Lock()  # handlers call in from the thread pool

    def get(self, key: K, compute: Callable[[], V]) -> V:
        with self._lock:
            now = self._clock()
            hit = self._values.get(key)
            if hit is not None and now - hit[0] < self.seconds:
                return hit[1]
            value = compute()
            if len(self._values) >= self._size:  # one entry per user: bound it crudely
                self._values.clear()
            self._values[key] = (now, value)
            return value


def digest(snapshot: td.Dashboard) -> str:
    """A short fingerprint of a snapshot: equal snapshots, equal digests."""
    encoded = orjson.dumps(snapshot, option=orjson.OPT_SORT_KEYS)
    return hashlib.blake2b(encoded, digest_size=8).hexdigest()


def _running(kind: str, row: dict[str, Any]) -> td.RunningJob:
    started = row["started_at"]
    return {
        "kind": "backtest" if kind == "backtest" else "training",
        "id": row["id"],
        "owner": row["owner"],
        "progress": row["progress"],
        "started_at": None if started is None else started.isoformat(),
    }


class DashboardService:
    def __init__(
        self,
        data: UnifiedManager,
        backtests: JobBook,
        training: JobBook,
        meter: RateMeter,
        clock: Callable[[], float] = time.monotonic,
        alerts: AlertStore | None = None,
        paper: PaperService | None = None,
        watchlists: WatchlistService | None = None,
    ) -> None:
        self.data = data
        self.watchlists = watchlists
        self._watchlist: Memo[tuple[str, int], td.WatchlistQuotes] = Memo(FRESH_SECONDS, clock)
        self.alerts = alerts or AlertStore(data.relational.engine)
        self.paper = paper
        self.backtests = backtests
        self.training = training
        self.meter = meter
        self._market: Memo[None, tuple[td.MarketBreadth, td.MarketMovers]] = Memo(
            FRESH_SECONDS, clock
        )
        self._jobs: Memo[str | None, td.JobActivity] = Memo(FRESH_SECONDS, clock)
        self._paper: Memo[str, td.DashboardPaper] = Memo(FRESH_SECONDS, clock)

    def market(self) -> tuple[td.MarketBreadth, td.MarketMovers]:
        """Breadth and movers of every listed A-share stock that has market data."""
        universe = self.data.relational.instruments_of("CN", "stock")
        quotes = build_quotes(self.data, universe, skip_missing=True)
        return breadth(quotes), movers(quotes)

    def jobs(self, principal: Principal) -> td.JobActivity:
        backtests, running_backtests = self.backtests.active(principal, RUNNING_SHOWN)
        training, running_training = self.training.active(principal, RUNNING_SHOWN)
        running = [_running("backtest", row) for row in running_backtests]
        running += [_running("training", row) for row in running_training]
        running.sort(key=lambda job: job["started_at"] or "", reverse=True)
        return {
            "backtests": {"queued": backtests["queued"], "running": backtests["running"]},
            "training": {"queued": training["queued"], "running": training["running"]},
            "running": running,
        }

    def paper_accounts(self, username: str) -> td.DashboardPaper:
        """`username`'s newest paper accounts marked to market, and their totals."""
        rows = []
        if self.paper is not None:
            rows = self.paper.store.page_accounts(
                owner=username, before_id=None, limit=ACCOUNTS_SHOWN
            )
        accounts: list[td.DashboardAccount] = []
        equity = realized = unrealized = 0
        for row in rows:
            assert self.paper is not None
            valued = self.paper.valuation(row)
            equity += valued.equity
            realized += row["realized_pnl"]
            unrealized += valued.unrealized_pnl
            accounts.append(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "equity": yuan(valued.equity),
                    "realized_pnl": yuan(row["realized_pnl"]),
                    "unrealized_pnl": yuan(valued.unrealized_pnl),
                }
            )
        return {
            "equity": yuan(equity),
            "realized_pnl": yuan(realized),
            "unrealized_pnl": yuan(unrealized),
            "accounts": accounts,
        }

    def get_dashboard(self, principal: Principal, watchlist: int | None = None) -> td.Dashboard:
        """The snapshot; with `watchlist` (one of the caller's), that list's quotes too."""
        market_breadth, market_movers = self._market.get(None, self.market)
        jobs = self._jobs.get(JobBook.scope(principal), lambda: self.jobs(principal))
        who = principal.username
        paper = self._paper.get(who, lambda: self.paper_accounts(who))
        alerts_of = None if principal.role == "admin" else principal.username
        rate = self.meter.rate()
        snapshot: td.Dashboard = {
            "breadth": market_breadth,
            "movers": market_movers,
            "jobs": jobs,
            "paper": paper,
            "open_alerts": self.alerts.count_open(alerts_of),
            "risk_alerts_24h": self.alerts.count_open(
                alerts_of, dt.datetime.now(dt.UTC) - dt.timedelta(hours=24)
            ),
            "ingest_rows_per_second": None if rate is None else round(rate, 2),
        }
        if watchlist is not None and self.watchlists is not None:
            watchlists = self.watchlists
            snapshot["watchlist"] = self._watchlist.get(
                (principal.username, watchlist),
                lambda: watchlists.get_watchlist_quotes(principal, watchlist),
            )
        return snapshot
