"""Strategy use cases: the type catalog and stored strategies (owners see theirs, admins all).

Parameters are checked by the backtest package's registry, the same code that turns them into
signals, so a strategy that is stored can always be run.
"""

from __future__ import annotations

from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.backtest.strategies import STRATEGY_TYPES, validate_parameters
from mystocks.errors import FieldProblem, NotFound, PreconditionRequired, RuleViolation
from mystocks.services import paging
from mystocks.services.auth import Principal
from mystocks.storage.relational import RelationalStore
from mystocks.storage.strategies import StrategyStore

KINDS = {"int": "integer", "integer": "integer", "float": "number", "number": "number"}


def parse_etag(value: str | None) -> int | None:
    """`"3"` (or W/"3", or 3) -> 3; `*` -> None, meaning any version (RFC 9110 §13.1.1)."""
    assert value is not None
    text = value.strip()
    if text == "*":
        return None
    text = text.removeprefix("W/").strip('"')
    if not text.isdigit():
        raise RuleViolation(
            f"If-Match {value!r} is not an ETag this server issued.",
            (FieldProblem("header", "If-Match", 'must be an ETag such as "3"'),),
        )
    return int(text)


class StrategyService:
    def __init__(self, store: StrategyStore, relational: RelationalStore) -> None:
        self.store = store
        self.relational = relational

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
        more = len(rows) > limit
        items = [present(r) for r in rows[:limit]]
        return {
            "items": items,
            "next_cursor": paging.encode("strategies", str(items[-1]["id"])) if more else None,
        }

    # -- writing ------------------------------------------------------------------------------
    def _checked(self, body: dict[str, Any], type_: str) -> dict[str, Any]:
        try:
            parameters = validate_parameters(type_, body.get("parameters") or {})
        except ValueError as exc:
            raise RuleViolation(str(exc), (FieldProblem("body", "parameters", str(exc)),)) from None
        fields: dict[str, Any] = {
            k: body[k] for k in ("name", "description", "status") if k in body
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

    def create_strategy(self, principal: Principal, body: dict[str, Any]) -> td.Strategy:
        principal.require("trader")
        fields = self._checked(body, body["type"])
        fields.setdefault("status", "draft")
        return present(self.store.create(principal.username, fields))

    def replace_strategy(
        self, principal: Principal, strategy_id: int, if_match: str | None, body: dict[str, Any]
    ) -> td.Strategy:
        version = self._precondition(principal, strategy_id, if_match)
        fields = self._checked(body, body["type"])
        fields.setdefault("description", None)
        fields.setdefault("status", "draft")
        return present(self.store.update(strategy_id, version, fields))

    def update_strategy(
        self, principal: Principal, strategy_id: int, if_match: str | None, patch: dict[str, Any]
    ) -> td.Strategy:
        version = self._precondition(principal, strategy_id, if_match)
        current = self._visible(principal, strategy_id)
        merged = {**current["parameters"], **(patch.get("parameters") or {})}
        fields = self._checked({**patch, "parameters": merged}, current["type"])
        return present(self.store.update(strategy_id, version, fields))

    def delete_strategy(self, principal: Principal, strategy_id: int, if_match: str | None) -> None:
        version = self._precondition(principal, strategy_id, if_match)
        self.store.delete(strategy_id, version)

    def _precondition(
        self, principal: Principal, strategy_id: int, if_match: str | None
    ) -> int | None:
        principal.require("trader")
        self._visible(principal, strategy_id)
        if if_match is None:
            raise PreconditionRequired(
                f"Send If-Match with strategy {strategy_id}'s ETag to change it."
            )
        return parse_etag(if_match)


def present(row: dict[str, Any]) -> td.Strategy:
    """A stored row as the contract's `Strategy`."""
    out = {
        k: row[k]
        for k in ("id", "owner", "status", "version", "name", "symbols", "type", "parameters")
    }
    if row.get("description") is not None:
        out["description"] = row["description"]
    out["created_at"] = row["created_at"].isoformat()
    out["updated_at"] = row["updated_at"].isoformat()
    return cast(td.Strategy, out)
