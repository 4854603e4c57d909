"""Stored API keys. One row per key; revoking stamps `revoked_at` and keeps the row.

Verification reads the key and its owner's current role in one query on every signed request
(no cache), so a revocation, an expiry or a change of the owner's role holds on every server
instance from the next request on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc

_KEYS = Base.metadata.tables["api_keys"]
_USERS = Base.metadata.tables["users"]
_TIMES = ("created_at", "expires_at", "revoked_at")


class ApiKeyStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, row: dict[str, Any]) -> dict[str, Any]:
        """Store a key (inside a unit of work, in its transaction)."""
        with begin(self.engine) as conn:
            new_id = conn.execute(_KEYS.insert().values(**row).returning(_KEYS.c.id)).scalar_one()
        return {**row, "id": new_id}

    def count_live(self, owner: str, now: dt.datetime) -> int:
        c = _KEYS.c
        stmt = (
            select(func.count())
            .select_from(_KEYS)
            .where(c.owner == owner, c.revoked_at.is_(None), c.expires_at > now)
        )
        with connect(self.engine) as conn:
            return int(conn.execute(stmt).scalar_one())

    def of_owner(self, owner: str) -> list[dict[str, Any]]:
        """The owner's keys, revoked ones included, newest first."""
        c = _KEYS.c
        stmt = select(_KEYS).where(c.owner == owner).order_by(c.id.desc())
        with connect(self.engine) as conn:
            return [as_utc(r._mapping, *_TIMES) for r in conn.execute(stmt)]

    def for_request(self, key_id: str) -> dict[str, Any] | None:
        """The key with its owner's current `role`; None when the key or its owner is gone."""
        c = _KEYS.c
        stmt = (
            select(_KEYS, _USERS.c.role)
            .join(_USERS, _USERS.c.username == c.owner)
            .where(c.key_id == key_id)
        )
        with connect(self.engine) as conn:
            row = conn.execute(stmt).first()
        return None if row is None else as_utc(row._mapping, *_TIMES)

    def revoke(
        self, key_id: str, owner: str, at: dt.datetime
    ) -> tuple[dict[str, Any] | None, bool]:
        """Revoke the owner's key: (the key, whether this call revoked it). A second revoke
        keeps the first time; the key is None when the owner has no such key."""
        c = _KEYS.c
        with begin(self.engine) as conn:
            revoked = conn.execute(
                update(_KEYS)
                .where(c.key_id == key_id, c.owner == owner, c.revoked_at.is_(None))
                .values(revoked_at=at)
            ).rowcount
            row = conn.execute(select(_KEYS).where(c.key_id == key_id, c.owner == owner)).first()
        return (None if row is None else as_utc(row._mapping, *_TIMES)), bool(revoked)
