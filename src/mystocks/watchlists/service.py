"""Watchlist use cases: private, ordered lists of instruments with notes, and their quotes.

Watchlists are private: anyone else's, an admin's included, is "not found" (ids are not secrets
to probe). Any signed-in user may keep them, viewers too: watching is reading.

Locking: renaming, reordering and deleting a list need `If-Match` (428 without, 412 when stale),
as strategies do. An item's `PUT` and `DELETE` are idempotent, so `If-Match` is optional there;
every change, an item's included, bumps the list's version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.adapters.manager import UnifiedManager
from mystocks.adapters.uow import SqlUnitOfWork, UnitOfWork
from mystocks.domain import paging
from mystocks.domain.versions import parse_etag, required_version
from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.market.quotes import build_quotes
from mystocks.watchlists.store import WatchlistStore

MAX_LISTS = 50  # per user
MAX_ITEMS = 500  # per list


class WatchlistService:
    def __init__(
        self,
        store: WatchlistStore,
        data: UnifiedManager,
        uow: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        # A change of a list and its items is one unit of work (`adapters.uow`).
        self.uow: Callable[[], UnitOfWork] = uow or (lambda: SqlUnitOfWork(store.engine, None))
        self.store = store
        self.data = data

    # -- reading ------------------------------------------------------------------------------
    def _own(self, principal: Principal, watchlist_id: int) -> dict[str, Any]:
        row = self.store.get(watchlist_id)
        if row is None or row["owner"] != principal.username:
            raise NotFound(f"No watchlist {watchlist_id} of yours.")
        return row

    def get_watchlist(self, principal: Principal, watchlist_id: int) -> td.Watchlist:
        return present(self._own(principal, watchlist_id))

    def list_watchlists(
        self, principal: Principal, *, cursor: str | None, limit: int
    ) -> td.WatchlistPage:
        before = paging.decode_id("watchlists", cursor)
        rows = self.store.page(owner=principal.username, before_id=before, limit=limit + 1)
        page = paging.id_page("watchlists", [present(r) for r in rows], limit)
        return cast(td.WatchlistPage, page)

    def symbols_of(self, principal: Principal, watchlist_id: int) -> list[str]:
        """The list's symbols in order (for the WebSocket channel); NotFound if not yours."""
        return [item["symbol"] for item in self._own(principal, watchlist_id)["items"]]

    def get_watchlist_quotes(self, principal: Principal, watchlist_id: int) -> td.WatchlistQuotes:
        """Every item with its latest quote, in a fixed number of queries: the list and its
        items (2), the instruments (1) and `build_quotes` (a fixed few) however long it is."""
        row = self._own(principal, watchlist_id)
        symbols = [item["symbol"] for item in row["items"]]
        known = self.data.relational.get_instruments(symbols) if symbols else {}
        listed = [known[s] for s in symbols if s in known]  # a delisted one keeps no quote
        quotes = {q["symbol"]: q for q in build_quotes(self.data, listed, skip_missing=True)}
        out: list[td.WatchlistQuoteItem] = []
        for item in row["items"]:
            entry: td.WatchlistQuoteItem = {
                "symbol": item["symbol"],
                "position": item["position"],
                "note": item["note"],
            }
            if item["symbol"] in quotes:
                entry["quote"] = quotes[item["symbol"]]
            out.append(entry)
        return {
            "watchlist_id": row["id"],
            "name": row["name"],
            "version": row["version"],
            "items": out,
        }

    # -- the list -----------------------------------------------------------------------------
    def create_watchlist(self, principal: Principal, body: td.WatchlistInput) -> td.Watchlist:
        seeds = body.get("items") or []
        symbols = self._listed([s["symbol"] for s in seeds], "items")
        if self.store.count(principal.username) >= MAX_LISTS:
            detail = f"You have {MAX_LISTS} watchlists already, the most one user may keep."
            raise RuleViolation(detail)
        notes = [s.get("note") for s in seeds]
        return present(
            self.store.create(
                principal.username, body["name"], list(zip(symbols, notes, strict=True))
            )
        )

    def update_watchlist(
        self,
        principal: Principal,
        watchlist_id: int,
        if_match: str | None,
        patch: td.WatchlistPatch,
    ) -> td.Watchlist:
        version = self._precondition(principal, watchlist_id, if_match)
        wanted = [s.upper() for s in patch["symbols"]] if "symbols" in patch else None

        with self.uow() as uow:
            current = self.store.bump(watchlist_id, version, name=patch.get("name"))
            if wanted is not None:
                if len(wanted) != len(current) or set(wanted) != set(current):
                    detail = (
                        "symbols must name every item of the list, each once, in the new order."
                    )
                    raise RuleViolation(detail, (FieldProblem("body", "symbols", detail),))
                self.store.renumber(watchlist_id, current, wanted)
            uow.commit()
        return present(self._changed(watchlist_id))

    def delete_watchlist(
        self, principal: Principal, watchlist_id: int, if_match: str | None
    ) -> None:
        version = self._precondition(principal, watchlist_id, if_match)
        self.store.delete(watchlist_id, version)

    # -- items --------------------------------------------------------------------------------
    def put_watchlist_item(
        self,
        principal: Principal,
        watchlist_id: int,
        symbol: str,
        if_match: str | None,
        body: td.WatchlistItemInput,
    ) -> tuple[td.Watchlist, bool]:
        """Add or change one item; True when it was added."""
        self._own(principal, watchlist_id)
        version = None if if_match is None else parse_etag(if_match)
        symbol = self._listed([symbol], "symbol", location="path")[0]
        with self.uow() as uow:  # the version bump, then the items, in one transaction
            current = self.store.bump(watchlist_id, version)
            added = symbol not in current
            if added and len(current) >= MAX_ITEMS:
                detail = f"Watchlist {watchlist_id} has {MAX_ITEMS} items, the most a list holds."
                raise RuleViolation(detail, (FieldProblem("path", "symbol", detail),))
            if "position" in body or added:
                order = [s for s in current if s != symbol]
                order.insert(min(body.get("position", len(order)), len(order)), symbol)
                self.store.renumber(watchlist_id, current, order)
                if added:
                    note = body.get("note")
                    self.store.insert_item(watchlist_id, symbol, note, order.index(symbol))
            if not added and "note" in body:
                self.store.set_note(watchlist_id, symbol, body["note"])
            uow.commit()
        return present(self._changed(watchlist_id)), added

    def delete_watchlist_item(
        self, principal: Principal, watchlist_id: int, symbol: str, if_match: str | None
    ) -> td.Watchlist:
        self._own(principal, watchlist_id)
        version = None if if_match is None else parse_etag(if_match)
        symbol = symbol.upper()

        with self.uow() as uow:
            current = self.store.bump(watchlist_id, version)
            if symbol not in current:
                raise NotFound(f"{symbol} is not in watchlist {watchlist_id}.")
            self.store.delete_item(watchlist_id, symbol)
            self.store.renumber(watchlist_id, current, [s for s in current if s != symbol])
            uow.commit()
        return present(self._changed(watchlist_id))

    def _changed(self, watchlist_id: int) -> dict[str, Any]:
        """The list as its change left it (read after the commit)."""
        found = self.store.get(watchlist_id)
        if found is None:  # deleted between the commit and this read
            raise NotFound(f"No watchlist {watchlist_id}.")
        return found

    # -- checks -------------------------------------------------------------------------------
    def _listed(self, raw: Sequence[str], field: str, location: str = "body") -> list[str]:
        """`raw` in upper case, each a listed instrument and none twice; 422 naming the first
        that is not."""
        symbols = [s.upper() for s in raw]
        known = self.data.relational.get_instruments(symbols) if symbols else {}
        seen: set[str] = set()
        for i, symbol in enumerate(symbols):
            name = field if location == "path" else f"{field}[{i}].symbol"
            if symbol not in known:
                detail = f"{symbol} is not a listed instrument."
                raise RuleViolation(detail, (FieldProblem(location, name, detail),))
            if symbol in seen:
                detail = f"{symbol} is in the list twice."
                raise RuleViolation(detail, (FieldProblem(location, name, detail),))
            seen.add(symbol)
        return symbols

    def _precondition(
        self, principal: Principal, watchlist_id: int, if_match: str | None
    ) -> int | None:
        self._own(principal, watchlist_id)
        return required_version(if_match, f"watchlist {watchlist_id}")


def present(row: dict[str, Any]) -> td.Watchlist:
    """A stored list and its items as the contract's `Watchlist`."""
    return {
        "id": row["id"],
        "owner": row["owner"],
        "name": row["name"],
        "version": row["version"],
        "items": [
            {
                "symbol": item["symbol"],
                "position": item["position"],
                "note": item["note"],
                "added_at": item["added_at"].isoformat(),
            }
            for item in row["items"]
        ],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }
