"""Stored alert rules and alerts.

A rule fires once per crossing: `fire` is one conditional UPDATE (only while the rule is armed
and out of its cooldown) and the alert's INSERT, in one transaction, so when several server
instances evaluate the same quote exactly one of them stores (and publishes) the alert; inside
the engine's unit of work (`adapters.uow`), the alert's event goes out once that committed. An
`account_drawdown` rule's peak equity is raised the same way (`raise_peak`: only upwards), so
instances share it and it survives restarts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, newest_first

_RULES = Base.metadata.tables["alert_rules"]
_ALERTS = Base.metadata.tables["alerts"]


class AlertStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- rules ----------------------------------------------------------------------------------
    def create_rule(self, owner: str, fields: dict[str, Any]) -> dict[str, Any]:
        values = {**fields, "owner": owner, "armed": None, "created_at": dt.datetime.now(dt.UTC)}
        with begin(self.engine) as conn:
            key = conn.execute(_RULES.insert().values(**values)).inserted_primary_key
            assert key is not None
            row = conn.execute(select(_RULES).where(_RULES.c.id == key[0])).one()
        return as_utc(row._mapping, "created_at", "last_fired_at")

    def rules(self, owner: str | None = None) -> list[dict[str, Any]]:
        stmt = select(_RULES).order_by(_RULES.c.id)
        if owner is not None:
            stmt = stmt.where(_RULES.c.owner == owner)
        with connect(self.engine) as conn:
            return [as_utc(r._mapping, "created_at", "last_fired_at") for r in conn.execute(stmt)]

    def rule(self, rule_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(_RULES).where(_RULES.c.id == rule_id)).first()
        return None if row is None else as_utc(row._mapping, "created_at", "last_fired_at")

    def delete_rule(self, rule_id: int) -> None:
        with begin(self.engine) as conn:
            conn.execute(delete(_RULES).where(_RULES.c.id == rule_id))

    def arm(self, rule_id: int, armed: bool) -> None:
        """Record the rule's state without firing (its first quote, or a re-arm)."""
        with begin(self.engine) as conn:
            conn.execute(update(_RULES).where(_RULES.c.id == rule_id).values(armed=armed))

    def fire(self, rule: dict[str, Any], alert: dict[str, Any]) -> dict[str, Any] | None:
        """Disarm the rule and store its alert, if it is still armed and out of its cooldown."""
        now = dt.datetime.now(dt.UTC)
        c = _RULES.c
        quiet_since = now - dt.timedelta(seconds=rule["cooldown_seconds"])
        stmt = (
            update(_RULES)
            .where(c.id == rule["id"], c.armed.is_(True))
            .where(or_(c.last_fired_at.is_(None), c.last_fired_at <= quiet_since))
            .values(armed=False, last_fired_at=now)
        )
        values = {
            "symbol": rule["symbol"],  # an account rule's alert may name the position instead
            **alert,
            "rule_id": rule["id"],
            "owner": rule["owner"],
            "kind": rule["kind"],
            "account_id": rule["account_id"],
            "strategy_id": rule["strategy_id"],
            "severity": rule["severity"],
            "threshold": rule["threshold"],
            "fired_at": now,
            "acknowledged_at": None,
        }
        with begin(self.engine) as conn:
            if conn.execute(stmt).rowcount != 1:
                return None  # another instance fired it, or it is cooling down
            key = conn.execute(_ALERTS.insert().values(**values)).inserted_primary_key
        assert key is not None
        return {**values, "id": key[0]}

    def raise_peak(self, rule_id: int, equity: int) -> int:
        """Raise the rule's stored peak to `equity` (cents) if that is higher; the peak after."""
        c = _RULES.c
        stmt = (
            update(_RULES)
            .where(c.id == rule_id, or_(c.peak.is_(None), c.peak < equity))
            .values(peak=equity)
        )
        with begin(self.engine) as conn:
            conn.execute(stmt)
            peak = conn.execute(select(c.peak).where(c.id == rule_id)).scalar_one_or_none()
        return equity if peak is None else int(peak)  # None: the rule was deleted meanwhile

    # -- alerts ---------------------------------------------------------------------------------
    def alerts(
        self,
        *,
        owner: str | None,
        severity: str | None,
        acknowledged: bool | None,
        before_id: int | None,
        limit: int,
    ) -> list[dict[str, Any]]:
        c = _ALERTS.c
        stmt = newest_first(
            _ALERTS, [_ALERTS], owner=owner, status=None, before_id=before_id, limit=limit
        )
        if severity is not None:
            stmt = stmt.where(c.severity == severity)
        if acknowledged is not None:
            done = c.acknowledged_at.is_not(None)
            stmt = stmt.where(done if acknowledged else ~done)
        with connect(self.engine) as conn:
            return [as_utc(r._mapping, "fired_at", "acknowledged_at") for r in conn.execute(stmt)]

    def alert(self, alert_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(_ALERTS).where(_ALERTS.c.id == alert_id)).first()
        return None if row is None else as_utc(row._mapping, "fired_at", "acknowledged_at")

    def acknowledge(self, alert_id: int) -> None:
        c = _ALERTS.c
        stmt = (
            update(_ALERTS)
            .where(c.id == alert_id, c.acknowledged_at.is_(None))
            .values(acknowledged_at=dt.datetime.now(dt.UTC))
        )
        with begin(self.engine) as conn:
            conn.execute(stmt)

    def count_open(self, owner: str | None, since: dt.datetime | None = None) -> int:
        """Unacknowledged alerts fired since `since` (any time when None; everyone's when
        `owner` is None)."""
        c = _ALERTS.c
        stmt = select(func.count()).where(c.acknowledged_at.is_(None))
        if since is not None:
            stmt = stmt.where(c.fired_at >= since)
        if owner is not None:
            stmt = stmt.where(c.owner == owner)
        with connect(self.engine) as conn:
            return int(conn.execute(stmt).scalar_one())
