from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period import Period
from ..models.signal_side import SignalSide

if TYPE_CHECKING:
    from ..models.order_refusal_type_0 import OrderRefusalType0


T = TypeVar("T", bound="Signal")


@_attrs_define
class Signal:
    """A live strategy's signal on one closed bar of one of its symbols.

    Example:
        {'id': 7, 'strategy_id': 1, 'symbol': '600036.SH', 'period': '5m', 'side': 'buy', 'price': 25.87, 'reason':
            "sma_cross {'fast': 5, 'slow': 20}: target 0 -> 1 on the 5m bar closing 2017-07-26T10:35:00+08:00", 'bar_time':
            '2017-07-26T10:35:00+08:00', 'created_at': '2026-11-24T02:35:00.120000+00:00', 'order_id': 12, 'order_refusal':
            None}

    Attributes:
        id (int):
        strategy_id (int):
        symbol (str):  Example: 600036.SH.
        period (Period): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        side (SignalSide): `buy` when the strategy's target holding turns long, `sell` when it turns flat.
        price (float): The close of the bar the signal was computed on.
        reason (str): The rule and the change of target holding, in words.
        bar_time (datetime.datetime): When the bar closed (exchange-local, with its offset).
        created_at (datetime.datetime):
        order_id (int | None): The paper order this signal placed, when its strategy runs with `auto_trade`; null
            otherwise, or when the order was refused.
        order_refusal (None | OrderRefusalType0): Why `auto_trade` placed no order for a signal (null when it placed
            one, or does not trade); `code` is one of the order refusal codes (`OrderInput`), or `no_position` (a sell
            signal with nothing to sell) or `unavailable` (the account is gone). Example: {'code': 'insufficient_cash',
            'detail': 'The order and its fees need 2594.21 of free cash.'}.
    """

    id: int
    strategy_id: int
    symbol: str
    period: Period
    side: SignalSide
    price: float
    reason: str
    bar_time: datetime.datetime
    created_at: datetime.datetime
    order_id: int | None
    order_refusal: None | OrderRefusalType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_refusal_type_0 import OrderRefusalType0  # noqa: PLC0415

        id = self.id

        strategy_id = self.strategy_id

        symbol = self.symbol

        period = self.period.value

        side = self.side.value

        price = self.price

        reason = self.reason

        bar_time = self.bar_time.isoformat()

        created_at = self.created_at.isoformat()

        order_id: int | None
        order_id = self.order_id

        order_refusal: dict[str, Any] | None
        if isinstance(self.order_refusal, OrderRefusalType0):
            order_refusal = self.order_refusal.to_dict()
        else:
            order_refusal = self.order_refusal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "strategy_id": strategy_id,
                "symbol": symbol,
                "period": period,
                "side": side,
                "price": price,
                "reason": reason,
                "bar_time": bar_time,
                "created_at": created_at,
                "order_id": order_id,
                "order_refusal": order_refusal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_refusal_type_0 import OrderRefusalType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        strategy_id = d.pop("strategy_id")

        symbol = d.pop("symbol")

        period = Period(d.pop("period"))

        side = SignalSide(d.pop("side"))

        price = d.pop("price")

        reason = d.pop("reason")

        bar_time = datetime.datetime.fromisoformat(d.pop("bar_time"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_order_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        order_id = _parse_order_id(d.pop("order_id"))

        def _parse_order_refusal(data: object) -> None | OrderRefusalType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_order_refusal_type_0 = OrderRefusalType0.from_dict(data)

                return componentsschemas_order_refusal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderRefusalType0, data)

        order_refusal = _parse_order_refusal(d.pop("order_refusal"))

        signal = cls(
            id=id,
            strategy_id=strategy_id,
            symbol=symbol,
            period=period,
            side=side,
            price=price,
            reason=reason,
            bar_time=bar_time,
            created_at=created_at,
            order_id=order_id,
            order_refusal=order_refusal,
        )

        signal.additional_properties = d
        return signal

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
