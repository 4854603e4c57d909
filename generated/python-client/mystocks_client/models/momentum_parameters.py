from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MomentumParameters")


@_attrs_define
class MomentumParameters:
    """N-bar momentum.

    Example:
        {'lookback': 20, 'threshold': 0.05}

    Attributes:
        lookback (int | Unset):  Default: 20.
        threshold (float | Unset): Hold while close / close[lookback bars ago] − 1 exceeds this. Default: 0.0.
    """

    lookback: int | Unset = 20
    threshold: float | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        lookback = self.lookback

        threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lookback is not UNSET:
            field_dict["lookback"] = lookback
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lookback = d.pop("lookback", UNSET)

        threshold = d.pop("threshold", UNSET)

        momentum_parameters = cls(
            lookback=lookback,
            threshold=threshold,
        )

        return momentum_parameters
