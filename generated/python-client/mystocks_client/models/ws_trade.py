from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_trade_type import WsTradeType

if TYPE_CHECKING:
    from ..models.paper_trade import PaperTrade


T = TypeVar("T", bound="WsTrade")


@_attrs_define
class WsTrade:
    """A fill of one of the caller's own orders: the `orders` channel's `trade` event, sent after the
    fill committed and before the `order_update` it caused.

        Example:
            {'id': '2', 'type': 'trade', 'channel': 'orders', 'occurred_at': '2026-11-24T01:31:00Z', 'data': {'id': 1,
                'order_id': 5, 'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'price': 10.5, 'quantity': 1000,
                'commission': 5, 'stamp_duty': 0, 'realized_pnl': None, 'tick_time': '2026-11-24T09:31:00+08:00', 'created_at':
                '2026-11-24T01:31:00Z'}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsTradeType):
            channel (None | str): `orders`.
            occurred_at (datetime.datetime):
            data (PaperTrade): One fill of a paper order; `realized_pnl` on sells only (net of fees, against the average
                cost). Example: {'id': 1, 'order_id': 5, 'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'price': 10.5,
                'quantity': 1000, 'commission': 5, 'stamp_duty': 0, 'realized_pnl': None, 'tick_time':
                '2026-11-24T09:31:00+08:00', 'created_at': '2026-11-24T01:31:00Z'}.
    """

    id: str
    type_: WsTradeType
    channel: None | str
    occurred_at: datetime.datetime
    data: PaperTrade
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
        from ..models.paper_trade import PaperTrade  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsTradeType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = PaperTrade.from_dict(d.pop("data"))

        ws_trade = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_trade.additional_properties = d
        return ws_trade

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
