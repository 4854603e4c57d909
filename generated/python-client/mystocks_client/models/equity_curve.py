from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.equity_point import EquityPoint


T = TypeVar("T", bound="EquityCurve")


@_attrs_define
class EquityCurve:
    """
    Example:
        {'backtest_id': 7, 'items': [{'date': '2016-07-01', 'equity': 1000000, 'cash': 1000000}]}

    Attributes:
        backtest_id (int):
        items (list[EquityPoint]):
    """

    backtest_id: int
    items: list[EquityPoint]
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
        from ..models.equity_point import EquityPoint  # noqa: PLC0415

        d = dict(src_dict)
        backtest_id = d.pop("backtest_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = EquityPoint.from_dict(items_item_data)

            items.append(items_item)

        equity_curve = cls(
            backtest_id=backtest_id,
            items=items,
        )

        equity_curve.additional_properties = d
        return equity_curve

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
