from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_rule_kind import AlertRuleKind
from ..models.alert_severity import AlertSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertRule")


@_attrs_define
class AlertRule:
    """A risk alert rule. A symbol rule has a `symbol`, an account rule an `account_id`, a strategy rule a `strategy_id`;
    the others are null.

        Example:
            {'id': 1, 'owner': 'admin', 'kind': 'price_above', 'symbol': '600036.SH', 'account_id': None, 'strategy_id':
                None, 'threshold': 26.0, 'severity': 'warning', 'cooldown_seconds': 300, 'armed': True, 'last_fired_at': None,
                'created_at': '2026-11-24T08:00:00+00:00'}

        Attributes:
            id (int):
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
            symbol (None | str):
            account_id (int | None):
            strategy_id (int | None):
            threshold (float):
            severity (AlertSeverity):  Example: warning.
            cooldown_seconds (int):
            armed (bool | None): True while a crossing would fire it; null until it has been evaluated once.
            last_fired_at (datetime.datetime | None):
            created_at (datetime.datetime):
            peak_equity (float | None | Unset): `account_drawdown` only: the peak its drawdown is measured from; null until
                it has been evaluated.
            window (int | Unset):
    """

    id: int
    owner: str
    kind: AlertRuleKind
    symbol: None | str
    account_id: int | None
    strategy_id: int | None
    threshold: float
    severity: AlertSeverity
    cooldown_seconds: int
    armed: bool | None
    last_fired_at: datetime.datetime | None
    created_at: datetime.datetime
    peak_equity: float | None | Unset = UNSET
    window: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner = self.owner

        kind = self.kind.value

        symbol: None | str
        symbol = self.symbol

        account_id: int | None
        account_id = self.account_id

        strategy_id: int | None
        strategy_id = self.strategy_id

        threshold = self.threshold

        severity = self.severity.value

        cooldown_seconds = self.cooldown_seconds

        armed: bool | None
        armed = self.armed

        last_fired_at: None | str
        if isinstance(self.last_fired_at, datetime.datetime):
            last_fired_at = self.last_fired_at.isoformat()
        else:
            last_fired_at = self.last_fired_at

        created_at = self.created_at.isoformat()

        peak_equity: float | None | Unset
        if isinstance(self.peak_equity, Unset):
            peak_equity = UNSET
        else:
            peak_equity = self.peak_equity

        window = self.window

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "kind": kind,
                "symbol": symbol,
                "account_id": account_id,
                "strategy_id": strategy_id,
                "threshold": threshold,
                "severity": severity,
                "cooldown_seconds": cooldown_seconds,
                "armed": armed,
                "last_fired_at": last_fired_at,
                "created_at": created_at,
            }
        )
        if peak_equity is not UNSET:
            field_dict["peak_equity"] = peak_equity
        if window is not UNSET:
            field_dict["window"] = window

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

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

        threshold = d.pop("threshold")

        severity = AlertSeverity(d.pop("severity"))

        cooldown_seconds = d.pop("cooldown_seconds")

        def _parse_armed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        armed = _parse_armed(d.pop("armed"))

        def _parse_last_fired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fired_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_fired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fired_at = _parse_last_fired_at(d.pop("last_fired_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_peak_equity(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        peak_equity = _parse_peak_equity(d.pop("peak_equity", UNSET))

        window = d.pop("window", UNSET)

        alert_rule = cls(
            id=id,
            owner=owner,
            kind=kind,
            symbol=symbol,
            account_id=account_id,
            strategy_id=strategy_id,
            threshold=threshold,
            severity=severity,
            cooldown_seconds=cooldown_seconds,
            armed=armed,
            last_fired_at=last_fired_at,
            created_at=created_at,
            peak_equity=peak_equity,
            window=window,
        )

        alert_rule.additional_properties = d
        return alert_rule

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
