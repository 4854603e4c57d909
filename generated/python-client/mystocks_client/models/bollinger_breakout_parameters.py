from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BollingerBreakoutParameters")


@_attrs_define
class BollingerBreakoutParameters:
    """Bollinger breakout (bands of the sample standard deviation, as terminals draw them).

    Example:
        {'period': 20, 'k': 2}

    Attributes:
        period (int | Unset):  Default: 20.
        k (float | Unset): Band width in standard deviations. Default: 2.0.
    """

    period: int | Unset = 20
    k: float | Unset = 2.0

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        k = self.k

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if period is not UNSET:
            field_dict["period"] = period
        if k is not UNSET:
            field_dict["k"] = k

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        k = d.pop("k", UNSET)

        bollinger_breakout_parameters = cls(
            period=period,
            k=k,
        )

        return bollinger_breakout_parameters
