"""Risk alerts: rules on the live quotes and on paper accounts, fired once per crossing,
stored and pushed.

Symbol rule kinds (on one symbol's quotes, as the feed publishes them on topic `market`):

    price_above        last > threshold          price_below    last < threshold
    change_pct_beyond  |change_pct| >= threshold (percent, either way)
    volume_spike       the day's volume so far >= threshold x the average daily volume of the
                       previous `window` trading days (5 by default)

Account rule kinds (`account_drawdown`, `position_share`: `services.account_alerts`) are
evaluated when their account trades (topic `orders`, event `trade`) and when the feed's quotes
move a symbol the account held at its last evaluation, at most once per `ACCOUNT_EVERY` seconds
per account there, since marking an account to market is a few queries. The strategy rule kind
(`strategy_loss`) is evaluated the same way: when one of the strategy's orders trades, and when a
symbol it holds moves.

A rule is armed when its condition is false; the first evaluation that makes it true fires it
(once), and it re-arms when the condition is false again; `cooldown_seconds` spaces two firings.
The first evaluation only sets its state: a price already above the line when the rule is
created is not a crossing. Firing is a conditional update in the store, so several server
instances evaluating the same quote or trade store one alert, which alone is published (topic
`alerts`, event `risk_alert`, the rule owner's) after the commit.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.adapters.bus import EventBus
from mystocks.adapters.follow import follow
from mystocks.adapters.sql.relational import RelationalStore
from mystocks.adapters.uow import SqlUnitOfWork, UnitOfWork
from mystocks.alerts.account import (
    ACCOUNT_KINDS,
    STRATEGY_KINDS,
    AccountView,
    Hit,
    StrategyView,
)
from mystocks.alerts.store import AlertStore
from mystocks.domain import paging
from mystocks.domain.rules import yuan
from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.strategies.store import StrategyStore
from mystocks.trading.service import PaperService

log = logging.getLogger("mystocks.alerts")

SYMBOL_KINDS = ("price_above", "price_below", "change_pct_beyond", "volume_spike")
Subject = tuple[str, int]  # ("account", id) or ("strategy", id): what a non-symbol rule watches
ACCOUNT_EVERY = 1.0  # seconds between two evaluations of an account on price moves


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
    keys = (
        "id",
        "kind",
        "symbol",
        "account_id",
        "strategy_id",
        "threshold",
        "severity",
        "cooldown_seconds",
    )
    out = {k: row[k] for k in keys}
    out["owner"] = row["owner"]
    if row["kind"] == "account_drawdown":
        out["peak_equity"] = None if row["peak"] is None else yuan(row["peak"])
    if row["window"] is not None:
        out["window"] = row["window"]
    out["armed"] = row["armed"]
    out["last_fired_at"] = (
        None if row["last_fired_at"] is None else row["last_fired_at"].isoformat()
    )
    out["created_at"] = row["created_at"].isoformat()
    return cast(td.AlertRule, out)


def present_alert(row: dict[str, Any]) -> td.Alert:
    keys = (
        "id",
        "rule_id",
        "owner",
        "kind",
        "symbol",
        "account_id",
        "strategy_id",
        "severity",
        "message",
    )
    out: dict[str, Any] = {k: row[k] for k in (*keys, "value", "threshold")}
    out["fired_at"] = row["fired_at"].isoformat()
    acked = row["acknowledged_at"]
    out["acknowledged"] = acked is not None
    out["acknowledged_at"] = None if acked is None else acked.isoformat()
    return cast(td.Alert, out)


class AlertService:
    """The REST side: rules and alerts, owners see theirs, admins all."""

    def __init__(
        self,
        store: AlertStore,
        relational: RelationalStore,
        engine: AlertEngine,
        paper: PaperService,
        strategies: StrategyStore,
    ) -> None:
        self.strategies = strategies
        self.store = store
        self.relational = relational
        self.engine = engine
        self.paper = paper

    def list_rules(self, principal: Principal) -> td.AlertRuleList:
        owner = None if principal.role == "admin" else principal.username
        return {"items": [present_rule(r) for r in self.store.rules(owner)]}

    def create_rule(self, principal: Principal, body: td.AlertRuleCreate) -> td.AlertRule:
        """The contract's `oneOf` already holds each kind to its fields (a symbol or an
        account_id, a strategy_id); what is checked here needs the data: a listed symbol, a
        visible account or strategy."""
        symbol, account_id, strategy_id = None, None, None
        # One of three shapes (the contract's oneOf): each branch reads the fields its kind has.
        fields: Mapping[str, Any] = body
        if body["kind"] in ACCOUNT_KINDS:
            account_id = self.paper.visible_account(principal, fields["account_id"])["id"]
        elif body["kind"] in STRATEGY_KINDS:
            strategy = self.strategies.get(fields["strategy_id"])
            if strategy is None or (
                principal.role != "admin" and strategy["owner"] != principal.username
            ):
                raise NotFound(f"No strategy {fields['strategy_id']}.")
            strategy_id = strategy["id"]
        else:
            symbol = fields["symbol"].upper()
            if not self.relational.get_instruments([symbol]):
                detail = f"{symbol} is not listed"
                raise RuleViolation(detail, (FieldProblem("body", "symbol", detail),))
        window = body.get("window", 5) if body["kind"] == "volume_spike" else None
        fields = {
            "kind": body["kind"],
            "symbol": symbol,
            "account_id": account_id,
            "strategy_id": strategy_id,
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
    """Evaluates every rule: symbol rules on the quotes the feed publishes, account rules on
    their account's trades and price moves (tasks of the server's lifespan)."""

    def __init__(
        self,
        store: AlertStore,
        relational: RelationalStore,
        bus: EventBus,
        paper: PaperService | None = None,
        clock: Callable[[], float] = time.monotonic,
        uow: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        self.store = store
        # A rule fires in a unit of work: its alert is stored, committed, then sent.
        self.uow: Callable[[], UnitOfWork] = uow or (lambda: SqlUnitOfWork(store.engine, bus))
        self.relational = relational
        self.bus = bus
        # Set once quotes (trades) published from then on reach the engine.
        self.following_quotes = threading.Event()
        self.following_trades = threading.Event()
        self.paper = paper
        self._clock = clock
        self._by_symbol: dict[str, list[dict[str, Any]]] = {}
        # Account and strategy rules by their subject: ("account", id) or ("strategy", id).
        self._by_subject: dict[Subject, list[dict[str, Any]]] = {}
        self._held: dict[Subject, frozenset[str]] = {}  # symbols at its last evaluation
        self._marked_at: dict[Subject, float] = {}
        self._averages: dict[tuple[str, int, str], float | None] = {}
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Reload the rules (after a change here; now and then for other instances' changes)."""
        by_symbol: dict[str, list[dict[str, Any]]] = {}
        by_subject: dict[Subject, list[dict[str, Any]]] = {}
        for rule in self.store.rules():
            if rule["account_id"] is not None:
                by_subject.setdefault(("account", rule["account_id"]), []).append(rule)
            elif rule["strategy_id"] is not None:
                by_subject.setdefault(("strategy", rule["strategy_id"]), []).append(rule)
            else:
                by_symbol.setdefault(rule["symbol"], []).append(rule)
        with self._lock:
            self._by_symbol, self._by_subject = by_symbol, by_subject

    def _average_volume(self, symbol: str, window: int, day: str) -> float | None:
        """The mean daily volume of the `window` trading days before `day`."""
        key = (symbol, window, day)
        if key not in self._averages:
            # Newest first; a replayed day may be weeks older than the newest stored bar.
            bars = self.relational.recent_daily_bars([symbol], window + 60).get(symbol, [])
            volumes = [float(b[5]) for b in bars if str(b[0]) < day][:window]
            self._averages[key] = sum(volumes) / len(volumes) if volumes else None
        return self._averages[key]

    def _step(self, rule: dict[str, Any], hit: Hit | None) -> dict[str, Any] | None:
        """One evaluation of a rule whose condition gave `hit` (None: false): set its first
        state, re-arm it, or fire it on a crossing. The alert stored, if this one fired."""
        if rule["armed"] is None or (hit is None and not rule["armed"]):
            # First sight (no crossing yet), or the condition went false: re-arm.
            rule["armed"] = armed = hit is None
            self.store.arm(rule["id"], armed)
        elif hit is not None and rule["armed"]:  # a crossing
            rule["armed"] = False  # fired here, elsewhere, or swallowed by cooldown
            with self.uow() as uow:
                alert = self.store.fire(rule, hit)
                if alert is not None:
                    data = cast(dict[str, Any], present_alert(alert))
                    uow.publish("alerts", "risk_alert", data, owner=alert["owner"])
                    uow.commit()  # the alert, then its event (topic `alerts`, the owner's)
            return alert
        return None

    def _symbol_hit(self, rule: dict[str, Any], quote: dict[str, Any]) -> Hit | None:
        average = None
        if rule["kind"] == "volume_spike":
            average = self._average_volume(quote["symbol"], rule["window"], quote["timestamp"][:10])
        value = condition(rule, quote, average)
        return None if value is None else {"value": value, "message": message(rule, value)}

    def _evaluate(self, subject: Subject) -> list[dict[str, Any]]:
        """Mark the account (or the strategy's holdings) to market once and step each of its
        rules (under the lock)."""
        rules = self._by_subject.get(subject)
        if not rules or self.paper is None:
            return []
        view: AccountView | StrategyView
        if subject[0] == "strategy":
            view = StrategyView(subject[1], self.paper)
        else:
            account = self.paper.store.get_account(subject[1])
            if account is None:
                return []
            view = AccountView(self.paper.valuation(account), self.paper, self.store)
        self._held[subject] = view.held
        self._marked_at[subject] = self._clock()
        kinds: dict[str, Any] = ACCOUNT_KINDS | STRATEGY_KINDS
        stored = (self._step(rule, kinds[rule["kind"]](rule, view)) for rule in rules)
        return [alert for alert in stored if alert is not None]

    def on_quotes(self, quotes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Evaluate the rules of these quotes' symbols, and the account rules of accounts that
        hold them (at most once per ACCOUNT_EVERY each); answers the alerts stored (and sent)."""
        fired = []
        with self._lock:
            for quote in quotes:
                for rule in self._by_symbol.get(quote["symbol"], []):
                    alert = self._step(rule, self._symbol_hit(rule, quote))
                    if alert is not None:
                        fired.append(alert)
            moved = {quote["symbol"] for quote in quotes}
            for subject in list(self._by_subject):
                held = self._held.get(subject)  # None: not evaluated yet, so look
                if held is not None and not held & moved:
                    continue
                last = self._marked_at.get(subject)
                if last is None or self._clock() - last >= ACCOUNT_EVERY:
                    fired += self._evaluate(subject)
        return fired

    def on_trades(self, trades: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Evaluate the account rules of the accounts these paper trades changed (each trade
        committed before its event was published); answers the alerts stored (and sent)."""
        fired = []
        with self._lock:
            subjects: list[Subject] = [("account", t["account_id"]) for t in trades]
            if self.paper is not None and any(s[0] == "strategy" for s in self._by_subject):
                orders = (self.paper.store.get_order(t["order_id"]) for t in trades)
                subjects += [
                    ("strategy", o["strategy_id"]) for o in orders if o and o["strategy_id"]
                ]
            for subject in dict.fromkeys(subjects):
                fired += self._evaluate(subject)
        return fired

    async def run(self) -> None:
        """Follow the feed's quotes and the paper trades until cancelled (a task of the
        server's lifespan)."""
        await asyncio.gather(
            follow(
                self.bus,
                "market",
                "quotes",
                self.on_quotes,
                self.refresh,
                what="risk alerts",
                ready=self.following_quotes,
            ),
            follow(
                self.bus,
                "orders",
                "trade",
                self.on_trades,
                lambda: None,  # the quotes' follower reloads the rules
                what="account alerts",
                items=lambda trade: [trade],
                ready=self.following_trades,
            ),
        )
