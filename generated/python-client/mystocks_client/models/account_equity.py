from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_equity_point import AccountEquityPoint


T = TypeVar("T", bound="AccountEquity")


@_attrs_define
class AccountEquity:
    """A paper account's equity history: one point per trading day from the day it was opened to
    today, oldest first, computed from its trades. P&L, return and drawdown count from the
    account's first day whatever `start` and `end` select.

        Example:
            {'account_id': 1, 'initial_cash': 1000000, 'items': [{'date': '2026-11-23', 'cash': 989000, 'market_value':
                10800, 'equity': 999800, 'daily_pnl': -200, 'cumulative_return': -0.0002, 'drawdown': -0.0002}, {'date':
                '2026-11-24', 'cash': 989000, 'market_value': 10500, 'equity': 999500, 'daily_pnl': -300, 'cumulative_return':
                -0.0005, 'drawdown': -0.0005}]}

        Attributes:
            account_id (int):
            initial_cash (float):
            items (list[AccountEquityPoint]):
    """

    account_id: int
    initial_cash: float
    items: list[AccountEquityPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        initial_cash = self.initial_cash

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "initial_cash": initial_cash,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_equity_point import AccountEquityPoint  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        initial_cash = d.pop("initial_cash")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AccountEquityPoint.from_dict(items_item_data)

            items.append(items_item)

        account_equity = cls(
            account_id=account_id,
            initial_cash=initial_cash,
            items=items,
        )

        account_equity.additional_properties = d
        return account_equity

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
