"""Stored live signals: one per strategy, symbol and bar, newest first by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from mystocks.storage.tables import Base

_SIGNALS = Base.metadata.tables["strategy_signals"]


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite drops the zone


class SignalStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """Store a signal; None when this strategy already has one on that bar (another server
        instance evaluated the same bar first), so only the first is published."""
        values = {**values, "created_at": dt.datetime.now(dt.UTC)}
        try:
            with self.engine.begin() as conn:
                key = conn.execute(_SIGNALS.insert().values(**values)).inserted_primary_key
        except IntegrityError:
            return None
        assert key is not None
        return {**values, "id": key[0]}

    def page(self, strategy_id: int, *, before_id: int | None, limit: int) -> list[dict[str, Any]]:
        c = _SIGNALS.c
        stmt = select(_SIGNALS).where(c.strategy_id == strategy_id).order_by(c.id.desc())
        if before_id is not None:
            stmt = stmt.where(c.id < before_id)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt.limit(limit))]
        for row in rows:
            row["bar_time"], row["created_at"] = _utc(row["bar_time"]), _utc(row["created_at"])
        return rows
