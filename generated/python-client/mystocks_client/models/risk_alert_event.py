from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_alert_event_type import RiskAlertEventType

if TYPE_CHECKING:
    from ..models.alert import Alert


T = TypeVar("T", bound="RiskAlertEvent")


@_attrs_define
class RiskAlertEvent:
    """An event of `GET /api/v1/sse/alerts` (and of the WebSocket `alerts` channel).

    Example:
        {'id': '12', 'type': 'risk_alert', 'occurred_at': '2026-11-24T02:15:03.100000+00:00', 'data': {'id': 3,
            'rule_id': 1, 'owner': 'admin', 'kind': 'price_above', 'symbol': '600036.SH', 'account_id': None, 'strategy_id':
            None, 'severity': 'warning', 'message': '600036.SH rose above 26.0: 26.01', 'value': 26.01, 'threshold': 26.0,
            'fired_at': '2026-11-24T02:15:03+00:00', 'acknowledged': False, 'acknowledged_at': None}}

    Attributes:
        id (str):
        type_ (RiskAlertEventType):
        occurred_at (datetime.datetime):
        data (Alert): A risk alert a rule fired. Example: {'id': 3, 'rule_id': 1, 'owner': 'admin', 'kind':
            'price_above', 'symbol': '600036.SH', 'account_id': None, 'strategy_id': None, 'severity': 'warning', 'message':
            '600036.SH rose above 26.0: 26.01', 'value': 26.01, 'threshold': 26.0, 'fired_at': '2026-11-24T02:15:03+00:00',
            'acknowledged': False, 'acknowledged_at': None}.
    """

    id: str
    type_: RiskAlertEventType
    occurred_at: datetime.datetime
    data: Alert
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert import Alert  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = RiskAlertEventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = Alert.from_dict(d.pop("data"))

        risk_alert_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        risk_alert_event.additional_properties = d
        return risk_alert_event

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
