from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_rule_kind import AlertRuleKind
from ..models.alert_severity import AlertSeverity

T = TypeVar("T", bound="Alert")


@_attrs_define
class Alert:
    """A risk alert a rule fired.

    Example:
        {'id': 3, 'rule_id': 1, 'owner': 'admin', 'kind': 'price_above', 'symbol': '600036.SH', 'account_id': None,
            'strategy_id': None, 'severity': 'warning', 'message': '600036.SH rose above 26.0: 26.01', 'value': 26.01,
            'threshold': 26.0, 'fired_at': '2026-11-24T02:15:03+00:00', 'acknowledged': False, 'acknowledged_at': None}

    Attributes:
        id (int):
        rule_id (int):
        owner (str):
        kind (AlertRuleKind): On one symbol's live quotes: `price_above` / `price_below`: the last price crosses above /
            below `threshold`; `change_pct_beyond`: the day's change reaches ±`threshold` percent;
            `volume_spike`: the day's volume so far reaches `threshold` times the average daily volume of
            the previous `window` trading days.

            On one paper account (marked to market at each symbol's latest trade, as
            `GET /api/v1/accounts/{account_id}` shows it): `account_drawdown`: the equity is more than
            `threshold` percent below its peak, the highest of the initial cash and every equity the rule
            has seen (`peak_equity`); `position_share`: one position's market value is above `threshold`
            percent of the equity (the alert names the largest such position's symbol).

            On one strategy trading with `auto_trade`: `strategy_loss`: the P&L of the paper orders its
            signals placed (cash taken and given by their trades, fees included, plus the shares still
            held at the latest trade) is a loss of more than `threshold` yuan.
             Example: price_above.
        symbol (None | str): The rule's symbol; of a `position_share` alert, the position's; else null.
        account_id (int | None): The account of an account rule's alert.
        strategy_id (int | None): The strategy of a strategy rule's alert.
        severity (AlertSeverity):  Example: warning.
        message (str):
        value (float): What crossed the threshold (a price, a percent, a volume multiple; a drawdown or a position's
            share in percent).
        threshold (float):
        fired_at (datetime.datetime):
        acknowledged (bool):
        acknowledged_at (datetime.datetime | None):
    """

    id: int
    rule_id: int
    owner: str
    kind: AlertRuleKind
    symbol: None | str
    account_id: int | None
    strategy_id: int | None
    severity: AlertSeverity
    message: str
    value: float
    threshold: float
    fired_at: datetime.datetime
    acknowledged: bool
    acknowledged_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        rule_id = self.rule_id

        owner = self.owner

        kind = self.kind.value

        symbol: None | str
        symbol = self.symbol

        account_id: int | None
        account_id = self.account_id

        strategy_id: int | None
        strategy_id = self.strategy_id

        severity = self.severity.value

        message = self.message

        value = self.value

        threshold = self.threshold

        fired_at = self.fired_at.isoformat()

        acknowledged = self.acknowledged

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rule_id": rule_id,
                "owner": owner,
                "kind": kind,
                "symbol": symbol,
                "account_id": account_id,
                "strategy_id": strategy_id,
                "severity": severity,
                "message": message,
                "value": value,
                "threshold": threshold,
                "fired_at": fired_at,
                "acknowledged": acknowledged,
                "acknowledged_at": acknowledged_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        rule_id = d.pop("rule_id")

        owner = d.pop("owner")

        kind = AlertRuleKind(d.pop("kind"))

        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))

        def _parse_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_strategy_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))

        severity = AlertSeverity(d.pop("severity"))

        message = d.pop("message")

        value = d.pop("value")

        threshold = d.pop("threshold")

        fired_at = datetime.datetime.fromisoformat(d.pop("fired_at"))

        acknowledged = d.pop("acknowledged")

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        alert = cls(
            id=id,
            rule_id=rule_id,
            owner=owner,
            kind=kind,
            symbol=symbol,
            account_id=account_id,
            strategy_id=strategy_id,
            severity=severity,
            message=message,
            value=value,
            threshold=threshold,
            fired_at=fired_at,
            acknowledged=acknowledged,
            acknowledged_at=acknowledged_at,
        )

        alert.additional_properties = d
        return alert

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
