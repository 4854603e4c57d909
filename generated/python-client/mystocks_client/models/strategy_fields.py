from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period import Period
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyFields")


@_attrs_define
class StrategyFields:
    """What a strategy is called and what it trades.

    Example:
        {'name': 'sma 5/20', 'symbols': ['600036.SH']}

    Attributes:
        name (str):  Example: sma 5/20.
        symbols (list[str]):  Example: ['600036.SH'].
        description (str | Unset):  Example: Classic moving-average crossover on a bank stock..
        period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share
            60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
    """

    name: str
    symbols: list[str]
    description: str | Unset = UNSET
    period: Period | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        symbols = self.symbols

        description = self.description

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "symbols": symbols,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if period is not UNSET:
            field_dict["period"] = period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        symbols = cast(list[str], d.pop("symbols"))

        description = d.pop("description", UNSET)

        _period = d.pop("period", UNSET)
        period: Period | Unset
        if isinstance(_period, Unset):
            period = UNSET
        else:
            period = Period(_period)

        strategy_fields = cls(
            name=name,
            symbols=symbols,
            description=description,
            period=period,
        )

        strategy_fields.additional_properties = d
        return strategy_fields

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
