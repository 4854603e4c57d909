from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountInput")


@_attrs_define
class AccountInput:
    """A new paper account (A-shares, CNY). The optional limits are this account's own pre-trade
    limits (CNY); left out, the server's settings apply (`MYSTOCKS_PAPER_MAX_ORDER_VALUE`,
    `MYSTOCKS_PAPER_MAX_POSITION_VALUE`, `MYSTOCKS_PAPER_DAILY_LOSS_LIMIT`).

        Example:
            {'name': 'demo', 'initial_cash': 1000000, 'daily_loss_limit': 20000}

        Attributes:
            name (str):
            initial_cash (float): Starting cash, a whole number of fen.
            max_order_value (float | Unset): The largest order (its value at the worst price it may fill at), a whole number
                of fen.
            max_position_value (float | Unset): The most one symbol may be worth (held, open buys and the order), a whole
                number of fen.
            daily_loss_limit (float | Unset): Buys are refused (`daily_loss_limit`) once equity is this much below the
                previous
                trading day's close; a whole number of fen.
    """

    name: str
    initial_cash: float
    max_order_value: float | Unset = UNSET
    max_position_value: float | Unset = UNSET
    daily_loss_limit: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        initial_cash = self.initial_cash

        max_order_value = self.max_order_value

        max_position_value = self.max_position_value

        daily_loss_limit = self.daily_loss_limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "initial_cash": initial_cash,
            }
        )
        if max_order_value is not UNSET:
            field_dict["max_order_value"] = max_order_value
        if max_position_value is not UNSET:
            field_dict["max_position_value"] = max_position_value
        if daily_loss_limit is not UNSET:
            field_dict["daily_loss_limit"] = daily_loss_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        initial_cash = d.pop("initial_cash")

        max_order_value = d.pop("max_order_value", UNSET)

        max_position_value = d.pop("max_position_value", UNSET)

        daily_loss_limit = d.pop("daily_loss_limit", UNSET)

        account_input = cls(
            name=name,
            initial_cash=initial_cash,
            max_order_value=max_order_value,
            max_position_value=max_position_value,
            daily_loss_limit=daily_loss_limit,
        )

        return account_input
