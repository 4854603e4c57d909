from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Mover")


@_attrs_define
class Mover:
    """One stock in a list of movers, with the figures of its latest quote.

    Example:
        {'symbol': '600036.SH', 'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount': 599527838.88}

    Attributes:
        symbol (str):
        name (str): The listing's Chinese name.
        last (float):
        change_pct (float | None): Percent against the previous close, 2 decimals; null without a previous close.
        amount (float): Turnover of the day so far, in CNY.
    """

    symbol: str
    name: str
    last: float
    change_pct: float | None
    amount: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        name = self.name

        last = self.last

        change_pct: float | None
        change_pct = self.change_pct

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "name": name,
                "last": last,
                "change_pct": change_pct,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        last = d.pop("last")

        def _parse_change_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_pct = _parse_change_pct(d.pop("change_pct"))

        amount = d.pop("amount")

        mover = cls(
            symbol=symbol,
            name=name,
            last=last,
            change_pct=change_pct,
            amount=amount,
        )

        mover.additional_properties = d
        return mover

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
