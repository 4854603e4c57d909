from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_order_update_type import WsOrderUpdateType

if TYPE_CHECKING:
    from ..models.order import Order


T = TypeVar("T", bound="WsOrderUpdate")


@_attrs_define
class WsOrderUpdate:
    """One of the caller's own orders as it is after a change (filled in part or in full, cancelled,
    expired): the `orders` channel's `order_update` event, sent after the change committed. A
    fill sends its `trade` first.

        Example:
            {'id': '3', 'type': 'order_update', 'channel': 'orders', 'occurred_at': '2026-11-24T01:31:00Z', 'data': {'id':
                5, 'account_id': 1, 'owner': 'alice', 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit', 'quantity': 1000,
                'limit_price': 10.5, 'filled_quantity': 1000, 'avg_fill_price': 10.5, 'fees': 5, 'frozen_cash': 0, 'status':
                'filled', 'trading_day': '2026-11-24', 'strategy_id': None, 'created_at': '2026-11-24T01:30:00Z', 'updated_at':
                '2026-11-24T01:31:00Z', 'history': [{'status': 'new', 'filled_quantity': 0, 'at': '2026-11-24T01:30:00Z'},
                {'status': 'filled', 'filled_quantity': 1000, 'at': '2026-11-24T01:31:00Z'}]}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsOrderUpdateType):
            channel (None | str): `orders`.
            occurred_at (datetime.datetime):
            data (Order): A paper order and every status it went through, oldest first. Example: {'id': 5, 'account_id': 1,
                'owner': 'alice', 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit', 'quantity': 1000, 'limit_price': 10.5,
                'filled_quantity': 0, 'avg_fill_price': None, 'fees': 0, 'frozen_cash': 10505, 'status': 'new', 'trading_day':
                '2026-11-24', 'strategy_id': None, 'created_at': '2026-11-24T01:30:00Z', 'updated_at': '2026-11-24T01:30:00Z',
                'history': [{'status': 'new', 'filled_quantity': 0, 'at': '2026-11-24T01:30:00Z'}]}.
    """

    id: str
    type_: WsOrderUpdateType
    channel: None | str
    occurred_at: datetime.datetime
    data: Order
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
        from ..models.order import Order  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsOrderUpdateType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = Order.from_dict(d.pop("data"))

        ws_order_update = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_order_update.additional_properties = d
        return ws_order_update

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
