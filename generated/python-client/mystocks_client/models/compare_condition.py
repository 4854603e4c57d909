from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.compare_condition_kind import CompareConditionKind
from ..models.comparison_operator import ComparisonOperator

if TYPE_CHECKING:
    from ..models.field_operand import FieldOperand
    from ..models.indicator_operand import IndicatorOperand


T = TypeVar("T", bound="CompareCondition")


@_attrs_define
class CompareCondition:
    """`left op right` on the as-of day: `close > MA(20)`, `RSI(6) < 20` (a threshold is a number on
    one side). A side that is not yet defined (an indicator's warm-up) never matches.

        Example:
            {'kind': 'compare', 'left': {'indicator': 'RSI', 'params': [6]}, 'op': 'lt', 'right': 20}

        Attributes:
            kind (CompareConditionKind):
            left (FieldOperand | float | IndicatorOperand): A value per symbol on a day: a bar field (`{"field": "close"}`),
                one output of an indicator
                (`{"indicator": "MA", "params": [20]}`), or a plain number.
                 Example: {'indicator': 'MA', 'params': [20]}.
            op (ComparisonOperator): `gt` >, `gte` >=, `lt` <, `lte` <=. Example: gt.
            right (FieldOperand | float | IndicatorOperand): A value per symbol on a day: a bar field (`{"field":
                "close"}`), one output of an indicator
                (`{"indicator": "MA", "params": [20]}`), or a plain number.
                 Example: {'indicator': 'MA', 'params': [20]}.
    """

    kind: CompareConditionKind
    left: FieldOperand | float | IndicatorOperand
    op: ComparisonOperator
    right: FieldOperand | float | IndicatorOperand

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_operand import FieldOperand  # noqa: PLC0415
        from ..models.indicator_operand import IndicatorOperand  # noqa: PLC0415

        kind = self.kind.value

        left: dict[str, Any] | float
        if isinstance(self.left, FieldOperand):
            left = self.left.to_dict()
        elif isinstance(self.left, IndicatorOperand):
            left = self.left.to_dict()
        else:
            left = self.left

        op = self.op.value

        right: dict[str, Any] | float
        if isinstance(self.right, FieldOperand):
            right = self.right.to_dict()
        elif isinstance(self.right, IndicatorOperand):
            right = self.right.to_dict()
        else:
            right = self.right

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "left": left,
                "op": op,
                "right": right,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_operand import FieldOperand  # noqa: PLC0415
        from ..models.indicator_operand import IndicatorOperand  # noqa: PLC0415

        d = dict(src_dict)
        kind = CompareConditionKind(d.pop("kind"))

        def _parse_left(data: object) -> FieldOperand | float | IndicatorOperand:
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

        left = _parse_left(d.pop("left"))

        op = ComparisonOperator(d.pop("op"))

        def _parse_right(data: object) -> FieldOperand | float | IndicatorOperand:
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

        right = _parse_right(d.pop("right"))

        compare_condition = cls(
            kind=kind,
            left=left,
            op=op,
            right=right,
        )

        return compare_condition
