from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.breakout_condition_direction import BreakoutConditionDirection
from ..models.breakout_condition_kind import BreakoutConditionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BreakoutCondition")


@_attrs_define
class BreakoutCondition:
    """A breakout on the as-of day: `high`, the close above the highest high of the `days` bars
    before it; `low`, the close below their lowest low.

        Example:
            {'kind': 'breakout', 'days': 20, 'direction': 'high'}

        Attributes:
            kind (BreakoutConditionKind):
            days (int):
            direction (BreakoutConditionDirection | Unset):  Default: BreakoutConditionDirection.HIGH.
    """

    kind: BreakoutConditionKind
    days: int
    direction: BreakoutConditionDirection | Unset = BreakoutConditionDirection.HIGH

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        days = self.days

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "days": days,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = BreakoutConditionKind(d.pop("kind"))

        days = d.pop("days")

        _direction = d.pop("direction", UNSET)
        direction: BreakoutConditionDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = BreakoutConditionDirection(_direction)

        breakout_condition = cls(
            kind=kind,
            days=days,
            direction=direction,
        )

        return breakout_condition
