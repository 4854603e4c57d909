"""Stored watchlists and their items, with optimistic locking on the list's `version`.

Every change, an item's included, is one transaction that starts by bumping the list's version
with an UPDATE that matches the expected version (when one is named). That UPDATE also takes the
list's row lock on PostgreSQL (SQLite serialises writers anyway), so two item changes of one
list never interleave: positions stay dense and the item cap holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection, Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, delete_versioned, newest_first, refuse_stale

_LISTS = Base.metadata.tables["watchlists"]
_ITEMS = Base.metadata.tables["watchlist_items"]


def _row(mapping: Any) -> dict[str, Any]:
    return as_utc(mapping, "created_at", "updated_at")


def _item(mapping: Any) -> dict[str, Any]:
    return as_utc(mapping, "added_at")


# A change of the items inside the list's transaction: given the connection and the current
# symbols in order, it writes what it must (raising to roll everything back).


class WatchlistStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- reading ------------------------------------------------------------------------------
    def get(self, watchlist_id: int) -> dict[str, Any] | None:
        """The list with its `items` in order, in two queries."""
        with connect(self.engine) as conn:
            row = conn.execute(select(_LISTS).where(_LISTS.c.id == watchlist_id)).first()
            if row is None:
                return None
            return self._with_items(conn, [_row(row._mapping)])[0]

    def page(self, *, owner: str, before_id: int | None, limit: int) -> list[dict[str, Any]]:
        """Newest first, each with its items: two queries for the whole page."""
        stmt = newest_first(
            _LISTS, [_LISTS], owner=owner, status=None, before_id=before_id, limit=limit
        )
        with connect(self.engine) as conn:
            return self._with_items(conn, [_row(r._mapping) for r in conn.execute(stmt)])

    @staticmethod
    def _with_items(conn: Connection, lists: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_id = {wl["id"]: wl | {"items": []} for wl in lists}
        if by_id:
            c = _ITEMS.c
            stmt = (
                select(_ITEMS)
                .where(c.watchlist_id.in_(list(by_id)))
                .order_by(c.watchlist_id, c.position)
            )
            for item in conn.execute(stmt):
                by_id[item.watchlist_id]["items"].append(_item(item._mapping))
        return [by_id[wl["id"]] for wl in lists]

    def count(self, owner: str) -> int:
        c = _LISTS.c
        stmt = select(func.count()).select_from(_LISTS).where(c.owner == owner)
        with connect(self.engine) as conn:
            return int(conn.execute(stmt).scalar_one())

    # -- writing ------------------------------------------------------------------------------
    def create(
        self, owner: str, name: str, items: Sequence[tuple[str, str | None]]
    ) -> dict[str, Any]:
        now = dt.datetime.now(dt.UTC)
        values = {"owner": owner, "name": name, "version": 1, "created_at": now}
        with begin(self.engine) as conn:
            new_id = conn.execute(
                _LISTS.insert().values(**values, updated_at=now)
            ).inserted_primary_key
            assert new_id is not None
            if items:
                conn.execute(
                    _ITEMS.insert(),
                    [
                        {
                            "watchlist_id": new_id[0],
                            "symbol": symbol,
                            "position": position,
                            "note": note,
                            "added_at": now,
                        }
                        for position, (symbol, note) in enumerate(items)
                    ],
                )
        found = self.get(new_id[0])
        assert found is not None
        return found

    def bump(
        self, watchlist_id: int, expected_version: int | None, *, name: str | None = None
    ) -> list[str]:
        """Bump the version (if it is `expected_version`; None: any) and set `name` if given;
        answers the items' symbols in their order, read after the bump took the list's row lock.
        The first write of every change: inside a unit of work, what follows is in its
        transaction, so two changes of one list never interleave."""
        c = _LISTS.c
        values: dict[str, Any] = {"version": c.version + 1, "updated_at": dt.datetime.now(dt.UTC)}
        if name is not None:
            values["name"] = name
        stmt = update(_LISTS).where(c.id == watchlist_id).values(**values)
        if expected_version is not None:
            stmt = stmt.where(c.version == expected_version)
        with begin(self.engine) as conn:
            if conn.execute(stmt).rowcount == 0:
                refuse_stale(conn, _LISTS, watchlist_id, expected_version, "Watchlist")
            symbols = conn.execute(
                select(_ITEMS.c.symbol)
                .where(_ITEMS.c.watchlist_id == watchlist_id)
                .order_by(_ITEMS.c.position)
            ).scalars()
            return list(symbols)

    def renumber(self, watchlist_id: int, before: list[str], after: list[str]) -> None:
        """Write the positions of the stored symbols whose place differs between `before` (as
        stored) and `after` (the order wanted; a symbol not in `before` is inserted apart)."""
        old = {symbol: i for i, symbol in enumerate(before)}
        moved = [
            {"wl": watchlist_id, "sym": symbol, "pos": i}
            for i, symbol in enumerate(after)
            if symbol in old and old[symbol] != i
        ]
        if moved:
            c = _ITEMS.c
            stmt = (
                update(_ITEMS)
                .where(c.watchlist_id == bindparam("wl"), c.symbol == bindparam("sym"))
                .values(position=bindparam("pos"))
            )
            with begin(self.engine) as conn:
                conn.execute(stmt, moved)

    def insert_item(self, watchlist_id: int, symbol: str, note: str | None, position: int) -> None:
        values = {"watchlist_id": watchlist_id, "symbol": symbol, "position": position}
        with begin(self.engine) as conn:
            conn.execute(
                _ITEMS.insert().values(**values, note=note, added_at=dt.datetime.now(dt.UTC))
            )

    def set_note(self, watchlist_id: int, symbol: str, note: str | None) -> None:
        c = _ITEMS.c
        with begin(self.engine) as conn:
            conn.execute(
                update(_ITEMS)
                .where(c.watchlist_id == watchlist_id, c.symbol == symbol)
                .values(note=note)
            )

    def delete_item(self, watchlist_id: int, symbol: str) -> None:
        c = _ITEMS.c
        with begin(self.engine) as conn:
            conn.execute(delete(_ITEMS).where(c.watchlist_id == watchlist_id, c.symbol == symbol))

    def delete(self, watchlist_id: int, expected_version: int | None) -> None:
        with begin(self.engine) as conn:
            delete_versioned(conn, _LISTS, watchlist_id, expected_version, "Watchlist")
            conn.execute(delete(_ITEMS).where(_ITEMS.c.watchlist_id == watchlist_id))
