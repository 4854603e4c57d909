from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.comparison_operator import ComparisonOperator
from ..models.volume_ratio_condition_kind import VolumeRatioConditionKind

T = TypeVar("T", bound="VolumeRatioCondition")


@_attrs_define
class VolumeRatioCondition:
    """The as-of day's volume over the mean volume of the `days` bars before it, compared with
    `ratio` (a volume surge: `gte` 2).

        Example:
            {'kind': 'volume_ratio', 'days': 5, 'op': 'gte', 'ratio': 2}

        Attributes:
            kind (VolumeRatioConditionKind):
            days (int):
            op (ComparisonOperator): `gt` >, `gte` >=, `lt` <, `lte` <=. Example: gt.
            ratio (float):
    """

    kind: VolumeRatioConditionKind
    days: int
    op: ComparisonOperator
    ratio: float

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        days = self.days

        op = self.op.value

        ratio = self.ratio

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "days": days,
                "op": op,
                "ratio": ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = VolumeRatioConditionKind(d.pop("kind"))

        days = d.pop("days")

        op = ComparisonOperator(d.pop("op"))

        ratio = d.pop("ratio")

        volume_ratio_condition = cls(
            kind=kind,
            days=days,
            op=op,
            ratio=ratio,
        )

        return volume_ratio_condition
