from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.backtest_trade import BacktestTrade


T = TypeVar("T", bound="BacktestTradeList")


@_attrs_define
class BacktestTradeList:
    """
    Example:
        {'backtest_id': 7, 'items': []}

    Attributes:
        backtest_id (int):
        items (list[BacktestTrade]):
    """

    backtest_id: int
    items: list[BacktestTrade]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backtest_id = self.backtest_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backtest_id": backtest_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_trade import BacktestTrade  # noqa: PLC0415

        d = dict(src_dict)
        backtest_id = d.pop("backtest_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BacktestTrade.from_dict(items_item_data)

            items.append(items_item)

        backtest_trade_list = cls(
            backtest_id=backtest_id,
            items=items,
        )

        backtest_trade_list.additional_properties = d
        return backtest_trade_list

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
