from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backtest_trade_side import BacktestTradeSide

T = TypeVar("T", bound="BacktestTrade")


@_attrs_define
class BacktestTrade:
    """
    Example:
        {'time': '2016-07-05T09:30:00+08:00', 'symbol': '600036.SH', 'side': 'buy', 'price': 16.3, 'quantity': 61300,
            'commission': 249.8, 'stamp_duty': 0, 'realized_pnl': None}

    Attributes:
        time (datetime.datetime):
        symbol (str):
        side (BacktestTradeSide):
        price (float): Fill price, slippage included.
        quantity (int): Shares, in board lots for A-share buys.
        commission (float):
        stamp_duty (float):
        realized_pnl (float | None): For sells, the round trip's profit after costs.
    """

    time: datetime.datetime
    symbol: str
    side: BacktestTradeSide
    price: float
    quantity: int
    commission: float
    stamp_duty: float
    realized_pnl: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time = self.time.isoformat()

        symbol = self.symbol

        side = self.side.value

        price = self.price

        quantity = self.quantity

        commission = self.commission

        stamp_duty = self.stamp_duty

        realized_pnl: float | None
        realized_pnl = self.realized_pnl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "time": time,
                "symbol": symbol,
                "side": side,
                "price": price,
                "quantity": quantity,
                "commission": commission,
                "stamp_duty": stamp_duty,
                "realized_pnl": realized_pnl,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time = datetime.datetime.fromisoformat(d.pop("time"))

        symbol = d.pop("symbol")

        side = BacktestTradeSide(d.pop("side"))

        price = d.pop("price")

        quantity = d.pop("quantity")

        commission = d.pop("commission")

        stamp_duty = d.pop("stamp_duty")

        def _parse_realized_pnl(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        realized_pnl = _parse_realized_pnl(d.pop("realized_pnl"))

        backtest_trade = cls(
            time=time,
            symbol=symbol,
            side=side,
            price=price,
            quantity=quantity,
            commission=commission,
            stamp_duty=stamp_duty,
            realized_pnl=realized_pnl,
        )

        backtest_trade.additional_properties = d
        return backtest_trade

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
