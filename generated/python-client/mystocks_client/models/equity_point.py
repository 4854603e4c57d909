from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EquityPoint")


@_attrs_define
class EquityPoint:
    """
    Example:
        {'date': '2016-07-01', 'equity': 1000000, 'cash': 1000000}

    Attributes:
        date (datetime.date):
        equity (float): Cash plus positions at the close.
        cash (float):
    """

    date: datetime.date
    equity: float
    cash: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        equity = self.equity

        cash = self.cash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "equity": equity,
                "cash": cash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        equity = d.pop("equity")

        cash = d.pop("cash")

        equity_point = cls(
            date=date,
            equity=equity,
            cash=cash,
        )

        equity_point.additional_properties = d
        return equity_point

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
