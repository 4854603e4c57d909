from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cross_condition_direction import CrossConditionDirection
from ..models.cross_condition_kind import CrossConditionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_operand import FieldOperand
    from ..models.indicator_operand import IndicatorOperand


T = TypeVar("T", bound="CrossCondition")


@_attrs_define
class CrossCondition:
    """`fast` crossed `slow` on one of the last `within_days` trading days up to the as-of day
    (1: on that day). Above: fast > slow on the day and fast <= slow the day before; below: the
    mirror.

        Example:
            {'kind': 'cross', 'fast': {'indicator': 'MA', 'params': [5]}, 'slow': {'indicator': 'MA', 'params': [20]},
                'direction': 'above', 'within_days': 3}

        Attributes:
            kind (CrossConditionKind):
            fast (FieldOperand | float | IndicatorOperand): A value per symbol on a day: a bar field (`{"field": "close"}`),
                one output of an indicator
                (`{"indicator": "MA", "params": [20]}`), or a plain number.
                 Example: {'indicator': 'MA', 'params': [20]}.
            slow (FieldOperand | float | IndicatorOperand): A value per symbol on a day: a bar field (`{"field": "close"}`),
                one output of an indicator
                (`{"indicator": "MA", "params": [20]}`), or a plain number.
                 Example: {'indicator': 'MA', 'params': [20]}.
            direction (CrossConditionDirection | Unset):  Default: CrossConditionDirection.ABOVE.
            within_days (int | Unset):  Default: 1.
    """

    kind: CrossConditionKind
    fast: FieldOperand | float | IndicatorOperand
    slow: FieldOperand | float | IndicatorOperand
    direction: CrossConditionDirection | Unset = CrossConditionDirection.ABOVE
    within_days: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_operand import FieldOperand  # noqa: PLC0415
        from ..models.indicator_operand import IndicatorOperand  # noqa: PLC0415

        kind = self.kind.value

        fast: dict[str, Any] | float
        if isinstance(self.fast, FieldOperand):
            fast = self.fast.to_dict()
        elif isinstance(self.fast, IndicatorOperand):
            fast = self.fast.to_dict()
        else:
            fast = self.fast

        slow: dict[str, Any] | float
        if isinstance(self.slow, FieldOperand):
            slow = self.slow.to_dict()
        elif isinstance(self.slow, IndicatorOperand):
            slow = self.slow.to_dict()
        else:
            slow = self.slow

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        within_days = self.within_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "fast": fast,
                "slow": slow,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction
        if within_days is not UNSET:
            field_dict["within_days"] = within_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_operand import FieldOperand  # noqa: PLC0415
        from ..models.indicator_operand import IndicatorOperand  # noqa: PLC0415

        d = dict(src_dict)
        kind = CrossConditionKind(d.pop("kind"))

        def _parse_fast(data: object) -> FieldOperand | float | IndicatorOperand:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_operand_type_1 = FieldOperand.from_dict(data)

                return componentsschemas_screen_operand_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_operand_type_2 = IndicatorOperand.from_dict(data)

                return componentsschemas_screen_operand_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldOperand | float | IndicatorOperand, data)

        fast = _parse_fast(d.pop("fast"))

        def _parse_slow(data: object) -> FieldOperand | float | IndicatorOperand:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_operand_type_1 = FieldOperand.from_dict(data)

                return componentsschemas_screen_operand_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_operand_type_2 = IndicatorOperand.from_dict(data)

                return componentsschemas_screen_operand_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldOperand | float | IndicatorOperand, data)

        slow = _parse_slow(d.pop("slow"))

        _direction = d.pop("direction", UNSET)
        direction: CrossConditionDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = CrossConditionDirection(_direction)

        within_days = d.pop("within_days", UNSET)

        cross_condition = cls(
            kind=kind,
            fast=fast,
            slow=slow,
            direction=direction,
            within_days=within_days,
        )

        return cross_condition
