from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_alert_type import WsAlertType

if TYPE_CHECKING:
    from ..models.alert import Alert


T = TypeVar("T", bound="WsAlert")


@_attrs_define
class WsAlert:
    """One of the caller's own risk alerts as it fired: the `alerts` channel's `risk_alert` event
    (the same alert `GET /api/v1/sse/alerts` sends as a `RiskAlertEvent`).

        Example:
            {'id': '4', 'type': 'risk_alert', 'channel': 'alerts', 'occurred_at': '2026-11-24T02:15:03Z', 'data': {'id': 3,
                'rule_id': 1, 'owner': 'admin', 'kind': 'price_above', 'symbol': '600036.SH', 'severity': 'warning', 'message':
                '600036.SH rose above 26.0: 26.01', 'value': 26.01, 'threshold': 26.0, 'fired_at': '2026-11-24T02:15:03+00:00',
                'acknowledged': False, 'acknowledged_at': None}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsAlertType):
            channel (None | str): `alerts`.
            occurred_at (datetime.datetime):
            data (Alert): A risk alert a rule fired. Example: {'id': 3, 'rule_id': 1, 'owner': 'admin', 'kind':
                'price_above', 'symbol': '600036.SH', 'account_id': None, 'strategy_id': None, 'severity': 'warning', 'message':
                '600036.SH rose above 26.0: 26.01', 'value': 26.01, 'threshold': 26.0, 'fired_at': '2026-11-24T02:15:03+00:00',
                'acknowledged': False, 'acknowledged_at': None}.
    """

    id: str
    type_: WsAlertType
    channel: None | str
    occurred_at: datetime.datetime
    data: Alert
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        channel: None | str
        channel = self.channel

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "channel": channel,
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

        type_ = WsAlertType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = Alert.from_dict(d.pop("data"))

        ws_alert = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_alert.additional_properties = d
        return ws_alert

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
