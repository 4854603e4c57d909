from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AutoTradeType0")


@_attrs_define
class AutoTradeType0:
    """Trade a strategy's live signals on a paper account (null: they do not trade): a `buy` signal places a market order
    for
    `quantity` shares, a `sell` signal one for every share of the symbol the account can sell
    today. Orders take the same path and checks as `POST /api/v1/orders` (session, board lots,
    limit band, cash, T+1, risk limits); a refused one is kept on the signal (`order_refusal`).

        Example:
            {'account_id': 1, 'quantity': 1000}

        Attributes:
            account_id (int): One of the strategy owner's paper accounts.
            quantity (int): Shares per buy, in board lots of 100.
    """

    account_id: int
    quantity: int

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        quantity = d.pop("quantity")

        auto_trade_type_0 = cls(
            account_id=account_id,
            quantity=quantity,
        )

        return auto_trade_type_0
