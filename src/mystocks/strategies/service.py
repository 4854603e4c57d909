"""Strategy use cases: the type catalog and stored strategies (owners see theirs, admins all).

Parameters are checked by the backtest package's registry, the same code that turns them into
signals, so a strategy that is stored can always be run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from mystocks_contract import typeddicts as td

from mystocks.adapters.sql.relational import RelationalStore
from mystocks.backtest.strategies import STRATEGY_TYPES, validate_parameters
from mystocks.domain import paging
from mystocks.domain.versions import required_version
from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.strategies.live_signals import LIVE_PERIODS
from mystocks.strategies.live_signals import present as present_signal
from mystocks.strategies.signal_store import SignalStore
from mystocks.strategies.store import StrategyStore
from mystocks.trading.store import PaperStore

if TYPE_CHECKING:
    from mystocks.strategies.live_signals import LiveSignals

KINDS = {"int": "integer", "integer": "integer", "float": "number", "number": "number"}


class StrategyService:
    def __init__(
        self,
        store: StrategyStore,
        relational: RelationalStore,
        signals: SignalStore | None = None,
        live: LiveSignals | None = None,
        accounts: PaperStore | None = None,
    ) -> None:
        self.accounts = accounts  # for auto_trade's account check
        self.store = store
        self.relational = relational
        self.signals = signals or SignalStore(store.engine)
        self.live = live

    def list_strategy_types(self) -> td.StrategyTypeList:
        items = []
        for name, kind in STRATEGY_TYPES.items():
            items.append(
                {
                    "type": name,
                    "title": kind.title,
                    "description": kind.rule,
                    "parameters": [
                        {
                            "name": p.name,
                            "kind": KINDS[p.kind],
                            "minimum": p.minimum,
                            "maximum": p.maximum,
                            "default": p.default,
                            "description": p.description,
                        }
                        for p in kind.parameters
                    ],
                }
            )
        return cast(td.StrategyTypeList, {"items": items})

    # -- reading ------------------------------------------------------------------------------
    def _visible(self, principal: Principal, strategy_id: int) -> dict[str, Any]:
        row = self.store.get(strategy_id)
        # Someone else's strategy is "not found", not "forbidden": ids are not secrets to probe.
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No strategy {strategy_id}.")
        return row

    def get_strategy(self, principal: Principal, strategy_id: int) -> td.Strategy:
        return present(self._visible(principal, strategy_id))

    def list_strategies(
        self,
        principal: Principal,
        *,
        status: str | None,
        owner: str | None,
        cursor: str | None,
        limit: int,
    ) -> td.StrategyPage:
        before = paging.decode_id("strategies", cursor)
        if principal.role != "admin":
            if owner not in (None, principal.username):
                return {"items": [], "next_cursor": None}  # nobody else's strategies to show
            owner = principal.username
        rows = self.store.page(
            owner=owner,
            status=status,
            before_id=before,
            limit=limit + 1,
        )
        return cast(
            td.StrategyPage, paging.id_page("strategies", [present(r) for r in rows], limit)
        )

    # -- writing ------------------------------------------------------------------------------
    def _checked(self, body: Mapping[str, Any], type_: str) -> dict[str, Any]:
        try:
            parameters = validate_parameters(type_, body.get("parameters") or {})
        except ValueError as exc:
            raise RuleViolation(str(exc), (FieldProblem("body", "parameters", str(exc)),)) from None
        fields: dict[str, Any] = {
            k: body[k] for k in ("name", "description", "status", "period") if k in body
        }
        if "symbols" in body:
            symbols = [s.upper() for s in body["symbols"]]
            known = self.relational.get_instruments(symbols)
            unknown = [s for s in symbols if s not in known]
            if unknown:
                detail = f"{', '.join(unknown)} not listed"
                raise RuleViolation(detail, (FieldProblem("body", "symbols", detail),))
            fields["symbols"] = symbols
        return fields | {"type": type_, "parameters": parameters}

    def create_strategy(self, principal: Principal, body: td.StrategyInput) -> td.Strategy:
        principal.require("trader")
        fields = self._checked(body, body["type"])
        fields.setdefault("status", "draft")
        return present(self.store.create(principal.username, fields))

    def replace_strategy(
        self, principal: Principal, strategy_id: int, if_match: str | None, body: td.StrategyInput
    ) -> td.Strategy:
        version = self._precondition(principal, strategy_id, if_match)
        fields = self._checked(body, body["type"])
        fields.setdefault("description", None)
        fields.setdefault("status", "draft")
        return present(self.store.update(strategy_id, version, fields))

    def update_strategy(
        self, principal: Principal, strategy_id: int, if_match: str | None, patch: td.StrategyPatch
    ) -> td.Strategy:
        version = self._precondition(principal, strategy_id, if_match)
        current = self._visible(principal, strategy_id)
        merged = {**current["parameters"], **(patch.get("parameters") or {})}
        fields = self._checked({**patch, "parameters": merged}, current["type"])
        return present(self.store.update(strategy_id, version, fields))

    def delete_strategy(self, principal: Principal, strategy_id: int, if_match: str | None) -> None:
        version = self._precondition(principal, strategy_id, if_match)
        self.store.delete(strategy_id, version)

    # -- live signals -------------------------------------------------------------------------
    def start_strategy(
        self,
        principal: Principal,
        strategy_id: int,
        if_match: str | None,
        auto_trade: td.AutoTrade | None = None,
    ) -> td.Strategy:
        """Turn live signals on: the strategy is evaluated on each closed bar of the feed, and
        with `auto_trade` each signal places an order on the owner's paper account."""
        version = self._precondition(principal, strategy_id, if_match)
        row = self._visible(principal, strategy_id)
        if row["period"] not in LIVE_PERIODS:
            detail = (
                f"Live signals run on 1m to 60m and 1d bars; strategy {strategy_id} uses "
                f"{row['period']} (change its period first)."
            )
            raise RuleViolation(detail, (FieldProblem("body", "period", detail),))
        if row["status"] == "archived":
            raise RuleViolation(f"Strategy {strategy_id} is archived; it cannot go live.")
        trade: dict[str, int | None] = {"trade_account_id": None, "trade_quantity": None}
        if auto_trade is not None:
            self._check_account(row["owner"], auto_trade["account_id"])
            trade = {
                "trade_account_id": auto_trade["account_id"],
                "trade_quantity": auto_trade["quantity"],
            }
        now = dt.datetime.now(dt.UTC)
        return self._live(strategy_id, version, {"live": "running", "live_since": now} | trade)

    def _check_account(self, owner: str, account_id: int) -> None:
        account = None if self.accounts is None else self.accounts.get_account(account_id)
        if account is None or account["owner"] != owner:
            detail = f"auto_trade needs one of {owner}'s paper accounts; {account_id} is not."
            raise RuleViolation(detail, (FieldProblem("body", "auto_trade.account_id", detail),))

    def stop_strategy(
        self, principal: Principal, strategy_id: int, if_match: str | None
    ) -> td.Strategy:
        version = self._precondition(principal, strategy_id, if_match)
        stopped = {"live": "stopped", "live_since": None, "trade_account_id": None}
        return self._live(strategy_id, version, stopped | {"trade_quantity": None})

    def _live(self, strategy_id: int, version: int | None, change: dict[str, Any]) -> td.Strategy:
        row = self.store.update(strategy_id, version, change)
        if self.live is not None:
            self.live.refresh()  # this instance at once; the others within seconds
        return present(row)

    def list_signals(
        self, principal: Principal, strategy_id: int, *, cursor: str | None, limit: int
    ) -> td.SignalPage:
        self._visible(principal, strategy_id)
        before = paging.decode_id("signals", cursor)
        rows = self.signals.page(strategy_id, before_id=before, limit=limit + 1)
        return cast(
            td.SignalPage, paging.id_page("signals", [present_signal(r) for r in rows], limit)
        )

    def _precondition(
        self, principal: Principal, strategy_id: int, if_match: str | None
    ) -> int | None:
        principal.require("trader")
        self._visible(principal, strategy_id)
        return required_version(if_match, f"strategy {strategy_id}")


def present(row: dict[str, Any]) -> td.Strategy:
    """A stored row as the contract's `Strategy`."""
    keys = ("id", "owner", "status", "version", "name", "symbols", "type", "parameters")
    out = {k: row[k] for k in (*keys, "period", "live")}
    since = row.get("live_since")
    out["live_since"] = None if since is None else since.isoformat()
    account = row.get("trade_account_id")
    out["auto_trade"] = (
        None if account is None else {"account_id": account, "quantity": row["trade_quantity"]}
    )
    if row.get("description") is not None:
        out["description"] = row["description"]
    out["created_at"] = row["created_at"].isoformat()
    out["updated_at"] = row["updated_at"].isoformat()
    return cast(td.Strategy, out)
