"""UnifiedManager: the deployment's two stores, by the kind of data each holds.

High-frequency data (ticks, minute bars) lives in the time-series store (`timeseries`: SQL or
TDengine, behind `interfaces.TimeSeriesStore`); everything else (instruments, daily bars, users,
strategies, jobs, accounts…) in the relational store (`relational`). Which one holds a kind of
data is fixed by the store's own interface, not looked up: an earlier routing table by data
category had no caller and was removed (docs/architecture.md).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from mystocks.adapters.interfaces import TimeSeriesStore
from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.adapters.sql.timeseries import SqlTimeSeriesStore

StoreName = Literal["relational", "timeseries"]
# What a store raises when its database fails (lost connection, a statement refused): callers
# that carry on after a failed write name these, not the driver's classes.
STORE_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError,)


def open_timeseries(url: str) -> TimeSeriesStore:
    """The time-series backend a URL names: SQL (sqlite, postgresql) or TDengine (taos, taosws)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme in ("taos", "taosws"):
        from mystocks.adapters.tdengine.store import TDengineTimeSeriesStore  # needs its connector

        return TDengineTimeSeriesStore.from_url(url)
    return SqlTimeSeriesStore(make_engine(url))


@dataclass(frozen=True)
class StoreCheck:
    name: StoreName
    backend: str
    ok: bool
    latency_ms: float
    error: str | None = None


class UnifiedManager:
    def __init__(self, relational: RelationalStore, timeseries: TimeSeriesStore) -> None:
        self.relational = relational
        self.timeseries = timeseries

    @classmethod
    def from_urls(cls, relational_url: str, timeseries_url: str) -> UnifiedManager:
        return cls(RelationalStore(make_engine(relational_url)), open_timeseries(timeseries_url))

    def create_schema(self) -> None:
        self.relational.create_schema()
        self.timeseries.create_schema()

    def check(self) -> list[StoreCheck]:
        """Ping every store; a failure is reported, not raised (readiness must always answer)."""
        checks = []
        for name, store in (("relational", self.relational), ("timeseries", self.timeseries)):
            started = time.perf_counter()
            error = None
            try:
                store.ping()
            except Exception as exc:  # any driver error means "not ready"; say which kind
                error = type(exc).__name__
            elapsed = (time.perf_counter() - started) * 1000
            checks.append(StoreCheck(name, store.backend, error is None, elapsed, error))  # type: ignore[arg-type]
        return checks

    def dispose(self) -> None:
        self.relational.engine.dispose()
        self.timeseries.dispose()
