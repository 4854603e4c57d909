from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dashboard_account import DashboardAccount


T = TypeVar("T", bound="DashboardPaper")


@_attrs_define
class DashboardPaper:
    """Your own paper accounts (an admin's too: their own, not everyone's), each marked to market at
    its symbols' latest trades as `GET /api/v1/accounts/{account_id}` shows it: the newest 20,
    and the totals of those. CNY.

        Example:
            {'equity': 1012000.5, 'realized_pnl': 1500, 'unrealized_pnl': 10500.5, 'accounts': [{'id': 2, 'name':
                'momentum', 'equity': 512000.5, 'realized_pnl': 1500, 'unrealized_pnl': 10500.5}, {'id': 1, 'name': 'demo',
                'equity': 500000, 'realized_pnl': 0, 'unrealized_pnl': 0}]}

        Attributes:
            equity (float): The accounts' total equity (cash + frozen cash + market value).
            realized_pnl (float):
            unrealized_pnl (float):
            accounts (list[DashboardAccount]): Newest first.
    """

    equity: float
    realized_pnl: float
    unrealized_pnl: float
    accounts: list[DashboardAccount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        equity = self.equity

        realized_pnl = self.realized_pnl

        unrealized_pnl = self.unrealized_pnl

        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "equity": equity,
                "realized_pnl": realized_pnl,
                "unrealized_pnl": unrealized_pnl,
                "accounts": accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dashboard_account import DashboardAccount  # noqa: PLC0415

        d = dict(src_dict)
        equity = d.pop("equity")

        realized_pnl = d.pop("realized_pnl")

        unrealized_pnl = d.pop("unrealized_pnl")

        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = DashboardAccount.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        dashboard_paper = cls(
            equity=equity,
            realized_pnl=realized_pnl,
            unrealized_pnl=unrealized_pnl,
            accounts=accounts,
        )

        dashboard_paper.additional_properties = d
        return dashboard_paper

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
