from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.screen_match_values import ScreenMatchValues


T = TypeVar("T", bound="ScreenMatch")


@_attrs_define
class ScreenMatch:
    """A symbol that matched, with the values its conditions looked at on the as-of day, labelled
    like `close`, `MA(20)`, `RSI(6)`, `MACD(12,26,9).DEA`, `change(5)`, `high(20)`,
    `volume_ratio(5)` (values not defined for the symbol are left out).

        Example:
            {'symbol': '600036.SH', 'name': '招商银行', 'values': {'close': 24.5, 'MA(20)': 23.87}}

        Attributes:
            symbol (str):
            name (str):
            values (ScreenMatchValues):
    """

    symbol: str
    name: str
    values: ScreenMatchValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        name = self.name

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "name": name,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.screen_match_values import ScreenMatchValues  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        values = ScreenMatchValues.from_dict(d.pop("values"))

        screen_match = cls(
            symbol=symbol,
            name=name,
            values=values,
        )

        screen_match.additional_properties = d
        return screen_match

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
