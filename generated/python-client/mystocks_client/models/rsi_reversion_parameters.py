from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RsiReversionParameters")


@_attrs_define
class RsiReversionParameters:
    """RSI mean reversion (terminal RSI, SMA(X,N,1) smoothing); `lower` must be below `upper`.

    Example:
        {'period': 6, 'lower': 20, 'upper': 80}

    Attributes:
        period (int | Unset):  Default: 6.
        lower (float | Unset): Enter when RSI falls below this. Default: 20.0.
        upper (float | Unset): Exit when RSI rises above this. Default: 80.0.
    """

    period: int | Unset = 6
    lower: float | Unset = 20.0
    upper: float | Unset = 80.0

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        lower = self.lower

        upper = self.upper

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if period is not UNSET:
            field_dict["period"] = period
        if lower is not UNSET:
            field_dict["lower"] = lower
        if upper is not UNSET:
            field_dict["upper"] = upper

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        lower = d.pop("lower", UNSET)

        upper = d.pop("upper", UNSET)

        rsi_reversion_parameters = cls(
            period=period,
            lower=lower,
            upper=upper,
        )

        return rsi_reversion_parameters
