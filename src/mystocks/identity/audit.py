"""The audit log: who did what to which resource, from where, and how it ended.

Use cases call `AuditLog.record` for what an operator must be able to reconstruct later:
every paper order placed, refused or cancelled, sign-ins and failed sign-ins, administrators'
market data ingests and imports, and (after the API keys work) key creation and revocation.
An order's line is written in the order's own transaction (`conn`), so no order exists
without it; other lines are written after the fact in a transaction of their own.

The caller's address and the request id come from the request being served
(`services.request_context`); a use case run outside a request records None for both.
Reading the log (`list_audit`) is for administrators only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, cast

from mystocks_contract import typeddicts as td

from mystocks.domain import paging
from mystocks.domain.ranges import parse_datetime
from mystocks.errors import FieldProblem, InvalidRequest, PermissionDenied
from mystocks.identity.audit_store import AuditStore
from mystocks.identity.request_context import current_client_ip, current_request_id

ActorKind = Literal["user", "api_key", "system"]
Outcome = Literal["ok", "refused", "failed"]


class Caller(Protocol):
    """A principal as authentication gives it: a user, or (with API keys) a key of a user."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind = "user"
    key_id: str | None = None

    @classmethod
    def of(cls, caller: Caller | Actor) -> Actor:
        """The actor of a principal. A principal that came from an API key carries `key_id`
        (and `kind`); one from a bearer token has neither."""
        if isinstance(caller, Actor):
            return caller
        key_id = getattr(caller, "key_id", None)
        return cls(caller.username, "api_key" if key_id else "user", key_id and str(key_id))


class AuditLog:
    def __init__(self, store: AuditStore) -> None:
        self.store = store

    def record(
        self,
        actor: Caller | Actor,
        action: str,
        *,
        target: tuple[str, str | int] | None = None,
        outcome: Outcome = "ok",
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Append one line. `action` is `<resource>.<verb>` (`order.create`, `market.ingest`,
        `api_key.revoke`). Inside a unit of work it is written in the unit's transaction, and
        stands or falls with the change it records."""
        who = Actor.of(actor)
        request_id = current_request_id()
        values = {
            "at": dt.datetime.now(dt.UTC),
            "actor": who.name[:64],
            "actor_kind": who.kind,
            "key_id": None if who.key_id is None else who.key_id[:64],
            "action": action,
            "target_type": None if target is None else target[0],
            "target_id": None if target is None else str(target[1])[:64],
            "outcome": outcome,
            "client_ip": current_client_ip(),
            "request_id": None if request_id is None else request_id[:128],
            "details": dict(details or {}),
        }
        self.store.append(values)

    def list_audit(
        self,
        caller: Caller,
        *,
        actor: str | None,
        action: str | None,
        since: str | None,
        until: str | None,
        cursor: str | None,
        limit: int,
    ) -> td.AuditPage:
        if caller.role != "admin":
            raise PermissionDenied(
                f"Only administrators may read the audit log; your role is {caller.role}."
            )
        # In UTC, as the lines are stored (SQLite compares the text, dropping any offset).
        lo, hi = (
            None if value is None else value.astimezone(dt.UTC)
            for value in (parse_datetime("since", since), parse_datetime("until", until))
        )
        if lo is not None and hi is not None and hi < lo:
            raise InvalidRequest(
                f"until ({until}) is before since ({since})",
                (FieldProblem("query", "until", f"is before since ({since})"),),
            )
        before = paging.decode_id("audit", cursor)
        rows = self.store.page(
            actor=actor, action=action, since=lo, until=hi, before_id=before, limit=limit + 1
        )
        return cast(td.AuditPage, paging.id_page("audit", [present(r) for r in rows], limit))


def present(row: dict[str, Any]) -> td.AuditEntry:
    return {
        "id": row["id"],
        "at": row["at"].isoformat(),
        "actor": row["actor"],
        "actor_kind": row["actor_kind"],
        "key_id": row["key_id"],
        "action": row["action"],
        "target_type": row["target_type"],
        "target_id": row["target_id"],
        "outcome": row["outcome"],
        "client_ip": row["client_ip"],
        "request_id": row["request_id"],
        "details": row["details"] or {},
    }
