from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MacdTrendParameters")


@_attrs_define
class MacdTrendParameters:
    """MACD trend (terminal EMAs); `fast` must be below `slow`.

    Example:
        {'fast': 12, 'slow': 26, 'signal': 9}

    Attributes:
        fast (int | Unset):  Default: 12.
        slow (int | Unset):  Default: 26.
        signal (int | Unset):  Default: 9.
    """

    fast: int | Unset = 12
    slow: int | Unset = 26
    signal: int | Unset = 9

    def to_dict(self) -> dict[str, Any]:
        fast = self.fast

        slow = self.slow

        signal = self.signal

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fast is not UNSET:
            field_dict["fast"] = fast
        if slow is not UNSET:
            field_dict["slow"] = slow
        if signal is not UNSET:
            field_dict["signal"] = signal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fast = d.pop("fast", UNSET)

        slow = d.pop("slow", UNSET)

        signal = d.pop("signal", UNSET)

        macd_trend_parameters = cls(
            fast=fast,
            slow=slow,
            signal=signal,
        )

        return macd_trend_parameters
