from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardAccount")


@_attrs_define
class DashboardAccount:
    """One paper account's equity and P&L (CNY).

    Example:
        {'id': 1, 'name': 'demo', 'equity': 999500, 'realized_pnl': 0, 'unrealized_pnl': -500}

    Attributes:
        id (int):
        name (str):
        equity (float):
        realized_pnl (float):
        unrealized_pnl (float):
    """

    id: int
    name: str
    equity: float
    realized_pnl: float
    unrealized_pnl: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        equity = self.equity

        realized_pnl = self.realized_pnl

        unrealized_pnl = self.unrealized_pnl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "equity": equity,
                "realized_pnl": realized_pnl,
                "unrealized_pnl": unrealized_pnl,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        equity = d.pop("equity")

        realized_pnl = d.pop("realized_pnl")

        unrealized_pnl = d.pop("unrealized_pnl")

        dashboard_account = cls(
            id=id,
            name=name,
            equity=equity,
            realized_pnl=realized_pnl,
            unrealized_pnl=unrealized_pnl,
        )

        dashboard_account.additional_properties = d
        return dashboard_account

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
