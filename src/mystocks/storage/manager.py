"""UnifiedManager: the one entry point services use to reach data, whatever store holds it.

Each data category is routed to a store by one table (`ROUTES`), not by `if`s spread through
the code: high-frequency data (ticks, minute bars) goes to the time-series store, everything
else to the relational store. Services ask the manager for a category's store and never learn
which database answers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from mystocks.storage.interfaces import TimeSeriesStore
from mystocks.storage.relational import RelationalStore, make_engine
from mystocks.storage.timeseries import SqlTimeSeriesStore


class DataCategory(Enum):
    TICKS = "ticks"
    MINUTE_BARS = "minute_bars"
    DAILY_BARS = "daily_bars"
    INSTRUMENTS = "instruments"
    INDICATORS = "indicators"
    USERS = "users"


StoreName = Literal["relational", "timeseries"]

ROUTES: dict[DataCategory, StoreName] = {
    DataCategory.TICKS: "timeseries",
    DataCategory.MINUTE_BARS: "timeseries",
    DataCategory.DAILY_BARS: "relational",
    DataCategory.INSTRUMENTS: "relational",
    DataCategory.INDICATORS: "relational",
    DataCategory.USERS: "relational",
}


def open_timeseries(url: str) -> TimeSeriesStore:
    """The time-series backend a URL names: SQL (sqlite, postgresql) or TDengine (taos, taosws)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme in ("taos", "taosws"):
        from mystocks.storage.tdengine import TDengineTimeSeriesStore  # needs its connector

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

    def store_for(self, category: DataCategory) -> RelationalStore | TimeSeriesStore:
        return self.relational if ROUTES[category] == "relational" else self.timeseries

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
