"""Stored live signals: one per strategy, symbol and bar, newest first by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, newest_first

_SIGNALS = Base.metadata.tables["strategy_signals"]


class SignalStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """Store a signal; None when this strategy already has one on that bar (another server
        instance evaluated the same bar first), so only the first is published."""
        values = {**values, "created_at": dt.datetime.now(dt.UTC)}
        try:
            with begin(self.engine) as conn:
                key = conn.execute(_SIGNALS.insert().values(**values)).inserted_primary_key
        except IntegrityError:
            return None
        assert key is not None
        return {**values, "id": key[0]}

    def record_order(self, signal: dict[str, Any], outcome: dict[str, Any]) -> dict[str, Any]:
        """Keep what auto_trade made of a stored signal (`order_id` or `order_refusal`)."""
        with begin(self.engine) as conn:
            conn.execute(_SIGNALS.update().where(_SIGNALS.c.id == signal["id"]).values(**outcome))
        return signal | outcome

    def page(self, strategy_id: int, *, before_id: int | None, limit: int) -> list[dict[str, Any]]:
        stmt = newest_first(
            _SIGNALS, [_SIGNALS], owner=None, status=None, before_id=before_id, limit=limit
        ).where(_SIGNALS.c.strategy_id == strategy_id)
        with connect(self.engine) as conn:
            return [as_utc(r._mapping, "bar_time", "created_at") for r in conn.execute(stmt)]
