from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType

if TYPE_CHECKING:
    from ..models.order_status_change import OrderStatusChange


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """A paper order and every status it went through, oldest first.

    Example:
        {'id': 5, 'account_id': 1, 'owner': 'alice', 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit', 'quantity':
            1000, 'limit_price': 10.5, 'filled_quantity': 0, 'avg_fill_price': None, 'fees': 0, 'frozen_cash': 10505,
            'status': 'new', 'trading_day': '2026-11-24', 'strategy_id': None, 'created_at': '2026-11-24T01:30:00Z',
            'updated_at': '2026-11-24T01:30:00Z', 'history': [{'status': 'new', 'filled_quantity': 0, 'at':
            '2026-11-24T01:30:00Z'}]}

    Attributes:
        id (int):
        account_id (int):
        owner (str):
        symbol (str):
        side (OrderSide):  Example: buy.
        type_ (OrderType): `market` fills at the next tick (with slippage); `limit` when a tick reaches the price.
            Example: limit.
        quantity (int):
        limit_price (float | None):
        filled_quantity (int):
        avg_fill_price (float | None):
        fees (float): Commission and stamp duty paid so far.
        frozen_cash (float): Cash still held for this buy.
        status (OrderStatus): new -> partially_filled -> filled, or cancelled, rejected, expired. Example: filled.
        trading_day (datetime.date):
        strategy_id (int | None): The strategy whose live signal placed this order (`auto_trade`); null for an order
            placed by hand.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        history (list[OrderStatusChange]):
    """

    id: int
    account_id: int
    owner: str
    symbol: str
    side: OrderSide
    type_: OrderType
    quantity: int
    limit_price: float | None
    filled_quantity: int
    avg_fill_price: float | None
    fees: float
    frozen_cash: float
    status: OrderStatus
    trading_day: datetime.date
    strategy_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    history: list[OrderStatusChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        owner = self.owner

        symbol = self.symbol

        side = self.side.value

        type_ = self.type_.value

        quantity = self.quantity

        limit_price: float | None
        limit_price = self.limit_price

        filled_quantity = self.filled_quantity

        avg_fill_price: float | None
        avg_fill_price = self.avg_fill_price

        fees = self.fees

        frozen_cash = self.frozen_cash

        status = self.status.value

        trading_day = self.trading_day.isoformat()

        strategy_id: int | None
        strategy_id = self.strategy_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "owner": owner,
                "symbol": symbol,
                "side": side,
                "type": type_,
                "quantity": quantity,
                "limit_price": limit_price,
                "filled_quantity": filled_quantity,
                "avg_fill_price": avg_fill_price,
                "fees": fees,
                "frozen_cash": frozen_cash,
                "status": status,
                "trading_day": trading_day,
                "strategy_id": strategy_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_status_change import OrderStatusChange  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        owner = d.pop("owner")

        symbol = d.pop("symbol")

        side = OrderSide(d.pop("side"))

        type_ = OrderType(d.pop("type"))

        quantity = d.pop("quantity")

        def _parse_limit_price(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        limit_price = _parse_limit_price(d.pop("limit_price"))

        filled_quantity = d.pop("filled_quantity")

        def _parse_avg_fill_price(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_fill_price = _parse_avg_fill_price(d.pop("avg_fill_price"))

        fees = d.pop("fees")

        frozen_cash = d.pop("frozen_cash")

        status = OrderStatus(d.pop("status"))

        trading_day = datetime.date.fromisoformat(d.pop("trading_day"))

        def _parse_strategy_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = OrderStatusChange.from_dict(history_item_data)

            history.append(history_item)

        order = cls(
            id=id,
            account_id=account_id,
            owner=owner,
            symbol=symbol,
            side=side,
            type_=type_,
            quantity=quantity,
            limit_price=limit_price,
            filled_quantity=filled_quantity,
            avg_fill_price=avg_fill_price,
            fees=fees,
            frozen_cash=frozen_cash,
            status=status,
            trading_day=trading_day,
            strategy_id=strategy_id,
            created_at=created_at,
            updated_at=updated_at,
            history=history,
        )

        order.additional_properties = d
        return order

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
