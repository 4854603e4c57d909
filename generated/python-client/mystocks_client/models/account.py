from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A paper account. `cash` is free to spend; `frozen_cash` is held by open buy orders (their value
    and fees); `market_value` prices the positions at their latest trade; `equity` = cash +
    frozen_cash + market_value. The limits are the account's own pre-trade limits; null where the
    server's setting applies.

        Example:
            {'id': 1, 'owner': 'alice', 'name': 'demo', 'currency': 'CNY', 'initial_cash': 1000000, 'cash': 989000,
                'frozen_cash': 0, 'market_value': 10500, 'equity': 999500, 'realized_pnl': 0, 'unrealized_pnl': -500,
                'max_order_value': None, 'max_position_value': None, 'daily_loss_limit': 20000, 'created_at':
                '2026-11-24T01:30:00Z'}

        Attributes:
            id (int):
            owner (str):
            name (str):
            currency (str): The market's currency (CNY for A-shares). Example: CNY.
            initial_cash (float):
            cash (float):
            frozen_cash (float):
            market_value (float):
            equity (float):
            realized_pnl (float):
            unrealized_pnl (float):
            max_order_value (float | None):
            max_position_value (float | None):
            daily_loss_limit (float | None):
            created_at (datetime.datetime):
    """

    id: int
    owner: str
    name: str
    currency: str
    initial_cash: float
    cash: float
    frozen_cash: float
    market_value: float
    equity: float
    realized_pnl: float
    unrealized_pnl: float
    max_order_value: float | None
    max_position_value: float | None
    daily_loss_limit: float | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner = self.owner

        name = self.name

        currency = self.currency

        initial_cash = self.initial_cash

        cash = self.cash

        frozen_cash = self.frozen_cash

        market_value = self.market_value

        equity = self.equity

        realized_pnl = self.realized_pnl

        unrealized_pnl = self.unrealized_pnl

        max_order_value: float | None
        max_order_value = self.max_order_value

        max_position_value: float | None
        max_position_value = self.max_position_value

        daily_loss_limit: float | None
        daily_loss_limit = self.daily_loss_limit

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "name": name,
                "currency": currency,
                "initial_cash": initial_cash,
                "cash": cash,
                "frozen_cash": frozen_cash,
                "market_value": market_value,
                "equity": equity,
                "realized_pnl": realized_pnl,
                "unrealized_pnl": unrealized_pnl,
                "max_order_value": max_order_value,
                "max_position_value": max_position_value,
                "daily_loss_limit": daily_loss_limit,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        name = d.pop("name")

        currency = d.pop("currency")

        initial_cash = d.pop("initial_cash")

        cash = d.pop("cash")

        frozen_cash = d.pop("frozen_cash")

        market_value = d.pop("market_value")

        equity = d.pop("equity")

        realized_pnl = d.pop("realized_pnl")

        unrealized_pnl = d.pop("unrealized_pnl")

        def _parse_max_order_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_order_value = _parse_max_order_value(d.pop("max_order_value"))

        def _parse_max_position_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_position_value = _parse_max_position_value(d.pop("max_position_value"))

        def _parse_daily_loss_limit(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        daily_loss_limit = _parse_daily_loss_limit(d.pop("daily_loss_limit"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        account = cls(
            id=id,
            owner=owner,
            name=name,
            currency=currency,
            initial_cash=initial_cash,
            cash=cash,
            frozen_cash=frozen_cash,
            market_value=market_value,
            equity=equity,
            realized_pnl=realized_pnl,
            unrealized_pnl=unrealized_pnl,
            max_order_value=max_order_value,
            max_position_value=max_position_value,
            daily_loss_limit=daily_loss_limit,
            created_at=created_at,
        )

        account.additional_properties = d
        return account

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
