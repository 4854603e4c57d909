from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.indicator_point_values import IndicatorPointValues


T = TypeVar("T", bound="IndicatorPoint")


@_attrs_define
class IndicatorPoint:
    """
    Example:
        {'ts': '2017-07-26T00:00:00+08:00', 'values': {'DIF': 0.4123, 'DEA': 0.3871, 'MACD': 0.0504}}

    Attributes:
        ts (datetime.datetime): The bar's `ts`.
        values (IndicatorPointValues): One value per series name; null while warming up.
    """

    ts: datetime.datetime
    values: IndicatorPointValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ts = self.ts.isoformat()

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ts": ts,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_point_values import IndicatorPointValues  # noqa: PLC0415

        d = dict(src_dict)
        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        values = IndicatorPointValues.from_dict(d.pop("values"))

        indicator_point = cls(
            ts=ts,
            values=values,
        )

        indicator_point.additional_properties = d
        return indicator_point

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
