"""Stored strategies, with optimistic locking on `version`.

A change names the version it was based on; the UPDATE matches only that version and bumps it
in the same statement, so of two writers who read version 3, exactly one gets version 4 and the
other matches no row (412), whatever the interleaving. No lock is held between read and write.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, delete_versioned, newest_first, refuse_stale

_STRATEGIES = Base.metadata.tables["strategies"]
EDITABLE = ("name", "description", "type", "parameters", "symbols", "status", "period")
# Changed only by starting and stopping.
LIVE = ("live", "live_since", "trade_account_id", "trade_quantity")


def _row(mapping: Any) -> dict[str, Any]:
    return as_utc(mapping, "created_at", "updated_at", "live_since")


class StrategyStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, owner: str, fields: dict[str, Any]) -> dict[str, Any]:
        now = dt.datetime.now(dt.UTC)
        values = {k: fields.get(k) for k in EDITABLE}
        values["period"] = values["period"] or "1d"
        values |= {"owner": owner, "version": 1, "created_at": now, "updated_at": now}
        with begin(self.engine) as conn:
            new_id = conn.execute(_STRATEGIES.insert().values(**values)).inserted_primary_key
            assert new_id is not None
            row = conn.execute(select(_STRATEGIES).where(_STRATEGIES.c.id == new_id[0])).one()
        return _row(row._mapping)

    def get(self, strategy_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(_STRATEGIES).where(_STRATEGIES.c.id == strategy_id)).first()
        return None if row is None else _row(row._mapping)

    def page(
        self, *, owner: str | None, status: str | None, before_id: int | None, limit: int
    ) -> list[dict[str, Any]]:
        """Newest first; `before_id` pages (ids only grow)."""
        stmt = newest_first(
            _STRATEGIES, [_STRATEGIES], owner=owner, status=status, before_id=before_id, limit=limit
        )
        with connect(self.engine) as conn:
            return [_row(row._mapping) for row in conn.execute(stmt)]

    def update(
        self, strategy_id: int, expected_version: int | None, changes: dict[str, Any]
    ) -> dict[str, Any]:
        """Apply `changes` if the stored version is `expected_version` (None: any version)."""
        c = _STRATEGIES.c
        values = {k: v for k, v in changes.items() if k in EDITABLE + LIVE}
        values |= {"version": c.version + 1, "updated_at": dt.datetime.now(dt.UTC)}
        stmt = update(_STRATEGIES).where(c.id == strategy_id).values(**values)
        if expected_version is not None:
            stmt = stmt.where(c.version == expected_version)
        with begin(self.engine) as conn:
            if conn.execute(stmt).rowcount == 0:
                refuse_stale(conn, _STRATEGIES, strategy_id, expected_version, "Strategy")
            row = conn.execute(select(_STRATEGIES).where(c.id == strategy_id)).one()
        return _row(row._mapping)

    def delete(self, strategy_id: int, expected_version: int | None) -> None:
        with begin(self.engine) as conn:
            delete_versioned(conn, _STRATEGIES, strategy_id, expected_version, "Strategy")

    def running(self) -> list[dict[str, Any]]:
        """The strategies whose live signals are on."""
        with connect(self.engine) as conn:
            rows = conn.execute(select(_STRATEGIES).where(_STRATEGIES.c.live == "running"))
            return [_row(row._mapping) for row in rows]

    def count(self) -> int:
        with connect(self.engine) as conn:
            return int(conn.execute(select(func.count()).select_from(_STRATEGIES)).scalar_one())
