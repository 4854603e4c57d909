from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_signal_type import WsSignalType

if TYPE_CHECKING:
    from ..models.ws_signal_data import WsSignalData


T = TypeVar("T", bound="WsSignal")


@_attrs_define
class WsSignal:
    """A trading signal of a strategy the caller owns (or any, for an admin).

    Example:
        {'id': '12', 'type': 'signal', 'channel': 'signals:7', 'occurred_at': '2026-11-24T01:31:00.120Z', 'data':
            {'strategy_id': 7, 'symbol': '600036.SH', 'side': 'buy', 'price': 24.18, 'reason': 'SMA5 crossed above SMA20',
            'bar_time': '2026-11-24T09:31:00+08:00'}}

    Attributes:
        id (str): The id of the newest bus event it includes (increasing within a topic).
        type_ (WsSignalType):
        channel (None | str): The `signals:{strategy_id}` channel it belongs to.
        occurred_at (datetime.datetime):
        data (WsSignalData): A strategy's signal on a completed bar; later work may add fields. Example: {'strategy_id':
            7, 'symbol': '600036.SH', 'side': 'buy', 'price': 24.18, 'reason': 'SMA5 crossed above SMA20', 'bar_time':
            '2026-11-24T09:31:00+08:00'}.
    """

    id: str
    type_: WsSignalType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsSignalData
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
        from ..models.ws_signal_data import WsSignalData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsSignalType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsSignalData.from_dict(d.pop("data"))

        ws_signal = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_signal.additional_properties = d
        return ws_signal

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
