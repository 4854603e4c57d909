from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.all_condition import AllCondition
    from ..models.any_condition import AnyCondition
    from ..models.breakout_condition import BreakoutCondition
    from ..models.change_condition import ChangeCondition
    from ..models.compare_condition import CompareCondition
    from ..models.cross_condition import CrossCondition
    from ..models.not_condition import NotCondition
    from ..models.volume_ratio_condition import VolumeRatioCondition


T = TypeVar("T", bound="ScreenInput")


@_attrs_define
class ScreenInput:
    """A saved screen: its name, an optional description and its condition, checked as a run checks it.

    Example:
        {'name': '站上20日线', 'condition': {'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt', 'right':
            {'indicator': 'MA', 'params': [20]}}}

    Attributes:
        name (str):
        condition (AllCondition | AnyCondition | BreakoutCondition | ChangeCondition | CompareCondition | CrossCondition
            | NotCondition | VolumeRatioCondition): One screening condition, evaluated for every symbol of the universe on
            the as-of day; `kind`
            says which. `all`, `any` and `not` combine others, nested at most 5 deep. Indicators are the
            ones of `GET /api/v1/market/indicators` (same code, same 通达信 conventions).
             Example: {'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params':
            [20]}}.
        description (str | Unset):
    """

    name: str
    condition: (
        AllCondition
        | AnyCondition
        | BreakoutCondition
        | ChangeCondition
        | CompareCondition
        | CrossCondition
        | NotCondition
        | VolumeRatioCondition
    )
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_condition import AllCondition  # noqa: PLC0415
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        name = self.name

        condition: dict[str, Any]
        if isinstance(self.condition, CompareCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, CrossCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, ChangeCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, BreakoutCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, VolumeRatioCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AllCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AnyCondition):
            condition = self.condition.to_dict()
        else:
            condition = self.condition.to_dict()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "condition": condition,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.all_condition import AllCondition  # noqa: PLC0415
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.not_condition import NotCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_condition(
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

        condition = _parse_condition(d.pop("condition"))

        description = d.pop("description", UNSET)

        screen_input = cls(
            name=name,
            condition=condition,
            description=description,
        )

        return screen_input
