"""Risk alerts: rules on the live quotes, fired once per crossing, stored and pushed.

Rule kinds (on one symbol's quotes, as the feed publishes them on topic `market`):

    price_above        last > threshold          price_below    last < threshold
    change_pct_beyond  |change_pct| >= threshold (percent, either way)
    volume_spike       the day's volume so far >= threshold x the average daily volume of the
                       previous `window` trading days (5 by default)

A rule is armed when its condition is false; the first quote that makes it true fires it (once),
and it re-arms when the condition is false again; `cooldown_seconds` spaces two firings. The
first quote a rule sees only sets its state: a price already above the line when the rule is
created is not a crossing. Firing is a conditional update in the store, so several server
instances evaluating the same quote store one alert, which alone is published (topic `alerts`,
event `risk_alert`, the rule owner's) after the commit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.services import paging
from mystocks.services.auth import Principal
from mystocks.services.events import EventBus
from mystocks.services.follow import follow
from mystocks.storage.alerts import AlertStore
from mystocks.storage.relational import RelationalStore

log = logging.getLogger("mystocks.alerts")

KINDS = ("price_above", "price_below", "change_pct_beyond", "volume_spike")


def condition(
    rule: dict[str, Any], quote: dict[str, Any], average_volume: float | None
) -> float | None:
    """The value that makes the rule's condition true for this quote, or None if it is false
    (or cannot be told: no change without a previous close, no average without history)."""
    kind, threshold = rule["kind"], rule["threshold"]
    if kind == "price_above":
        return quote["last"] if quote["last"] > threshold else None
    if kind == "price_below":
        return quote["last"] if quote["last"] < threshold else None
    if kind == "change_pct_beyond":
        pct = quote.get("change_pct")
        return pct if pct is not None and abs(pct) >= threshold else None
    if average_volume:  # volume_spike
        ratio = quote["volume"] / average_volume
        return round(ratio, 4) if ratio >= threshold else None
    return None


def message(rule: dict[str, Any], value: float) -> str:
    symbol, threshold = rule["symbol"], rule["threshold"]
    return {
        "price_above": f"{symbol} rose above {threshold}: {value}",
        "price_below": f"{symbol} fell below {threshold}: {value}",
        "change_pct_beyond": f"{symbol} moved {value:+.2f}% (bound ±{threshold}%)",
        "volume_spike": f"{symbol} traded {value:.2f}x its {rule['window']}-day average volume",
    }[rule["kind"]]


def present_rule(row: dict[str, Any]) -> td.AlertRule:
    out = {k: row[k] for k in ("id", "kind", "symbol", "threshold", "severity", "cooldown_seconds")}
    out["owner"] = row["owner"]
    if row["window"] is not None:
        out["window"] = row["window"]
    out["armed"] = row["armed"]
    out["last_fired_at"] = (
        None if row["last_fired_at"] is None else row["last_fired_at"].isoformat()
    )
    out["created_at"] = row["created_at"].isoformat()
    return cast(td.AlertRule, out)


def present_alert(row: dict[str, Any]) -> td.Alert:
    keys = ("id", "rule_id", "owner", "kind", "symbol", "severity", "message", "value", "threshold")
    out: dict[str, Any] = {k: row[k] for k in keys}
    out["fired_at"] = row["fired_at"].isoformat()
    acked = row["acknowledged_at"]
    out["acknowledged"] = acked is not None
    out["acknowledged_at"] = None if acked is None else acked.isoformat()
    return cast(td.Alert, out)


class AlertService:
    """The REST side: rules and alerts, owners see theirs, admins all."""

    def __init__(self, store: AlertStore, relational: RelationalStore, engine: AlertEngine) -> None:
        self.store = store
        self.relational = relational
        self.engine = engine

    def list_rules(self, principal: Principal) -> td.AlertRuleList:
        owner = None if principal.role == "admin" else principal.username
        return {"items": [present_rule(r) for r in self.store.rules(owner)]}

    def create_rule(self, principal: Principal, body: dict[str, Any]) -> td.AlertRule:
        symbol = body["symbol"].upper()
        if not self.relational.get_instruments([symbol]):
            detail = f"{symbol} is not listed"
            raise RuleViolation(detail, (FieldProblem("body", "symbol", detail),))
        window = body.get("window", 5) if body["kind"] == "volume_spike" else None
        fields = {
            "kind": body["kind"],
            "symbol": symbol,
            "threshold": float(body["threshold"]),
            "window": window,
            "severity": body.get("severity", "warning"),
            "cooldown_seconds": body.get("cooldown_seconds", 300),
        }
        row = self.store.create_rule(principal.username, fields)
        self.engine.refresh()
        return present_rule(row)

    def _visible_rule(self, principal: Principal, rule_id: int) -> dict[str, Any]:
        row = self.store.rule(rule_id)
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No alert rule {rule_id}.")
        return row

    def delete_rule(self, principal: Principal, rule_id: int) -> None:
        self._visible_rule(principal, rule_id)
        self.store.delete_rule(rule_id)
        self.engine.refresh()

    def list_alerts(
        self,
        principal: Principal,
        *,
        severity: str | None,
        acknowledged: bool | None,
        cursor: str | None,
        limit: int,
    ) -> td.AlertPage:
        before = paging.decode_id("alerts", cursor)
        rows = self.store.alerts(
            owner=None if principal.role == "admin" else principal.username,
            severity=severity,
            acknowledged=acknowledged,
            before_id=before,
            limit=limit + 1,
        )
        return cast(td.AlertPage, paging.id_page("alerts", [present_alert(r) for r in rows], limit))

    def acknowledge(self, principal: Principal, alert_id: int) -> td.Alert:
        row = self.store.alert(alert_id)
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No alert {alert_id}.")
        self.store.acknowledge(alert_id)
        found = self.store.alert(alert_id)
        assert found is not None
        return present_alert(found)


class AlertEngine:
    """Evaluates every rule on the quotes the feed publishes (a task of the server's lifespan)."""

    def __init__(self, store: AlertStore, relational: RelationalStore, bus: EventBus) -> None:
        self.store = store
        self.relational = relational
        self.bus = bus
        self._by_symbol: dict[str, list[dict[str, Any]]] = {}
        self._averages: dict[tuple[str, int, str], float | None] = {}
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Reload the rules (after a change here; now and then for other instances' changes)."""
        by_symbol: dict[str, list[dict[str, Any]]] = {}
        for rule in self.store.rules():
            by_symbol.setdefault(rule["symbol"], []).append(rule)
        with self._lock:
            self._by_symbol = by_symbol

    def _average_volume(self, symbol: str, window: int, day: str) -> float | None:
        """The mean daily volume of the `window` trading days before `day`."""
        key = (symbol, window, day)
        if key not in self._averages:
            # Newest first; a replayed day may be weeks older than the newest stored bar.
            bars = self.relational.recent_daily_bars([symbol], window + 60).get(symbol, [])
            volumes = [float(b[5]) for b in bars if str(b[0]) < day][:window]
            self._averages[key] = sum(volumes) / len(volumes) if volumes else None
        return self._averages[key]

    def on_quotes(self, quotes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Evaluate the rules of these quotes' symbols; answers the alerts stored (and sent)."""
        fired = []
        with self._lock:
            for quote in quotes:
                for rule in self._by_symbol.get(quote["symbol"], []):
                    average = None
                    if rule["kind"] == "volume_spike":
                        average = self._average_volume(
                            quote["symbol"], rule["window"], quote["timestamp"][:10]
                        )
                    value = condition(rule, quote, average)
                    if rule["armed"] is None or (value is None and not rule["armed"]):
                        # First sight (no crossing yet), or the condition went false: re-arm.
                        rule["armed"] = armed = value is None
                        self.store.arm(rule["id"], armed)
                    elif value is not None and rule["armed"]:  # a crossing
                        text = message(rule, value)
                        alert = self.store.fire(rule, {"value": value, "message": text})
                        rule["armed"] = False  # fired here, elsewhere, or swallowed by cooldown
                        if alert is not None:
                            fired.append(alert)
        for alert in fired:
            data = cast(dict[str, Any], present_alert(alert))
            self.bus.publish("alerts", "risk_alert", data, owner=alert["owner"])
        return fired

    async def run(self) -> None:
        """Follow the feed's quotes until cancelled (a task of the server's lifespan)."""
        await follow(self.bus, "market", "quotes", self.on_quotes, self.refresh, what="risk alerts")
