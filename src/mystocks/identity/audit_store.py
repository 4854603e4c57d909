"""The audit log's table: rows are appended, never changed, and read newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, newest_first

_AUDIT = Base.metadata.tables["audit_log"]


class AuditStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def append(self, values: dict[str, Any]) -> None:
        """Add a row: inside a unit of work in its transaction (an order and its audit line
        commit together or not at all), else in a transaction of its own."""
        with begin(self.engine) as own:
            own.execute(insert(_AUDIT).values(**values))

    def page(
        self,
        *,
        actor: str | None,
        action: str | None,
        since: dt.datetime | None,
        until: dt.datetime | None,
        before_id: int | None,
        limit: int,
    ) -> list[dict[str, Any]]:
        """Newest first; `since` ≤ at < `until`."""
        c = _AUDIT.c
        stmt = newest_first(
            _AUDIT, [_AUDIT], owner=None, status=None, before_id=before_id, limit=limit
        )
        if actor is not None:
            stmt = stmt.where(c.actor == actor)
        if action is not None:
            stmt = stmt.where(c.action == action)
        if since is not None:
            stmt = stmt.where(c.at >= since)
        if until is not None:
            stmt = stmt.where(c.at < until)
        with connect(self.engine) as conn:
            return [as_utc(r._mapping, "at") for r in conn.execute(stmt)]
