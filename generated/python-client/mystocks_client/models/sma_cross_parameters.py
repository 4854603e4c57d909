from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmaCrossParameters")


@_attrs_define
class SmaCrossParameters:
    """Moving-average crossover; `fast` must be below `slow`.

    Example:
        {'fast': 5, 'slow': 20}

    Attributes:
        fast (int | Unset): Bars in the fast moving average. Default: 5.
        slow (int | Unset): Bars in the slow moving average. Default: 20.
    """

    fast: int | Unset = 5
    slow: int | Unset = 20

    def to_dict(self) -> dict[str, Any]:
        fast = self.fast

        slow = self.slow

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fast is not UNSET:
            field_dict["fast"] = fast
        if slow is not UNSET:
            field_dict["slow"] = slow

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fast = d.pop("fast", UNSET)

        slow = d.pop("slow", UNSET)

        sma_cross_parameters = cls(
            fast=fast,
            slow=slow,
        )

        return sma_cross_parameters
