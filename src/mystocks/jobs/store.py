"""Stored jobs (backtests, training runs): their state, progress and results, one row each.

One `JobStore` serves every job table: they share the lifecycle columns (owner, status,
progress, error, timestamps, idempotency key) and differ only in their inputs and results.
Inside a unit of work (`adapters.uow`) its writes are part of the unit's transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, newest_first

TERMINAL = ("succeeded", "failed", "cancelled")


class DuplicateJob(Exception):
    """A job with this (owner, idempotency key) exists: the transaction that tried to insert it
    is spoiled (PostgreSQL refuses anything more in it), so the caller rolls back, then reads
    the first job (`find_by_key`)."""


def _row(mapping: Any) -> dict[str, Any]:
    return as_utc(mapping, "created_at", "started_at", "finished_at")


class JobStore:
    def __init__(self, engine: Engine, table: str, results: tuple[str, ...]) -> None:
        """`results`: the bulky columns, read only when asked for."""
        self.engine = engine
        self.table = Base.metadata.tables[table]
        self.summary = [c for c in self.table.c if c.name not in results]

    def create(self, owner: str, key: str | None, fields: dict[str, Any]) -> dict[str, Any]:
        """Insert a queued job. DuplicateJob when `key` was used already."""
        values = fields | {
            "owner": owner,
            "idempotency_key": key,
            "status": "queued",
            "progress": 0.0,
            "created_at": dt.datetime.now(dt.UTC),
        }
        try:
            with begin(self.engine) as conn:
                row = conn.execute(
                    self.table.insert().values(**values).returning(*self.summary)
                ).one()
        except IntegrityError as exc:
            if key is None:
                raise
            raise DuplicateJob(key) from exc
        return _row(row._mapping)

    def find_by_key(self, owner: str, key: str) -> dict[str, Any] | None:
        c = self.table.c
        with connect(self.engine) as conn:
            row = conn.execute(
                select(*self.summary).where(c.owner == owner, c.idempotency_key == key)
            ).first()
        return None if row is None else _row(row._mapping)

    def get(self, backtest_id: int, *, results: bool = False) -> dict[str, Any] | None:
        columns = list(self.table.c) if results else self.summary
        with connect(self.engine) as conn:
            row = conn.execute(select(*columns).where(self.table.c.id == backtest_id)).first()
        return None if row is None else _row(row._mapping)

    def page(
        self, *, owner: str | None, status: str | None, before_id: int | None, limit: int
    ) -> list[dict[str, Any]]:
        stmt = newest_first(
            self.table, self.summary, owner=owner, status=status, before_id=before_id, limit=limit
        )
        with connect(self.engine) as conn:
            return [_row(row._mapping) for row in conn.execute(stmt)]

    def count_by_status(self, *, owner: str | None, statuses: tuple[str, ...]) -> dict[str, int]:
        """How many jobs (of `owner`, or everyone's) are in each of `statuses`, in one query."""
        c = self.table.c
        stmt = select(c.status, func.count()).where(c.status.in_(statuses)).group_by(c.status)
        if owner is not None:
            stmt = stmt.where(c.owner == owner)
        with connect(self.engine) as conn:
            found = {status: int(n) for status, n in conn.execute(stmt)}
        return {status: found.get(status, 0) for status in statuses}

    def change(self, backtest_id: int, **values: Any) -> dict[str, Any] | None:
        """Apply `values` unless the job already ended; the job as it is afterwards, or None
        when it had ended (a late progress report must not revive a cancelled job)."""
        c = self.table.c
        with begin(self.engine) as conn:
            changed = conn.execute(
                update(self.table)
                .where(c.id == backtest_id, c.status.not_in(TERMINAL))
                .values(**values)
            ).rowcount
            if not changed:
                return None
            row = conn.execute(select(*self.summary).where(c.id == backtest_id)).one()
        return _row(row._mapping)

    def ids_with_status(self, status: str) -> list[int]:
        with connect(self.engine) as conn:
            return list(conn.scalars(select(self.table.c.id).where(self.table.c.status == status)))

    def fail_unfinished(
        self,
        reason: str,
        *,
        ids: list[int] | None = None,
        statuses: tuple[str, ...] = ("queued", "running"),
    ) -> list[dict[str, Any]]:
        """Mark failed the jobs (of `ids`, or all) still in one of `statuses`: they died with
        the process that ran them. The condition is in the UPDATE itself and only the rows it
        changed are returned, so two servers failing the same job at once report it once."""
        c = self.table.c
        stmt = update(self.table).where(c.status.in_(statuses))
        if ids is not None:
            if not ids:
                return []
            stmt = stmt.where(c.id.in_(ids))
        with begin(self.engine) as conn:
            changed = conn.scalars(
                stmt.values(
                    status="failed", error=reason, finished_at=dt.datetime.now(dt.UTC)
                ).returning(c.id)
            ).all()
        return [job for job in (self.get(i) for i in changed) if job is not None]
