"""Stored screens, with optimistic locking on `version` (as strategies and watchlists)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, delete_versioned, newest_first, refuse_stale
from mystocks.errors import NotFound

_SCREENS = Base.metadata.tables["screens"]


def _row(mapping: Any) -> dict[str, Any]:
    return as_utc(mapping, "created_at", "updated_at")


class ScreenStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, screen_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(_SCREENS).where(_SCREENS.c.id == screen_id)).first()
        return None if row is None else _row(row._mapping)

    def page(self, *, owner: str, before_id: int | None, limit: int) -> list[dict[str, Any]]:
        stmt = newest_first(
            _SCREENS, [_SCREENS], owner=owner, status=None, before_id=before_id, limit=limit
        )
        with connect(self.engine) as conn:
            return [_row(r._mapping) for r in conn.execute(stmt)]

    def count(self, owner: str) -> int:
        stmt = select(func.count()).select_from(_SCREENS).where(_SCREENS.c.owner == owner)
        with connect(self.engine) as conn:
            return int(conn.execute(stmt).scalar_one())

    def create(self, owner: str, fields: dict[str, Any]) -> dict[str, Any]:
        now = dt.datetime.now(dt.UTC)
        values = {**fields, "owner": owner, "version": 1, "created_at": now, "updated_at": now}
        with begin(self.engine) as conn:
            new_id = conn.execute(_SCREENS.insert().values(**values)).inserted_primary_key
        assert new_id is not None
        found = self.get(new_id[0])
        assert found is not None
        return found

    def replace(
        self, screen_id: int, expected_version: int | None, fields: dict[str, Any]
    ) -> dict[str, Any]:
        """Write `fields` if the screen is at `expected_version` (None: any, `If-Match: *`)."""
        c = _SCREENS.c
        stmt = (
            update(_SCREENS)
            .where(c.id == screen_id)
            .values(**fields, version=c.version + 1, updated_at=dt.datetime.now(dt.UTC))
        )
        if expected_version is not None:
            stmt = stmt.where(c.version == expected_version)
        with begin(self.engine) as conn:
            if conn.execute(stmt).rowcount == 0:
                refuse_stale(conn, _SCREENS, screen_id, expected_version, "Screen")
        found = self.get(screen_id)
        if found is None:  # deleted between the commit and this read
            raise NotFound(f"No screen {screen_id}.")
        return found

    def delete(self, screen_id: int, expected_version: int | None) -> None:
        with begin(self.engine) as conn:
            delete_versioned(conn, _SCREENS, screen_id, expected_version, "Screen")
