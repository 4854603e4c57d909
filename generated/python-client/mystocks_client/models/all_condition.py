from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.all_condition_kind import AllConditionKind

if TYPE_CHECKING:
    from ..models.any_condition import AnyCondition
    from ..models.breakout_condition import BreakoutCondition
    from ..models.change_condition import ChangeCondition
    from ..models.compare_condition import CompareCondition
    from ..models.cross_condition import CrossCondition
    from ..models.not_condition import NotCondition
    from ..models.volume_ratio_condition import VolumeRatioCondition


T = TypeVar("T", bound="AllCondition")


@_attrs_define
class AllCondition:
    """Every condition holds. Nested at most 5 deep; at most 20 conditions in one group.

    Example:
        {'kind': 'all', 'conditions': [{'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt', 'right':
            {'indicator': 'MA', 'params': [20]}}, {'kind': 'volume_ratio', 'days': 5, 'op': 'gte', 'ratio': 2}]}

    Attributes:
        kind (AllConditionKind):
        conditions (list[AllCondition | AnyCondition | BreakoutCondition | ChangeCondition | CompareCondition |
            CrossCondition | NotCondition | VolumeRatioCondition]):
    """

    kind: AllConditionKind
    conditions: list[
        AllCondition
        | AnyCondition
        | BreakoutCondition
        | ChangeCondition
        | CompareCondition
        | CrossCondition
        | NotCondition
        | VolumeRatioCondition
    ]

    def to_dict(self) -> dict[str, Any]:
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        kind = self.kind.value

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item: dict[str, Any]
            if isinstance(conditions_item_data, CompareCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, CrossCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, ChangeCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, BreakoutCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, VolumeRatioCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, AllCondition):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, AnyCondition):
                conditions_item = conditions_item_data.to_dict()
            else:
                conditions_item = conditions_item_data.to_dict()

            conditions.append(conditions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.not_condition import NotCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        d = dict(src_dict)
        kind = AllConditionKind(d.pop("kind"))

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:

            def _parse_conditions_item(
                data: object,
            ) -> (
                AllCondition
                | AnyCondition
                | BreakoutCondition
                | ChangeCondition
                | CompareCondition
                | CrossCondition
                | NotCondition
                | VolumeRatioCondition
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_0 = CompareCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_1 = CrossCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_2 = ChangeCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_3 = BreakoutCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_4 = VolumeRatioCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_5 = AllCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_screen_condition_type_6 = AnyCondition.from_dict(data)

                    return componentsschemas_screen_condition_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_7 = NotCondition.from_dict(data)

                return componentsschemas_screen_condition_type_7

            conditions_item = _parse_conditions_item(conditions_item_data)

            conditions.append(conditions_item)

        all_condition = cls(
            kind=kind,
            conditions=conditions,
        )

        return all_condition
